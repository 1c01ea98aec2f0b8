/**
 * Heavy work off the request thread: uploaded workbooks and CSV files are read and attachments checked on
 * one small pool of worker threads (piscina), exported workbooks and official documents built on another,
 * each sized to the machine's cores. Each thread's heap is bounded (`resourceLimits`), each task's time too
 * (it is stopped past `limits.seconds`), and few tasks may wait: so a hostile file costs one thread for a
 * few seconds, while the event loop goes on answering everyone else.
 * @module
 */
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { checkAttachment } from "../domain/document-registry.ts";
import type { OfficialDocument } from "../domain/official-document.ts";
import { AppError, errors } from "../errors.ts";
import { type PackedSheet, SheetRows } from "../files/packed-sheet.ts";
import { DEFAULT_LIMITS, type ImportLimits, limitError } from "./limits.ts";
import type { Answer, BuiltTable, Task } from "./tasks.ts";

/** Heap of one worker thread: enough for the largest file within the limits, far from the machine's memory. */
export const WORKER_HEAP_MB = 384;

/** A sheet read on a worker thread: its name and its rows (made one by one as they are reached). */
export interface SheetRead {
  name: string;
  rows: SheetRows;
}

export interface OffloadOptions {
  limits?: ImportLimits;
  /** worker threads (default: half the cores, 1 to 4) */
  threads?: number;
}

export class Offload {
  readonly limits: ImportLimits;
  /** Uploads (workbooks, CSV files, attachments): a thread ends with its task, so what a big file took is
   * given back at once, not held while the request goes on storing what was read (≈ 160 ms to start one). */
  private readonly reads: Piscina<Task, Answer<unknown>>;
  /** Builds (exported workbooks, official documents): threads kept warm a while, their fonts parsed once. */
  private readonly builds: Piscina<Task, Answer<unknown>>;

  constructor(opts: OffloadOptions = {}) {
    this.limits = opts.limits ?? DEFAULT_LIMITS;
    const threads = opts.threads ?? Math.min(4, Math.max(1, Math.floor(availableParallelism() / 2)));
    const pool = (worker: string, idleTimeout: number) =>
      new Piscina<Task, Answer<unknown>>({
        filename: new URL(worker, import.meta.url).href,
        // the worker is TypeScript, as the rest of the server
        execArgv: ["--import", "tsx"],
        minThreads: 0,
        maxThreads: threads,
        idleTimeout,
        maxQueue: threads * 8,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
      });
    this.reads = pool("./read-worker.ts", 0);
    this.builds = pool("./build-worker.ts", 30_000);
  }

  /** The rows of the sheet called `sheetName` (else the first) of an uploaded .xlsx, with the sheet's name. */
  async readSheet(bytes: Uint8Array, sheetName: string): Promise<SheetRead> {
    const packed = (await this.run({ kind: "sheet", bytes, sheetName, limits: this.limits })) as PackedSheet;
    return { name: packed.name, rows: new SheetRows(packed) };
  }

  /** The records of an uploaded CSV file (UTF-8; decoded on the worker thread). */
  readCsv(bytes: Uint8Array): Promise<string[][]> {
    return this.run({ kind: "csv", bytes, limits: this.limits }) as Promise<string[][]>;
  }

  /**
   * A table sent as JSON, as an .xlsx workbook: parsed, checked against its schema and the export limits, and
   * built, all on a worker thread (a table of 100,000 rows takes ≈ 0.1 s only to be checked).
   */
  async buildTable(json: string): Promise<{ title: string; file: Buffer }> {
    const built = (await this.run({ kind: "table", json, limits: this.limits })) as BuiltTable;
    return {
      title: built.title,
      file: Buffer.from(built.bytes.buffer, built.bytes.byteOffset, built.bytes.byteLength),
    };
  }

  /**
   * An uploaded attachment, accepted or refused: its name made safe to store, its kind checked by name, size
   * and first bytes here (domain/document-registry.ts), then its whole content on a worker thread
   * (offload/attachment-check.ts). A refusal is a 400 on the `file` field, or a 413/422 naming the limit.
   */
  async acceptAttachment(
    filename: string,
    content: Buffer,
  ): Promise<{ filename: string; contentType: string; sha256: string }> {
    const name = filename.trim().replace(/[/\\]/g, "_").slice(0, 200);
    const check = checkAttachment(name, content);
    if (!check.ok) throw errors.badRequest(check.messageVi, check.messageEn, { field: "file" });
    await this.run({ kind: "attachment", type: check.kind, bytes: content, limits: this.limits });
    return {
      filename: name,
      contentType: check.contentType,
      sha256: createHash("sha256").update(content).digest("hex"),
    };
  }

  /** An official document as a DOCX or PDF file, built on a worker thread. */
  async renderDocument(doc: OfficialDocument, format: "docx" | "pdf"): Promise<Buffer> {
    const bytes = (await this.run({ kind: "document", doc, format, limits: this.limits })) as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private async run(task: Task): Promise<unknown> {
    let answer: Answer<unknown>;
    const pool = task.kind === "table" || task.kind === "document" ? this.builds : this.reads;
    try {
      answer = await pool.run(task, { signal: AbortSignal.timeout(this.limits.seconds * 1000) });
    } catch (err) {
      throw failure(err, this.limits);
    }
    if (answer.ok) return answer.value;
    if ("limit" in answer) throw limitError(answer.limit);
    if ("refused" in answer) throw errors.validation(answer.refused);
    const why = answer.invalid.slice(0, 200);
    // a document is built from checked data: failing to build it is the server's fault, not the user's
    if (task.kind === "document") throw new Error(`building the ${task.format} file failed: ${why}`);
    if (task.kind === "attachment") {
      throw errors.badRequest(
        `Tệp không phải là tệp .${task.type} hợp lệ (tệp hỏng hoặc bị đổi đuôi)`,
        `The file is not a valid .${task.type} file: ${why}`,
        { field: "file" },
      );
    }
    throw task.kind === "csv"
      ? errors.badRequest("Tệp CSV không đọc được", `The CSV cannot be read: ${why}`)
      : errors.badRequest("Không đọc được tệp Excel (.xlsx)", `The Excel file cannot be read: ${why}`);
  }

  async close(): Promise<void> {
    await Promise.all([this.reads.close({ force: true }), this.builds.close({ force: true })]);
  }
}

/** Why the pool gave no answer: the task ran out of time or memory, or too many were waiting. */
function failure(err: unknown, limits: ImportLimits): AppError {
  const e = err as { name?: string; code?: string; message?: string };
  if (e.name === "AbortError" || e.name === "TimeoutError")
    return limitError({ limit: "seconds", max: limits.seconds });
  if (e.code === "ERR_WORKER_OUT_OF_MEMORY") return limitError({ limit: "memory", max: WORKER_HEAP_MB });
  if (e.message === "Task queue is at limit") {
    return new AppError(
      429,
      "busy",
      "Máy chủ đang đọc nhiều tệp cùng lúc; hãy gửi lại sau ít giây",
      "The server is reading many files at once; send it again in a few seconds",
      { retryAfter: 5 },
    );
  }
  return limitError({ limit: "memory", max: WORKER_HEAP_MB });
}
