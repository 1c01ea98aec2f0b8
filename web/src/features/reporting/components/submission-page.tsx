import { parseNarrative } from "@domain/narrative.ts";
import { formCombos } from "@domain/report-forms.ts";
import { breakdownMessage, checkBreakdowns } from "@domain/validation-rules.ts";
import { langOf } from "@domain/vn-format.ts";
import {
  Alert,
  Button,
  FileButton,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ConfirmDialog } from "@/components/confirm-dialog.tsx";
import { NarrativeEditor } from "@/components/narrative-editor.tsx";
import { ApiError, call, client, download, type SubmissionDetail, upload } from "@/lib/api.ts";
import { formatDate, formatDateTime, formatPeriod } from "@/lib/format.ts";
import { useUnsavedGuard } from "@/lib/unsaved.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { type SubmissionAction, sendAction, submissionKeys, useSubmission } from "../api/submissions.ts";
import { brokenRules, readInput, relang, toInput, type Values } from "../entry.ts";
import { IndicatorTable } from "./indicator-table.tsx";
import { Revisions } from "./revisions.tsx";
import { StatusBadge, TimelinessBadge } from "./status-badges.tsx";

const AUTOSAVE_MS = 1500;

/** Fill a report: narrative sections and indicator tables, autosaved; submit; review (accept, return, unlock). */
export function SubmissionPage() {
  const { id } = useParams();
  // a refetch remounts the editor
  const q = useSubmission(id);
  // kept above the editor, which remounts on every reload
  const [notice, setNotice] = useState<string | null>(null);
  if (!q.data) return q.error ? <Alert color="red">{String(q.error)}</Alert> : <Loader />;
  return (
    <Stack>
      {notice && (
        <Alert color="green" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Editor key={`${q.data.submission.id}:${q.dataUpdatedAt}`} detail={q.data} onNotice={setNotice} />
    </Stack>
  );
}

function Editor({ detail, onNotice }: { detail: SubmissionDetail; onNotice: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { error, onError, clear } = useApiError();
  const { submission: sub, form, request } = detail;
  const editable = detail.can.fill && ["not_started", "draft", "returned"].includes(sub.status);
  // what the unit typed, as it typed it: a registry's figures are shown beside, taken only when it chooses
  const lang = langOf(i18n.language);
  const [input, setInput] = useState<Values>(() => toInput(sub.values, detail.indicators, lang));
  // the language the cells were typed in: switching language rewrites them (2.011 ↔ 2,011), never rereads them
  const [inputLang, setInputLang] = useState(lang);
  useEffect(() => {
    if (inputLang === lang) return;
    setInput((cur) => relang(cur, detail.indicators, inputLang, lang));
    setInputLang(lang);
  }, [lang, inputLang, detail.indicators]);
  const [narrative, setNarrative] = useState<Record<string, string>>(sub.narrative);
  // every edit bumps `edits`; a save records the count it sent, so edits typed during a save stay unsaved
  const [edits, setEdits] = useState(0);
  const [savedEdits, setSavedEdits] = useState(0);
  const dirty = edits !== savedEdits;
  useUnsavedGuard(dirty);
  const touch = () => setEdits((n) => n + 1);
  const [conflict, setConflict] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const version = useRef(sub.version);
  const [dialog, setDialog] = useState<null | "submit" | "accept" | "return" | "unlock">(null);
  const [text, setText] = useState("");
  // closing a dialog with a reason typed asks first: nothing typed is lost by a stray Escape
  const [askClose, setAskClose] = useState(false);

  const read = useMemo(
    () => readInput(input, detail.indicators, inputLang),
    [input, detail.indicators, inputLang],
  );
  const broken = useMemo(() => brokenRules(form.rules, read.values), [form.rules, read.values]);
  // breakdowns that cannot be (parts above the total), checked as the server checks them
  const breakdowns = useMemo(() => {
    const byCode = new Map(detail.indicators.map((i) => [i.code, i]));
    const combos = formCombos(form, (code) => byCode.get(code)?.categories);
    const additive = new Set(detail.indicators.filter((i) => i.aggregation === "sum").map((i) => i.code));
    const out: Record<string, string[]> = {};
    for (const p of checkBreakdowns(read.values, combos, additive)) {
      const ind = byCode.get(p.indicator);
      const m = breakdownMessage(p, { vi: ind?.nameVi ?? p.indicator, en: ind?.nameEn ?? p.indicator });
      out[p.indicator] = [...(out[p.indicator] ?? []), lang === "en" ? m.messageEn : m.messageVi];
    }
    return out;
  }, [detail.indicators, form, read.values, lang]);
  const problems = [
    ...Object.values(read.errors),
    ...broken
      .filter((b) => b.rule.severity === "error")
      .map((b) => (lang === "en" ? b.rule.messageEn : b.rule.messageVi)),
    ...Object.values(breakdowns).flat(),
  ];
  const hasErrors = problems.length > 0;

  const refresh = useCallback(async () => {
    await qc.invalidateQueries({ queryKey: ["inbox"] });
    await qc.invalidateQueries({ queryKey: submissionKeys.one(sub.id) });
  }, [qc, sub.id]);

  const save = useMutation({
    mutationFn: (_upTo: number) =>
      call(
        client.PUT("/api/submissions/{id}", {
          params: { path: { id: sub.id } },
          body: {
            version: version.current,
            values: read.values,
            narrative,
          },
        }),
      ),
    onSuccess: (r, upTo) => {
      version.current = r.submission.version;
      setSavedEdits(upTo);
      setSavedAt(new Date());
      clear();
    },
    onError: (e) => (e instanceof ApiError && e.code === "version_conflict" ? setConflict(true) : onError(e)),
  });

  // autosave: a pause in typing saves the draft (only cells that read cleanly are sent)
  useEffect(() => {
    if (!dirty || !editable || conflict || save.isPending) return;
    const timer = setTimeout(() => save.mutate(edits), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [dirty, editable, conflict, save, edits]);

  const act = useMutation({
    mutationFn: (action: SubmissionAction) =>
      sendAction(
        sub.id,
        action,
        {
          version: version.current,
          values: read.values,
          narrative,
          ...(text.trim() ? { lateReason: text } : {}),
        },
        { version: version.current, ...(text.trim() ? { comment: text } : {}) },
      ),
    onSuccess: async (_r, action) => {
      setDialog(null);
      setText("");
      clear();
      onNotice(t(`reports.done.${action}`, { unit: detail.unitName }));
      await refresh();
      await qc.invalidateQueries({ queryKey: ["request"] });
      await qc.invalidateQueries({ queryKey: ["reminders"] });
    },
    onError: (e) => {
      // a refusal is shown in the dialog that caused it, which stays open with what was typed
      if (e instanceof ApiError && e.code === "version_conflict") {
        setDialog(null);
        setConflict(true);
      } else onError(e);
    },
  });

  // an Excel upload goes into the stored draft: save what is on screen first, then reload from the server
  const importExcel = async (file: File | null) => {
    if (!file) return;
    try {
      if (dirty) await save.mutateAsync(edits);
      const r = await upload<{ importCount: { imported: number; updated: number } }>(
        `/api/requests/${request.id}/excel`,
        file,
      );
      onNotice(t("reports.excelImported", { count: r.importCount.imported + r.importCount.updated }));
      await refresh();
    } catch (e) {
      onError(e);
    }
  };

  const setCell = (code: string, combo: string, v: string) => {
    setInput((cur) => ({ ...cur, [code]: { ...cur[code], [combo]: v } }));
    touch();
  };
  // the one action: a registry's figures into the report, as if typed (saved like any edit)
  const fedDiffers = detail.fed?.codes.some((code) =>
    Object.entries(detail.fed?.values[code] ?? {}).some(([combo, v]) => read.values[code]?.[combo] !== v),
  );
  const takeFed = () => {
    const fed = detail.fed;
    if (!fed) return;
    setInput((cur) => {
      const next = { ...cur };
      for (const code of fed.codes)
        next[code] = {
          ...next[code],
          ...toInput({ [code]: fed.values[code] ?? {} }, detail.indicators, inputLang)[code],
        };
      return next;
    });
    touch();
  };
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Title order={3}>{request.title}</Title>
          <Text>
            {detail.unitName} · {formatPeriod(request.periodCode)} · {t("reports.deadline")}:{" "}
            {formatDate(request.deadline)}
            {request.referenceNo ? ` · ${t("reports.referenceNo")}: ${request.referenceNo}` : ""}
          </Text>
        </div>
        <Group gap={4}>
          <StatusBadge status={sub.status} />
          <TimelinessBadge value={sub.timeliness} />
        </Group>
      </Group>
      {sub.status === "returned" && sub.comment && (
        <Alert color="red" data-testid="returned">
          {t("reports.returnedWith", { comment: sub.comment })}
        </Alert>
      )}
      {sub.lateReason && <Alert color="orange">{t("reports.lateWith", { reason: sub.lateReason })}</Alert>}
      {conflict && (
        <Alert color="red" title={t("reports.conflict")}>
          <Button size="xs" onClick={() => void refresh()}>
            {t("reports.reload")}
          </Button>
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
      {broken.map((b) => (
        <Alert
          key={`${b.rule.left}${b.rule.operator}${b.rule.right}`}
          color={b.rule.severity === "error" ? "red" : "yellow"}
          data-testid="rule"
        >
          {b.rule.severity === "error" ? t("reports.errorRule") : t("reports.warningRule")}:{" "}
          {lang === "en" ? b.rule.messageEn : b.rule.messageVi}
        </Alert>
      ))}
      {detail.fed && editable && fedDiffers && (
        <Alert color="grape" title={t("reports.fedTitle", { year: detail.fed.year })} data-testid="fed-offer">
          <Group justify="space-between">
            <Text size="sm">{t("reports.fedText")}</Text>
            <Button size="xs" variant="light" color="grape" onClick={takeFed} data-testid="take-fed">
              {t("reports.takeFed")}
            </Button>
          </Group>
        </Alert>
      )}
      {form.sections.map((s) => (
        <Paper key={s.key} withBorder={s.kind !== "heading"} p={s.kind === "heading" ? 0 : "sm"}>
          <Title order={s.depth === 1 ? 4 : 5} mb={4}>
            {sectionNumber(s.key)}
            {lang === "en" ? s.titleEn : s.titleVi}
          </Title>
          {s.guidanceVi && (
            <Text size="sm" c="dimmed">
              {s.guidanceVi}
            </Text>
          )}
          {s.kind === "narrative" && (
            <NarrativeEditor
              readOnly={!editable}
              value={narrative[s.key] ?? ""}
              onChange={(v) => {
                setNarrative((cur) => ({ ...cur, [s.key]: v }));
                touch();
              }}
              testId={`narrative-${s.key}`}
              error={footnoteProblems(narrative[s.key] ?? "", t)}
              label={lang === "en" ? s.titleEn : s.titleVi}
              hideLabel
            />
          )}
          {s.kind === "table" && (
            <IndicatorTable
              rows={s.rows ?? []}
              indicators={detail.indicators}
              input={input}
              errors={read.errors}
              previous={detail.previous}
              outliers={detail.checks.outliers}
              breakdowns={breakdowns}
              values={read.values}
              editable={editable}
              fed={detail.fed}
              onChange={setCell}
            />
          )}
        </Paper>
      ))}
      <Group>
        {editable && (
          <>
            <Text size="sm" c="dimmed" data-testid="save-state">
              {save.isPending
                ? t("reports.saving")
                : savedAt
                  ? t("reports.savedAt", { time: formatDateTime(savedAt.toISOString()).slice(11) })
                  : ""}
            </Text>
            <Button
              variant="default"
              onClick={() => save.mutate(edits)}
              loading={save.isPending}
              disabled={conflict}
            >
              {t("save")}
            </Button>
            <Button
              variant="subtle"
              onClick={() =>
                download(
                  `/api/requests/${request.id}/excel?unit=${encodeURIComponent(sub.unitCode)}`,
                  "mau.xlsx",
                ).catch(onError)
              }
            >
              {t("reports.excelTemplate")}
            </Button>
            <FileButton
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(f) => void importExcel(f)}
            >
              {(props) => (
                <Button variant="subtle" {...props} disabled={conflict} data-testid="excel-upload">
                  {t("reports.excelUpload")}
                </Button>
              )}
            </FileButton>
            <Button
              onClick={() => (detail.lateReasonNeeded ? setDialog("submit") : act.mutate("submit"))}
              disabled={hasErrors || conflict}
              loading={act.isPending}
              title={hasErrors ? t("reports.cannotSubmit", { count: problems.length }) : undefined}
              data-testid="submit"
            >
              {t("reports.submit")}
            </Button>
            {(hasErrors || conflict) && (
              <Text size="sm" c="red" data-testid="submit-why">
                {conflict
                  ? t("reports.conflictFirst")
                  : `${t("reports.cannotSubmit", { count: problems.length })}: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? "…" : ""}`}
              </Text>
            )}
          </>
        )}
        {detail.can.review && sub.status === "submitted" && (
          <>
            <Button color="green" onClick={() => setDialog("accept")}>
              {t("reports.accept")}
            </Button>
            <Button color="red" variant="light" onClick={() => setDialog("return")}>
              {t("reports.return")}
            </Button>
          </>
        )}
        {detail.can.unlock && sub.status === "accepted" && (
          <Button color="orange" variant="light" onClick={() => setDialog("unlock")}>
            {t("reports.unlock")}
          </Button>
        )}
      </Group>
      <ConfirmDialog
        opened={dialog === "accept"}
        title={t("reports.accept")}
        message={t("reports.confirmAccept", { unit: detail.unitName })}
        confirmLabel={t("reports.accept")}
        loading={act.isPending}
        onConfirm={() => act.mutate("accept")}
        onCancel={() => setDialog(null)}
      />
      <Modal
        opened={dialog === "submit" || dialog === "return" || dialog === "unlock"}
        onClose={() => (text.trim() ? setAskClose(true) : setDialog(null))}
        title={dialog ? t(dialog === "submit" ? "reports.submitLate" : `reports.${dialog}`) : ""}
      >
        <Stack>
          {dialog === "submit" && (
            <Text size="sm">{t("reports.lateReasonHelp", { date: formatDate(request.deadline) })}</Text>
          )}
          <Textarea
            label={t(
              dialog === "submit"
                ? "reports.lateReason"
                : dialog === "return"
                  ? "reports.returnComment"
                  : "reports.unlockReason",
            )}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            data-testid="dialog-text"
          />
          {error && <Alert color="red">{error}</Alert>}
          <Group>
            <Button
              disabled={!text.trim()}
              loading={act.isPending}
              onClick={() => dialog && dialog !== "accept" && act.mutate(dialog)}
              data-testid="dialog-confirm"
            >
              {dialog ? t(`reports.confirm.${dialog}`) : ""}
            </Button>
            {!text.trim() && (
              <Text size="sm" c="dimmed">
                {t("reports.reasonFirst")}
              </Text>
            )}
          </Group>
        </Stack>
      </Modal>
      <ConfirmDialog
        opened={askClose}
        title={t("discardTitle")}
        message={t("discardText")}
        confirmLabel={t("discard")}
        onConfirm={() => {
          setAskClose(false);
          setText("");
          setDialog(null);
        }}
        onCancel={() => setAskClose(false)}
      />
      <Revisions submissionId={sub.id} />
    </Stack>
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
