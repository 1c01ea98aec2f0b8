import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/tiptap/styles.css";
import "@mantine/notifications/styles.css";
import "./app/app.css";
import "dayjs/locale/vi";
import { type CSSVariablesResolver, createTheme, MantineProvider } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./app/app.tsx";
import "./lib/i18n.ts";

// dates typed as 31/12/2026 (the date inputs' DD/MM/YYYY) are read in that order
dayjs.extend(customParseFormat);

// text and buttons dark enough to read (WCAG AA, 4.5:1): the primary colour at its 8th shade, not the 6th
const theme = createTheme({ primaryShade: 8 });
// and the words of a field in error too: red at its 8th shade (the 6th reads at 3.3:1 on white)
const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { "--mantine-color-error": t.colors.red[8] },
  dark: {},
});

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-center" />
      <DatesProvider settings={{ locale: "vi" }}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  </StrictMode>,
);
