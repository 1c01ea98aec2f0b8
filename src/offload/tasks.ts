/**
 * The tasks the worker threads run (offload/read-worker.ts: uploads; offload/build-worker.ts: files built)
 * and their answers. Every answer is plain data (a value, a limit passed, or why the file cannot be read) so
 * it crosses the thread as it is. The thread's memory and the task's time are bounded by the pool
 * (offload/pool.ts).
 * @module
 */
import type { AttachmentKind } from "../domain/document-registry.ts";
import type { OfficialDocument } from "../domain/official-document.ts";
import type { validationDetails } from "../http/zod-messages.ts";
import { type ImportLimits, LimitExceeded, type LimitReport } from "./limits.ts";

export type ReadTask =
  | { kind: "sheet"; bytes: Uint8Array; sheetName: string; limits: ImportLimits }
  | { kind: "csv"; bytes: Uint8Array; limits: ImportLimits }
  | { kind: "attachment"; type: AttachmentKind; bytes: Uint8Array; limits: ImportLimits };

export type BuildTask =
  | { kind: "table"; json: string; limits: ImportLimits }
  | { kind: "document"; doc: OfficialDocument; format: "docx" | "pdf"; limits: ImportLimits };

export type Task = ReadTask | BuildTask;

export type Answer<T> =
  | { ok: true; value: T }
  | { ok: false; limit: LimitReport }
  | { ok: false; invalid: string }
  | { ok: false; refused: ReturnType<typeof validationDetails> };

/** A table to export, checked (shape, then the export limits) and built. */
export interface BuiltTable {
  title: string;
  bytes: Uint8Array;
}

/** The input is refused field by field (as a 400 with its details). */
export class Refused extends Error {
  constructor(readonly details: ReturnType<typeof validationDetails>) {
    super("refused");
  }
}

/** A task's answer: its value, the limit it passed, its refusal, or else why the file cannot be read. */
export async function answer<T extends Task>(
  task: T,
  run: (task: T) => Promise<unknown>,
): Promise<Answer<unknown>> {
  try {
    return { ok: true, value: await run(task) };
  } catch (err) {
    if (err instanceof LimitExceeded) return { ok: false, limit: err.report };
    if (err instanceof Refused) return { ok: false, refused: err.details };
    // csv-parse stops at a record past maxRecordSize: a cell past its limit
    if ((err as { code?: string }).code === "CSV_MAX_RECORD_SIZE") {
      return { ok: false, limit: { limit: "cellChars", max: task.limits.cellChars } };
    }
    // anything else a hostile file makes a reader throw (not an xlsx, not that kind, a ragged CSV…): the file
    // cannot be read
    return { ok: false, invalid: (err as Error).message ?? String(err) };
  }
}
