import { stepDocument } from "@domain/letter-workflow.ts";
import { Button, Checkbox, Group, Popover, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { download } from "@/lib/api.ts";
import { type Letter, letterKeys } from "../api/letters.ts";

/**
 * A step's document (notice, slip, decision, conclusion), in the body's layout with its signature block: a
 * draft, or numbered from the body's registry on the step's day (once: then every download carries it).
 */
export function StepDocument(props: {
  letter: Letter;
  event: Letter["events"][number];
  onError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [takeNumber, setTakeNumber] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const doc = stepDocument(props.letter.kind, props.event.action as Parameters<typeof stepDocument>[1]);
  if (!doc) return null;
  const get = async (format: "docx" | "pdf") => {
    setBusy(format);
    try {
      await download(
        `/api/letters/${props.letter.id}/events/${props.event.id}/document`,
        `van-ban.${format}`,
        {
          format,
          ...(takeNumber && !props.event.numberSymbol ? { takeNumber: true } : {}),
        },
      );
      if (takeNumber) await qc.invalidateQueries({ queryKey: letterKeys.one(props.letter.id) });
    } catch (e) {
      props.onError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Popover position="bottom-end" withArrow>
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" data-testid={`step-document-${props.event.id}`}>
          {t("letters.document")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {doc.typeName ?? t("letters.letterDocument")}: {doc.title}
          </Text>
          {props.event.numberSymbol ? (
            <Text size="sm">{t("letters.numbered", { symbol: props.event.numberSymbol })}</Text>
          ) : (
            <Checkbox
              label={t("letters.takeNumber")}
              checked={takeNumber}
              onChange={(e) => setTakeNumber(e.currentTarget.checked)}
              data-testid="step-document-take-number"
            />
          )}
          <Group gap="xs">
            <Button
              size="xs"
              loading={busy === "docx"}
              onClick={() => void get("docx")}
              data-testid="step-document-docx"
            >
              {t("documents.downloadDocx")}
            </Button>
            <Button size="xs" variant="light" loading={busy === "pdf"} onClick={() => void get("pdf")}>
              {t("documents.downloadPdf")}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
