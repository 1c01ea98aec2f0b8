import { langOf } from "@domain/vn-format.ts";
import { Alert, Button, Group, Loader, Stack } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ConfirmDialog } from "@/components/confirm-dialog.tsx";
import { LoadError } from "@/components/load-error.tsx";
import { AnswerDocumentPanel } from "@/features/documents/components/answer-document-panel.tsx";
import { ApiError, download, type SubmissionDetail } from "@/lib/api.ts";
import { useUnsavedGuard } from "@/lib/unsaved.ts";
import { useApiError } from "@/lib/use-api-error.ts";
import { reportingKeys } from "../api/keys.ts";
import {
  importExcelFile,
  type SubmissionAction,
  saveDraft,
  sendAction,
  submissionKeys,
  useSubmission,
} from "../api/submissions.ts";
import {
  breakdownProblems,
  brokenRules,
  heldDiffers,
  initialInput,
  mergeInto,
  readInput,
  relang,
  toInput,
  type Values,
} from "../entry.ts";
import { type Bring, FedOffer, GatheredOffer } from "./draft-offers.tsx";
import { EntryActions } from "./entry-actions.tsx";
import { ReasonDialog } from "./reason-dialog.tsx";
import { ReportSection } from "./report-section.tsx";
import { ReviewActions } from "./review-actions.tsx";
import { Revisions } from "./revisions.tsx";
import { SubmissionHeader } from "./submission-header.tsx";

const AUTOSAVE_MS = 1500;

/** Fill a report: narrative sections and indicator tables, autosaved; submit; review (accept, return, unlock). */
export function SubmissionPage() {
  const { id } = useParams();
  // a refetch remounts the editor
  const q = useSubmission(id);
  // kept above the editor, which remounts on every reload
  const [notice, setNotice] = useState<string | null>(null);
  if (!q.data) return q.error ? <LoadError error={q.error} /> : <Loader />;
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
  // what the unit typed (the registers' own figures while it can still send); a sent report shows what it sent
  const lang = langOf(i18n.language);
  const [input, setInput] = useState<Values>(() =>
    initialInput(sub.values, editable ? detail.fed : null, detail.indicators, lang),
  );
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
  const dirty = editable && edits !== savedEdits;
  useUnsavedGuard(dirty);
  const touch = () => setEdits((n) => n + 1);
  const [conflict, setConflict] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const version = useRef(sub.version);
  const [dialog, setDialog] = useState<null | "submit" | "accept" | "return" | "unlock">(null);
  const [text, setText] = useState("");
  // the answer's number as its document: taken here without reloading what is being typed
  const [answered, setAnswered] = useState(sub.document);

  const read = useMemo(
    () => readInput(input, detail.indicators, inputLang),
    [input, detail.indicators, inputLang],
  );
  const broken = useMemo(() => brokenRules(form.rules, read.values), [form.rules, read.values]);
  const breakdowns = useMemo(
    () => breakdownProblems(form, detail.indicators, read.values, lang),
    [detail.indicators, form, read.values, lang],
  );
  const problems = [
    ...Object.values(read.errors),
    ...broken
      .filter((b) => b.rule.severity === "error")
      .map((b) => (lang === "en" ? b.rule.messageEn : b.rule.messageVi)),
    ...Object.values(breakdowns).flat(),
  ];

  const refresh = useCallback(async () => {
    await qc.invalidateQueries({ queryKey: reportingKeys.inbox() });
    await qc.invalidateQueries({ queryKey: submissionKeys.one(sub.id) });
  }, [qc, sub.id]);

  const save = useMutation({
    mutationFn: (_upTo: number) =>
      saveDraft(sub.id, { version: version.current, values: read.values, narrative }),
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
      onNotice(t(`reports.done.${action}`, { unit: detail.bodyName ?? detail.unitName }));
      await refresh();
      await qc.invalidateQueries({ queryKey: reportingKeys.anyRequest() });
      await qc.invalidateQueries({ queryKey: reportingKeys.reminders() });
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
      const r = await importExcelFile(request.id, file);
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
  const fedDiffers = heldDiffers(detail.fed, read.values);
  // figures and texts brought in (a registry's, the units below's), saved like any edit
  const bring: Bring = (incoming, overwrite) => {
    const merged = mergeInto(
      { input, narrative },
      { input: toInput(incoming.values, detail.indicators, inputLang), narrative: incoming.narrative },
      overwrite,
    );
    setInput(merged.input);
    setNarrative(merged.narrative);
    if (merged.filled) touch();
    return merged;
  };
  return (
    <Stack>
      <SubmissionHeader detail={detail} answered={answered} />
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
      {detail.fed && editable && fedDiffers && <FedOffer fed={detail.fed} onTake={bring} />}
      {editable && detail.gathering.length > 0 && <GatheredOffer submissionId={sub.id} onBring={bring} />}
      {form.sections.map((s) => (
        <ReportSection
          key={s.key}
          section={s}
          editable={editable}
          narrative={narrative[s.key] ?? ""}
          onNarrative={(v) => {
            setNarrative((cur) => ({ ...cur, [s.key]: v }));
            touch();
          }}
          table={{
            indicators: detail.indicators,
            input,
            errors: read.errors,
            previous: detail.previous,
            outliers: detail.checks.outliers,
            breakdowns,
            values: read.values,
            fed: detail.fed,
            onChange: setCell,
          }}
        />
      ))}
      <Group>
        {editable && (
          <EntryActions
            saving={save.isPending}
            savedAt={savedAt}
            conflict={conflict}
            problems={problems}
            submitting={act.isPending}
            onSave={() => save.mutate(edits)}
            onTemplate={() =>
              download(
                `/api/requests/${request.id}/excel?unit=${encodeURIComponent(sub.unitCode)}`,
                "mau.xlsx",
              ).catch(onError)
            }
            onUpload={(f) => void importExcel(f)}
            onSubmit={() => (detail.lateReasonNeeded ? setDialog("submit") : act.mutate("submit"))}
          />
        )}
        <ReviewActions
          canReview={detail.can.review && sub.status === "submitted"}
          canUnlock={detail.can.unlock && sub.status === "accepted"}
          onAction={setDialog}
        />
      </Group>
      <ConfirmDialog
        opened={dialog === "accept"}
        title={t("reports.accept")}
        message={t("reports.confirmAccept", { unit: detail.bodyName ?? detail.unitName })}
        confirmLabel={t("reports.accept")}
        loading={act.isPending}
        onConfirm={() => act.mutate("accept")}
        onCancel={() => setDialog(null)}
      />
      <ReasonDialog
        action={dialog === "accept" ? null : dialog}
        deadline={request.deadline}
        text={text}
        error={error}
        loading={act.isPending}
        onText={setText}
        onConfirm={(action) => act.mutate(action)}
        onClose={() => setDialog(null)}
      />
      {detail.can.fill && (
        <AnswerDocumentPanel submission={sub} document={answered} onNumbered={setAnswered} unsaved={dirty} />
      )}
      <Revisions submissionId={sub.id} />
    </Stack>
  );
}
