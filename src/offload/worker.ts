/**
 * What runs on the worker threads: reading uploaded workbooks and CSV files, checking attachments' content,
 * building exported workbooks and official documents (DOCX, PDF).
 * Every answer is plain data (a value, a limit passed, or why the file cannot be read) so it crosses the
 * thread as it is. The thread's memory and the task's time are bounded by the pool (offload/pool.ts).
 * @module
 */
import { parse } from "csv-parse/sync";
import type { AttachmentKind } from "../domain/document-registry.ts";
import type { OfficialDocument } from "../domain/official-document.ts";
import { renderDocx } from "../files/render-docx.ts";
import { renderPdf } from "../files/render-pdf.ts";
import { readSheet } from "../files/sheet-reader.ts";
import { buildTable, TableSchema } from "../files/table-xlsx.ts";
import { type SheetRow, XlsxInvalid } from "../files/xlsx-reader.ts";
import { validationDetails } from "../http/zod-messages.ts";
import { checkAttachmentContent, NotThatKind } from "./attachment-check.ts";
import { type ImportLimits, LimitExceeded, type LimitReport } from "./limits.ts";

export type Task =
  | { kind: "sheet"; bytes: Uint8Array; sheetName: string; limits: ImportLimits }
  | { kind: "csv"; bytes: Uint8Array; limits: ImportLimits }
  | { kind: "table"; json: string; limits: ImportLimits }
  | { kind: "attachment"; type: AttachmentKind; bytes: Uint8Array; limits: ImportLimits }
  | { kind: "document"; doc: OfficialDocument; format: "docx" | "pdf"; limits: ImportLimits };

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

class Refused extends Error {
  constructor(readonly details: ReturnType<typeof validationDetails>) {
    super("refused");
  }
}

export interface SheetRead {
  name: string;
  rows: SheetRow[];
}

async function run(task: Task): Promise<unknown> {
  switch (task.kind) {
    case "sheet": {
      const buf = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
      const sheet = await readSheet(buf, task.sheetName, task.limits);
      const rows: SheetRow[] = [];
      for await (const r of sheet.rows()) rows.push(r);
      return { name: sheet.name, rows } satisfies SheetRead;
    }
    case "csv":
      return readCsv(new TextDecoder().decode(task.bytes), task.limits);
    case "table":
      return table(task.json, task.limits);
    case "attachment":
      await checkAttachmentContent(task.type, task.bytes, task.limits);
      return null;
    case "document":
      return new Uint8Array(task.format === "pdf" ? await renderPdf(task.doc) : await renderDocx(task.doc));
  }
}

async function table(json: string, limits: ImportLimits): Promise<BuiltTable> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new Refused([
      {
        path: "",
        field: "",
        message: (err as Error).message,
        code: "custom" as const,
        messageVi: "Dữ liệu gửi lên không phải JSON hợp lệ",
        messageEn: "The body is not valid JSON",
      },
    ]);
  }
  const parsed = TableSchema.safeParse(value);
  if (!parsed.success) throw new Refused(validationDetails(parsed.error.issues));
  const t = parsed.data;
  if (t.rows.length > limits.exportRows)
    throw new LimitExceeded({ limit: "exportRows", max: limits.exportRows });
  const cells = t.rows.reduce((n, r) => n + r.length, t.columns.length);
  if (cells > limits.exportCells) throw new LimitExceeded({ limit: "exportCells", max: limits.exportCells });
  return { title: t.title, bytes: await buildTable(t) };
}

/** A CSV's records, each field within the limits (csv-parse stops at the first record past them). */
function readCsv(text: string, limits: ImportLimits): string[][] {
  const records: string[][] = [];
  parse(text.replace(/^\uFEFF/, ""), {
    relaxColumnCount: true,
    skipEmptyLines: true,
    // a quoted field that never ends stops here, not at the end of the file
    maxRecordSize: limits.cellChars * 4,
    onRecord: (record: string[]) => {
      if (records.length >= limits.rows) throw new LimitExceeded({ limit: "rows", max: limits.rows });
      if (record.length > limits.columns) throw new LimitExceeded({ limit: "columns", max: limits.columns });
      for (const f of record) {
        if (f.length > limits.cellChars)
          throw new LimitExceeded({ limit: "cellChars", max: limits.cellChars });
      }
      records.push(record);
      return null;
    },
  });
  return records;
}

export default async function work(task: Task): Promise<Answer<unknown>> {
  try {
    return { ok: true, value: await run(task) };
  } catch (err) {
    if (err instanceof LimitExceeded) return { ok: false, limit: err.report };
    if (err instanceof Refused) return { ok: false, refused: err.details };
    if ((err as { code?: string }).code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH") {
      return { ok: false, invalid: (err as Error).message };
    }
    if ((err as { code?: string }).code === "CSV_MAX_RECORD_SIZE") {
      return { ok: false, limit: { limit: "cellChars", max: task.limits.cellChars } };
    }
    if (err instanceof NotThatKind) return { ok: false, invalid: err.message };
    if (err instanceof XlsxInvalid || (err as { code?: string }).code?.startsWith("CSV_")) {
      return { ok: false, invalid: (err as Error).message };
    }
    // anything else a hostile file makes a reader throw: the file cannot be read
    return { ok: false, invalid: (err as Error).message ?? String(err) };
  }
}
