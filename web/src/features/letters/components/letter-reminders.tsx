import { Alert, Anchor, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "@/lib/format.ts";
import { useLetterReminders } from "../api/letters.ts";
import { useLetterWords } from "../labels.ts";

const COLOUR = { due_soon: "yellow", overdue: "orange", escalated: "red" } as const;

/** The user's letters to act on: a step due soon or late, and those escalated to the head of the body. */
export function LetterReminders() {
  const { t } = useTranslation();
  const word = useLetterWords();
  const q = useLetterReminders();
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap={4} data-testid="letter-reminders">
      {items.slice(0, 8).map((r) => (
        <Alert key={r.id} color={COLOUR[r.reminder]} py={6} data-reminder={r.reminder}>
          {/* dark text, underlined: the link's blue reads too pale on the red and yellow fills */}
          <Anchor component={Link} to={`/letters/${r.id}`} size="sm" c="dark.8" underline="always">
            {t(`letters.reminders.${r.reminder}`, {
              kind: word("kind", r.kind),
              code: r.code,
              body: r.bodyName,
              date: r.stepDue ? formatDate(r.stepDue) : "—",
              legal: r.legalDue ? formatDate(r.legalDue) : "—",
            })}
          </Anchor>
        </Alert>
      ))}
    </Stack>
  );
}
