/** The browser journeys' shared setup: the real server on a fresh demo database, and Debian's Chromium. */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { loadConfig } from "../src/config.ts";
import { seedDemo } from "../src/demo/demo.seed.ts";
import { createLogger } from "../src/logger.ts";
import { type RunningServer, startServer, WEB_DIST } from "../src/server.ts";
import { createTestDatabase, TEST_SEALER, TEST_SECRET_KEY } from "../test/helpers.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Starts the server and the browser for the calling test file; both stop after it. */
export function startServerAndBrowser() {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
    if (!existsSync(`${WEB_DIST}/index.html`)) throw new Error("web app not built: npm run build:web");
    const handle = await createTestDatabase();
    await seedDemo(handle.db, { sealer: TEST_SEALER });
    env.server = await startServer(
      { ...loadConfig({}), port: 0, secretKey: TEST_SECRET_KEY },
      createLogger("silent"),
      {
        ...handle,
        close: async () => undefined, // the test helper closes the database
      },
    );
    env.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/** Fills the login form (shown on any page while logged out) as a demo user. */
export async function logIn(page: Page, username: string) {
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("demo12345");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

/** Chooses an option of a Mantine select by its label (the input's own label, then the option's text). */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole("combobox", { name: label, exact: typeof label === "string" }).click();
  await page
    .getByRole("option", { name: option, exact: typeof option === "string" })
    .first()
    .click();
}

/** Chooses a unit in a unit picker by typing part of its name (accents optional), then its option. */
export async function chooseUnit(page: Page, label: string | RegExp, typed: string, option: string | RegExp) {
  const input = page.getByRole("combobox", { name: label, exact: typeof label === "string" });
  await input.click();
  await input.fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}
