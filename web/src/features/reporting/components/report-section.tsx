import { parseNarrative } from "@domain/narrative.ts";
import { langOf } from "@domain/vn-format.ts";
import { Paper, Text, Title } from "@mantine/core";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { NarrativeEditor } from "@/components/narrative-editor.tsx";
import type { SubmissionDetail } from "@/lib/api.ts";
import { IndicatorTable } from "./indicator-table.tsx";

type Section = SubmissionDetail["form"]["sections"][number];

/**
 * One section of a report being filled: its numbered title and guidance, then its text (with footnote checks)
 * or its indicator table; a heading is a title alone.
 */
export function ReportSection({
  section: s,
  editable,
  narrative,
  onNarrative,
  table,
}: {
  section: Section;
  editable: boolean;
  narrative: string;
  onNarrative: (text: string) => void;
  table: Omit<ComponentProps<typeof IndicatorTable>, "rows" | "editable">;
}) {
  const { t, i18n } = useTranslation();
  const title = langOf(i18n.language) === "en" ? s.titleEn : s.titleVi;
  return (
    <Paper withBorder={s.kind !== "heading"} p={s.kind === "heading" ? 0 : "sm"}>
      <Title order={s.depth === 1 ? 4 : 5} mb={4}>
        {sectionNumber(s.key)}
        {title}
      </Title>
      {s.guidanceVi && (
        <Text size="sm" c="dimmed">
          {s.guidanceVi}
        </Text>
      )}
      {s.kind === "narrative" && (
        <NarrativeEditor
          readOnly={!editable}
          value={narrative}
          onChange={onNarrative}
          testId={`narrative-${s.key}`}
          error={footnoteProblems(narrative, t)}
          label={title}
          hideLabel
        />
      )}
      {s.kind === "table" && <IndicatorTable rows={s.rows ?? []} editable={editable} {...table} />}
    </Paper>
  );
}

/** Footnote references without a note (or notes defined twice), as the server will refuse them on submit. */
function footnoteProblems(text: string, t: (k: string, o?: Record<string, string>) => string): string | null {
  const problems = parseNarrative(text).problems.filter((p) => p.kind !== "unused_note");
  return problems.length
    ? problems.map((p) => t(`reports.footnote_${p.kind}`, { label: p.label })).join("; ")
    : null;
}

/** "II.1" → "1. ", "III" → "III. ", "II.T" (a table) → "" */
function sectionNumber(key: string): string {
  const last = key.split(".").at(-1) ?? "";
  return /^([IVX]+|\d+)$/.test(last) ? `${last}. ` : "";
}
