/** Any table the web shows, as an Excel file: a title row, a bold header, numbers kept numeric. @module */
import ExcelJS from "exceljs";
import { z } from "zod";

const Cell = z.union([z.string().max(10_000), z.number(), z.null()]);

/** The table the web sends; checked on the worker thread (its rows can be many). */
export const TableSchema = z.object({
  title: z.string().trim().min(1).max(200),
  columns: z.array(z.string().max(200)).min(1).max(100),
  rows: z.array(z.array(Cell).max(100)).max(100_000),
});

export type TableExport = z.infer<typeof TableSchema>;

/**
 * A worksheet name Excel accepts (ECMA-376 Part 1 §18.2.19 and Excel's rules): at most 31 characters, none of
 * \ / ? * [ ] :, and no apostrophe at either end.
 */
export function sheetNameOf(title: string): string {
  const name = title
    .replace(/[\\/?*[\]:]/g, " ")
    .slice(0, 31)
    .replace(/^['\s]+|['\s]+$/g, "");
  return name || "Bảng";
}

/** The workbook, streamed into one buffer (a row's cells are freed once written). */
export async function buildTable(t: TableExport): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const { Writable } = await import("node:stream");
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = "danvan";
  const numeric = t.columns.map((_, i) => t.rows.some((r) => typeof r[i] === "number"));
  const ws = wb.addWorksheet(sheetNameOf(t.title), { views: [{ state: "frozen", ySplit: 3 }] });
  ws.columns = t.columns.map((c, i) => {
    const longest = Math.max(c.length, ...t.rows.slice(0, 500).map((r) => String(r[i] ?? "").length));
    return {
      width: Math.min(60, Math.max(8, longest + 2)),
      ...(numeric[i] ? { style: { numFmt: "#,##0.##" } } : {}),
    };
  });
  const title = ws.addRow([t.title]);
  title.font = { bold: true, size: 13 };
  title.commit();
  ws.addRow([]).commit();
  const header = ws.addRow(t.columns);
  header.font = { bold: true };
  header.commit();
  for (const r of t.rows) ws.addRow(r.map((v) => v ?? "")).commit();
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: Math.max(1, t.columns.length) } };
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
