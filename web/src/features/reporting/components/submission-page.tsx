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
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { parseNarrative } from "../../../../../src/domain/narrative.ts";
import { periodLabelOrCode } from "../../../../../src/domain/periods.ts";
import { ConfirmDialog } from "../../../components/confirm-dialog.tsx";
import {
  ApiError,
  api,
  download,
  type SubmissionDetail,
  type SubmissionWritten,
  upload,
} from "../../../lib/api.ts";
import { formatDate } from "../../../lib/format.ts";
import { useApiError } from "../../../lib/use-api-error.ts";
import { brokenRules, readInput, toInput, type Values } from "../entry.ts";
import { IndicatorTable } from "./indicator-table.tsx";
import { Revisions } from "./revisions.tsx";
import { StatusBadge, TimelinessBadge } from "./status-badges.tsx";

const AUTOSAVE_MS = 1500;

/** Fill a report: narrative sections and indicator tables, autosaved; submit; review (accept, return, unlock). */
export function SubmissionPage() {
  const { id } = useParams();
  const q = useQuery({
    queryKey: ["submission", id],
    queryFn: () => api<SubmissionDetail>("GET", `/api/submissions/${id}`),
    // a refetch remounts the editor: only on purpose (after an action or "reload"), never behind the user's back
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
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
  // while it can be edited, the model indicators show the registry's counts (what will be sent)
  const [input, setInput] = useState<Values>(() =>
    toInput(editable && detail.fed ? { ...sub.values, ...detail.fed.values } : sub.values, detail.indicators),
  );
  const [narrative, setNarrative] = useState<Record<string, string>>(sub.narrative);
  // every edit bumps `edits`; a save records the count it sent, so edits typed during a save stay unsaved
  const [edits, setEdits] = useState(0);
  const [savedEdits, setSavedEdits] = useState(0);
  const dirty = edits !== savedEdits;
  const touch = () => setEdits((n) => n + 1);
  const [conflict, setConflict] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const version = useRef(sub.version);
  const [dialog, setDialog] = useState<null | "submit" | "accept" | "return" | "unlock">(null);
  const [text, setText] = useState("");

  const read = useMemo(
    () => readInput(input, detail.indicators, i18n.language),
    [input, detail.indicators, i18n.language],
  );
  const broken = useMemo(() => brokenRules(form.rules, read.values), [form.rules, read.values]);
  const hasErrors = Object.keys(read.errors).length > 0 || broken.some((b) => b.rule.severity === "error");

  const refresh = useCallback(async () => {
    await qc.invalidateQueries({ queryKey: ["inbox"] });
    await qc.invalidateQueries({ queryKey: ["submission", String(sub.id)] });
  }, [qc, sub.id]);

  const save = useMutation({
    mutationFn: (_upTo: number) =>
      api<SubmissionWritten>("PUT", `/api/submissions/${sub.id}`, {
        version: version.current,
        values: read.values,
        narrative,
      }),
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
    mutationFn: (action: "submit" | "accept" | "return" | "unlock") =>
      api<SubmissionWritten>(
        "POST",
        `/api/submissions/${sub.id}/${action}`,
        action === "submit"
          ? {
              version: version.current,
              values: read.values,
              narrative,
              ...(text.trim() ? { lateReason: text } : {}),
            }
          : { version: version.current, ...(text.trim() ? { comment: text } : {}) },
      ),
    onSuccess: async () => {
      setDialog(null);
      setText("");
      clear();
      await refresh();
      await qc.invalidateQueries({ queryKey: ["request"] });
      await qc.invalidateQueries({ queryKey: ["reminders"] });
    },
    onError: (e) => {
      setDialog(null);
      if (e instanceof ApiError && e.code === "version_conflict") setConflict(true);
      else onError(e);
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
  const lang = i18n.language;
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Title order={3}>{request.title}</Title>
          <Text>
            {detail.unitName} · {periodLabelOrCode(request.periodCode)} · {t("reports.deadline")}:{" "}
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
            <Textarea
              autosize
              minRows={3}
              readOnly={!editable}
              value={narrative[s.key] ?? ""}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setNarrative((cur) => ({ ...cur, [s.key]: v }));
                touch();
              }}
              data-testid={`narrative-${s.key}`}
              error={footnoteProblems(narrative[s.key] ?? "", t)}
              description={editable ? t("reports.footnoteHelp") : undefined}
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
              editable={editable}
              fed={editable ? (detail.fed?.codes ?? []) : []}
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
                  ? t("reports.savedAt", { time: savedAt.toLocaleTimeString("vi-VN") })
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
            >
              {t("reports.submit")}
            </Button>
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
        onClose={() => setDialog(null)}
        title={dialog ? t(dialog === "submit" ? "reports.submit" : `reports.${dialog}`) : ""}
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
          <Button
            disabled={!text.trim()}
            loading={act.isPending}
            onClick={() => dialog && dialog !== "accept" && act.mutate(dialog)}
          >
            {t("save")}
          </Button>
        </Stack>
      </Modal>
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
