/**
 * Excel for a request's numbers: a template of one row per unit × indicator (× category option)
 * for the units the user fills — all of them, or one — with the values already entered; filled offline and
 * uploaded, it is checked whole and stored only if every row is valid (errors name sheet, row and cell).
 * Written and read as streams, so a national file stays small in memory.
 * @module
 */

import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { type Auth, coversPath, requirePermission } from "../../../access/access.ts";
import type { Db } from "../../../db/database.ts";
import type { Kept } from "../../../db/kept.ts";
import { formatDateVi } from "../../../domain/dates.ts";
import { periodLabelOrCode } from "../../../domain/periods.ts";
import { comboOption, formCombos } from "../../../domain/report-forms.ts";
import { parseNumberVi } from "../../../domain/vn-format.ts";
import { AppError, errors } from "../../../errors.ts";
import type { Offload } from "../../../offload/pool.ts";
import { requireForm } from "../../forms/forms.service.ts";
import { catalogue as indicatorCatalogue } from "../../indicators/catalogue.ts";
import * as requests from "../requests/requests.service.ts";
import * as exchangeRepository from "./exchange.repository.ts";
import { type DataValue, type Field, importValues, type Locate } from "./exchange.service.ts";

export const SHEET = "Số liệu";
const HEADER = ["Mã đơn vị", "Đơn vị", "Mã chỉ tiêu", "Phân tổ", "Chỉ tiêu", "Đơn vị tính", "Giá trị"];
const FIRST_ROW = 5;

/** The template (.xlsx) for the units of the request the user fills (or just `unit`). */
export async function template(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  requestId: number,
  unit?: string,
): Promise<Buffer> {
  const a = requirePermission(auth, "report.fill");
  const request = await requests.findRequest(db, requestId);
  const subs = request ? await exchangeRepository.submissionsWithValues(db, requestId) : [];
  const mine = subs.filter(
    (s) =>
      coversPath(a, "report.fill", s.rollup_path, s.body_id ?? undefined) && (!unit || s.unit_code === unit),
  );
  if (!request || mine.length === 0) throw errors.notFoundOrForbidden(String(requestId));
  const form = await requireForm(db, kept, request.form_id);
  const catalogue = new Map((await indicatorCatalogue(db, kept)).map((i) => [i.code, i]));
  const names = new Map(
    (await requests.listSubmissionsOfRequest(db, requestId)).map((s) => [
      s.unit_code,
      s.body_name ?? s.unit_name,
    ]),
  );
  const lines: { code: string; combo: string; by: string; name: string; uom: string; text: boolean }[] = [];
  for (const [code, combos] of formCombos(form, (c) => catalogue.get(c)?.categories)) {
    const ind = catalogue.get(code);
    if (!ind) continue;
    const base = { code, name: ind.name_vi, uom: ind.unit_of_measure, text: ind.type === "text" };
    for (const combo of combos) lines.push({ ...base, combo, by: comboOption(combo) });
  }

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(SHEET, { views: [{ state: "frozen", ySplit: FIRST_ROW - 1 }] });
  ws.columns = [12, 34, 26, 22, 48, 12, 16].map((width) => ({ width }));
  ws.addRow(["danvan · Biểu nhập số liệu", request.title]).commit();
  ws.addRow([
    "Mã yêu cầu",
    request.id,
    "Kỳ",
    request.period_code,
    periodLabelOrCode(request.period_code),
    "Hạn gửi",
    formatDateVi(request.deadline),
  ]).commit();
  ws.addRow([
    "Nhập số vào cột Giá trị (G); để trống nếu chưa có số liệu. Không sửa các cột mã (A, C, D).",
  ]).commit();
  const header = ws.addRow(HEADER);
  header.font = { bold: true };
  header.commit();
  for (const s of mine) {
    for (const l of lines) {
      const v = s.values[l.code]?.[l.combo];
      const value = v === undefined ? null : l.text ? v : Number(v);
      ws.addRow([
        s.unit_code,
        names.get(s.unit_code) ?? s.unit_code,
        l.code,
        l.combo,
        l.by ? `  – ${l.by}` : l.name,
        l.uom,
        value,
      ]).commit();
    }
  }
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

function bad(cell: string, vi: string, en: string): never {
  throw new AppError(400, "import_failed", `${SHEET}!${cell}: ${vi}`, `${SHEET}!${cell}: ${en}`, [
    { field: `${SHEET}!${cell}`, messageVi: vi, messageEn: en },
  ]);
}

const COLUMN: Record<Field, string> = {
  orgUnit: "A",
  dataElement: "C",
  categoryOptionCombo: "D",
  value: "G",
  period: "D",
};

/** The template cell a value's field came from ("Số liệu!G7"; the period is the one in D2). */
const cellOf: Locate = (row, field) => `${SHEET}!${COLUMN[field]}${field === "period" ? 2 : row}`;

/** Reads a filled template into value rows (each with its cells), checking that it is this request's. */
export async function readTemplate(
  buffer: Buffer,
  requestId: number,
  offload: Offload,
): Promise<DataValue[]> {
  const rows: DataValue[] = [];
  let period = "";
  let found = false;
  // read on a worker thread, within the import limits (a hostile file is refused there)
  const sheet = await offload.readSheet(buffer, SHEET);
  try {
    for (const { number: n, cells } of sheet.rows) {
      const cell = (column: number) => cells[column] ?? "";
      if (n === 2) {
        found = true;
        if (cell(1) !== String(requestId))
          bad(
            "B2",
            `tệp mẫu này của yêu cầu khác (số ${cell(1)})`,
            "this template belongs to another request",
          );
        period = cell(3);
      } else if (n === FIRST_ROW - 1) {
        if (HEADER.some((h, i) => cell(i) !== h))
          bad("A4", "dòng tiêu đề đã bị sửa; hãy dùng tệp mẫu tải về", "the header row was changed");
      } else if (n >= FIRST_ROW) {
        const raw = cell(6);
        const orgUnit = cell(0);
        if (raw === "" || orgUnit === "") continue;
        rows.push({
          dataElement: cell(2),
          period,
          orgUnit,
          categoryOptionCombo: cell(3),
          value: parseNumberVi(raw),
          line: n,
        });
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw errors.badRequest(
      "Không đọc được tệp Excel (.xlsx)",
      `The Excel file cannot be read: ${(e as Error).message}`,
    );
  }
  if (!found) bad("A1", "không phải tệp mẫu của danvan", "not a danvan template");
  return rows;
}

/** Uploads a filled template: all rows valid, or nothing stored. */
export async function importTemplate(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  requestId: number,
  buffer: Buffer,
  dryRun: boolean,
  offload: Offload,
) {
  requirePermission(auth, "report.fill");
  const rows = await readTemplate(buffer, requestId, offload);
  return importValues(db, kept, auth, requestId, rows, {
    dryRun,
    allOrNothing: true,
    source: "Excel",
    locate: cellOf,
  });
}
