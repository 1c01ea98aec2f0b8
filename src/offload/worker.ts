/**
 * What runs on the worker threads: reading uploaded workbooks and CSV files, building exported workbooks.
 * Every answer is plain data (a value, a limit passed, or why the file cannot be read) so it crosses the
 * thread as it is. The thread's memory and the task's time are bounded by the pool (offload/pool.ts).
 * @module
 */
import { parse } from "csv-parse/sync";
import { buildTable, type TableExport } from "../features/export/table-xlsx.ts";
import { readSheet, type SheetRow, XlsxInvalid } from "../features/export/xlsx-reader.ts";
import { type ImportLimits, LimitExceeded, type LimitReport } from "./limits.ts";

export type Task =
  | { kind: "sheet"; bytes: Uint8Array; sheetName: string; limits: ImportLimits }
  | { kind: "csv"; text: string; limits: ImportLimits }
  | { kind: "table"; table: TableExport; limits: ImportLimits };

export type Answer<T> =
  | { ok: true; value: T }
  | { ok: false; limit: LimitReport }
  | { ok: false; invalid: string };

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
      return readCsv(task.text, task.limits);
    case "table":
      return buildTable(task.table);
  }
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
    if ((err as { code?: string }).code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH") {
      return { ok: false, invalid: (err as Error).message };
    }
    if ((err as { code?: string }).code === "CSV_MAX_RECORD_SIZE") {
      return { ok: false, limit: { limit: "cellChars", max: task.limits.cellChars } };
    }
    if (err instanceof XlsxInvalid || (err as { code?: string }).code?.startsWith("CSV_")) {
      return { ok: false, invalid: (err as Error).message };
    }
    // anything else a hostile file makes a reader throw: the file cannot be read
    return { ok: false, invalid: (err as Error).message ?? String(err) };
  }
}
