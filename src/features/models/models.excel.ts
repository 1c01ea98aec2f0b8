/**
 * A unit's "Dân vận khéo" models of a year as Excel, the way units keep their lists: the file
 * lists the models already there and is the template for new ones; uploaded back, every new row is checked
 * (errors name sheet, row and cell) and the new models are registered all together or not at all. Rows naming
 * a model the unit already has that year (same name, accents and case aside) are left as they are; likely
 * duplicates are reported so a dry run shows them before saving.
 * @module
 */

import ExcelJS from "exceljs";
import { type Auth, requireUnitAccess } from "../../access/access.ts";
import type { Db, ModelDetailsJson } from "../../db/database.ts";
import type { Kept } from "../../db/kept.ts";
import { isIsoDate } from "../../domain/dates.ts";
import {
  KIND_VI,
  likelyDuplicates,
  type ModelKind,
  REGISTRATION_VI,
  STATUS_VI,
} from "../../domain/dvk-models.ts";
import { foldVietnamese } from "../../domain/vn-text.ts";
import { AppError, errors } from "../../errors.ts";
import type { Offload } from "../../offload/pool.ts";
import { registryChanged } from "./model-counts.service.ts";
import { insertRegistered } from "./model-registration.service.ts";
import * as repo from "./models.repository.ts";

export const MODELS_SHEET = "Mô hình";
const FIRST_ROW = 5;
/** The columns, in order: header, and what a row's cell holds. */
const COLUMNS = [
  ["Tên mô hình (bắt buộc)", "name"],
  ["Lĩnh vực (bắt buộc)", "field"],
  ["Loại: Tập thể / Cá nhân", "kind"],
  ["Ngày bắt đầu (dd/mm/yyyy)", "startedOn"],
  ["Sự cần thiết", "rationale"],
  ["Mục tiêu, tiêu chí", "goals"],
  ["Nội dung, cách thức thực hiện", "contentMethod"],
  ["Địa bàn", "area"],
  ["Đối tượng", "targetGroup"],
  ["Lực lượng chủ trì", "lead"],
  ["Lực lượng phối hợp", "coordinating"],
  ["Lực lượng tham gia", "participating"],
  ["Nguồn lực", "resources"],
  ["Kết quả dự kiến", "expectedOutputs"],
  ["Tính bền vững, khả năng nhân rộng", "sustainability"],
  ["Đăng ký (chỉ để xem)", "registration"],
  ["Trạng thái (chỉ để xem)", "status"],
] as const;
type Key = (typeof COLUMNS)[number][1];
const col = (k: Key) => COLUMNS.findIndex((c) => c[1] === k);
const letter = (k: Key) => String.fromCharCode(65 + col(k));

/** The unit's models of the year, one per row, with the header that makes it the upload template too. */
export async function exportModels(db: Db, auth: Auth | null, unit: string, year: number): Promise<Buffer> {
  await requireUnitAccess(db, auth, "unit.read", unit);
  const [rows, fields] = await Promise.all([
    repo.listModels(db, { unitCode: unit, year }, 10_000),
    repo.listFields(db),
  ]);
  const fieldName = new Map(fields.map((f) => [f.code, f.name_vi]));
  const wb = new ExcelJS.Workbook();
  wb.creator = "danvan";
  const ws = wb.addWorksheet(MODELS_SHEET, { views: [{ state: "frozen", ySplit: FIRST_ROW - 1 }] });
  ws.addRow([`danvan · Danh sách mô hình “Dân vận khéo” năm ${year}`]).font = { bold: true, size: 13 };
  ws.addRow(["Mã đơn vị", unit, "Năm", year]);
  ws.addRow([
    `Thêm mô hình mới ở các dòng dưới cùng; lĩnh vực: ${fields.map((f) => f.name_vi).join("; ")}. Các mô hình đã có được giữ nguyên.`,
  ]);
  ws.addRow(COLUMNS.map((c) => c[0])).font = { bold: true };
  for (const m of rows.filter((r) => r.unit_code === unit)) {
    const d = m.details;
    ws.addRow([
      m.name,
      fieldName.get(m.field_code) ?? m.field_code,
      KIND_VI[m.kind],
      m.started_on.split("-").reverse().join("/"),
      d.rationale,
      d.goals,
      d.contentMethod,
      d.area,
      d.targetGroup,
      d.forces.lead,
      d.forces.coordinating,
      d.forces.participating,
      d.resources,
      d.expectedOutputs,
      d.sustainability,
      REGISTRATION_VI[m.registration],
      STATUS_VI[m.status],
    ]);
  }
  COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = i === 0 ? 44 : Math.max(14, Math.min(40, c[0].length + 2));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Problem {
  field: string;
  messageVi: string;
  messageEn: string;
}

/** "05/02/2025", an Excel date, or "2025-02-05" → "2025-02-05"; null when it is not a real date. */
function dateOf(text: string): string | null {
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = vn ? `${vn[3]}-${vn[2]?.padStart(2, "0")}-${vn[1]?.padStart(2, "0")}` : text;
  return isIsoDate(iso) ? iso : null;
}

/** Reads, checks and (unless a dry run) registers the new models of an uploaded list, all or none. */
export async function importModels(
  db: Db,
  kept: Kept,
  auth: Auth | null,
  q: { unit: string; year: number; dryRun: boolean },
  buffer: Buffer,
  offload: Offload,
) {
  const path = await requireUnitAccess(db, auth, "model.register", q.unit);
  const a = auth as Auth;
  const fields = await repo.listFields(db);
  const fieldByName = new Map(
    fields.flatMap((f) => [[foldVietnamese(f.name_vi), f.code] as const, [f.code, f.code] as const]),
  );
  const kinds = new Map<string, ModelKind>(
    Object.entries(KIND_VI).map(([k, vi]) => [foldVietnamese(vi), k as ModelKind]),
  );
  const existing = await repo.namesInUnitYear(db, q.unit, q.year);
  const existingNames = new Set(existing.map((e) => foldVietnamese(e.name).trim()));
  const problems: Problem[] = [];
  const cell = (k: Key, row: number) => `${MODELS_SHEET}!${letter(k)}${row}`;
  const fail = (k: Key, row: number, vi: string, en: string) =>
    problems.push({
      field: cell(k, row),
      messageVi: `${cell(k, row)}: ${vi}`,
      messageEn: `${cell(k, row)}: ${en}`,
    });

  const rows: { row: number; values: Record<Key, string> }[] = [];
  // read on a worker thread, within the import limits (a hostile file is refused there)
  const sheet = await offload.readSheet(buffer, MODELS_SHEET);
  if (sheet.name !== MODELS_SHEET && sheet.name !== "") {
    throw errors.badRequest(
      `Tệp không có trang "${MODELS_SHEET}"; hãy dùng tệp tải về từ danvan`,
      `The file has no "${MODELS_SHEET}" sheet`,
    );
  }
  const header = sheet.rows.find((r) => r.number === FIRST_ROW - 1)?.cells ?? [];
  if (
    COLUMNS.slice(0, 15)
      .map((_, i) => header[i] ?? "")
      .join("|") !==
    COLUMNS.slice(0, 15)
      .map((c) => c[0])
      .join("|")
  ) {
    throw errors.badRequest(
      `${MODELS_SHEET}!A${FIRST_ROW - 1}: dòng tiêu đề đã bị sửa; hãy dùng tệp tải về`,
      `${MODELS_SHEET}!A${FIRST_ROW - 1}: the header row was changed`,
    );
  }
  for (const r of sheet.rows) {
    if (r.number < FIRST_ROW) continue;
    const values = Object.fromEntries(COLUMNS.map(([, k], i) => [k, r.cells[i] ?? ""])) as Record<
      Key,
      string
    >;
    if (COLUMNS.slice(0, 15).every(([, k]) => values[k] === "")) continue;
    rows.push({ row: r.number, values });
  }

  const fresh: { row: number; input: Parameters<typeof insertRegistered>[3] }[] = [];
  const warnings: { row: number; messageVi: string }[] = [];
  let unchanged = 0;
  const seen = new Map<string, number>();
  for (const { row, values: v } of rows) {
    const folded = foldVietnamese(v.name).trim();
    if (existingNames.has(folded)) {
      unchanged++;
      continue;
    }
    if (v.name.length < 3 || v.name.length > 300)
      fail("name", row, "tên mô hình cần từ 3 đến 300 ký tự", "the name needs 3–300 characters");
    const twin = seen.get(folded);
    if (twin !== undefined) fail("name", row, `trùng tên với dòng ${twin}`, `same name as row ${twin}`);
    seen.set(folded, row);
    const field = fieldByName.get(foldVietnamese(v.field));
    if (!field) fail("field", row, `không có lĩnh vực "${v.field}"`, `no field "${v.field}"`);
    const kind = v.kind === "" ? "collective" : kinds.get(foldVietnamese(v.kind));
    if (!kind)
      fail("kind", row, `loại phải là "Tập thể" hoặc "Cá nhân"`, `the kind is "Tập thể" or "Cá nhân"`);
    const started = v.startedOn === "" ? `${q.year}-01-01` : dateOf(v.startedOn);
    if (!started)
      fail(
        "startedOn",
        row,
        `"${v.startedOn}" không phải ngày dd/mm/yyyy`,
        `"${v.startedOn}" is not a dd/mm/yyyy date`,
      );
    for (const k of [
      "rationale",
      "goals",
      "contentMethod",
      "area",
      "targetGroup",
      "resources",
      "expectedOutputs",
      "sustainability",
    ] as const) {
      if (v[k].length > 4000) fail(k, row, "quá 4.000 ký tự", "over 4,000 characters");
    }
    const alike = likelyDuplicates(v.name, existing);
    if (alike.length > 0) {
      warnings.push({ row, messageVi: `Dòng ${row}: gần trùng tên với mô hình "${alike[0]?.item.name}"` });
    }
    if (field && kind && started) {
      const details: ModelDetailsJson = {
        rationale: v.rationale,
        goals: v.goals,
        contentMethod: v.contentMethod,
        area: v.area,
        targetGroup: v.targetGroup,
        forces: { lead: v.lead, coordinating: v.coordinating, participating: v.participating },
        resources: v.resources,
        milestones: [],
        expectedOutputs: v.expectedOutputs,
        sustainability: v.sustainability,
      };
      fresh.push({
        row,
        input: {
          unitCode: q.unit,
          bodyId: null,
          year: q.year,
          name: v.name,
          fieldCode: field,
          kind,
          details,
          startedOn: started,
          evaluationOn: null,
        },
      });
    }
  }
  if (problems.length) {
    throw new AppError(
      400,
      "import_failed",
      `Tệp có ${problems.length} lỗi; chưa lưu mô hình nào. ${problems[0]?.messageVi ?? ""}`,
      `The file has ${problems.length} errors; nothing was stored`,
      problems.slice(0, 200),
    );
  }
  if (!q.dryRun && fresh.length) {
    await db.transaction().execute(async (trx) => {
      for (const f of fresh) await insertRegistered(trx, a, path, f.input, "model.import");
    });
    await registryChanged(kept);
  }
  return { dryRun: q.dryRun, registered: fresh.length, unchanged, warnings };
}
