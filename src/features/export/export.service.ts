/** Any table the web shows, as an Excel file (issue 3 §5): a title row, a bold header, numbers kept numeric. @module */
import ExcelJS from "exceljs";
import { type Auth, requirePermission } from "../../access/access.ts";

export interface TableExport {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export async function tableToXlsx(auth: Auth | null, t: TableExport): Promise<Buffer> {
  requirePermission(auth, "unit.read");
  const wb = new ExcelJS.Workbook();
  wb.creator = "danvan";
  const ws = wb.addWorksheet(t.title.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Bảng");
  ws.addRow([t.title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const header = ws.addRow(t.columns);
  header.font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map((v) => v ?? ""));
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: Math.max(1, t.columns.length) } };
  ws.views = [{ state: "frozen", ySplit: 3 }];
  t.columns.forEach((c, i) => {
    const longest = Math.max(c.length, ...t.rows.slice(0, 500).map((r) => String(r[i] ?? "").length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
    if (t.rows.some((r) => typeof r[i] === "number")) ws.getColumn(i + 1).numFmt = "#,##0.##";
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
