/**
 * Reads and checks the unit list files (`code,name,type,parent_code,level,full_name`) and the successor
 * mapping files. Text in, rows or row/column-precise errors out; no I/O. Format: seed/vn-admin/SOURCE.md.
 * @module
 */
import { parse } from "csv-parse/sync";
import type { UnitLevel } from "../../db/database.ts";
import { normalizeName } from "../../domain/vn-text.ts";

export interface UnitFileRow {
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
  level: Exclude<UnitLevel, "hamlet">;
  fullName: string;
}

export interface MappingRow {
  oldCode: string;
  newCode: string;
  kind: "full" | "partial";
  oldLevel: string;
}

export interface FileError {
  row: number; // 1-based line in the file, header = 1
  column: string | null;
  message_vi: string;
  message_en: string;
}

export class UnitFileError extends Error {
  constructor(
    readonly file: string,
    readonly errors: FileError[],
  ) {
    super(
      `${file}: ${errors.map((e) => `row ${e.row}${e.column ? `, column ${e.column}` : ""}: ${e.message_en}`).join("; ")}`,
    );
  }
}

export const UNIT_TYPES: Record<Exclude<UnitLevel, "hamlet">, readonly string[]> = {
  province: ["tỉnh", "thành phố trực thuộc trung ương"],
  district: [
    "huyện",
    "quận",
    "thị xã",
    "thành phố thuộc tỉnh",
    "thành phố thuộc thành phố trực thuộc trung ương",
  ],
  commune: ["xã", "phường", "thị trấn", "đặc khu"],
};

const CODE_LENGTH = { province: 2, district: 3, commune: 5 } as const;
const UNIT_HEADER = ["code", "name", "type", "parent_code", "level", "full_name"];
const MAPPING_HEADER = ["old_commune_code", "new_commune_code", "type", "old_level"];
const MAX_ERRORS = 50;

function readCsv(file: string, text: string, header: string[]): string[][] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: false, skip_empty_lines: true });
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new UnitFileError(file, [
      {
        row: e.lines ?? 1,
        column: null,
        message_vi: `Tệp CSV sai định dạng: ${e.message}`,
        message_en: `Malformed CSV: ${e.message}`,
      },
    ]);
  }
  const first = records[0]?.map((h) => h.trim());
  if (!first || first.join(",") !== header.join(",")) {
    throw new UnitFileError(file, [
      {
        row: 1,
        column: null,
        message_vi: `Dòng tiêu đề phải là: ${header.join(",")}`,
        message_en: `The header row must be: ${header.join(",")}`,
      },
    ]);
  }
  return records.slice(1);
}

/** Parses a unit list; every row is checked, and any error rejects the whole file. */
export function parseUnitFile(file: string, text: string): UnitFileRow[] {
  const records = readCsv(file, text, UNIT_HEADER);
  const errors: FileError[] = [];
  const fail = (row: number, column: string, vi: string, en: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ row, column, message_vi: vi, message_en: en });
  };
  const rows: UnitFileRow[] = [];
  const seen = new Map<string, number>();
  records.forEach((rec, i) => {
    const line = i + 2;
    const [code = "", rawName = "", type = "", parent = "", level = "", rawFull = ""] = rec.map((v) =>
      v.trim(),
    );
    if (!(level in CODE_LENGTH)) {
      fail(line, "level", `Cấp không hợp lệ: "${level}"`, `Unknown level "${level}"`);
      return;
    }
    const lv = level as keyof typeof CODE_LENGTH;
    if (!new RegExp(`^\\d{${CODE_LENGTH[lv]}}$`).test(code)) {
      fail(
        line,
        "code",
        `Mã "${code}" phải có ${CODE_LENGTH[lv]} chữ số`,
        `Code "${code}" must have ${CODE_LENGTH[lv]} digits`,
      );
    }
    if (seen.has(code)) {
      fail(
        line,
        "code",
        `Mã ${code} trùng với dòng ${seen.get(code)}`,
        `Code ${code} repeats row ${seen.get(code)}`,
      );
    }
    seen.set(code, line);
    if (!UNIT_TYPES[lv].includes(type)) {
      fail(
        line,
        "type",
        `Loại "${type}" không hợp lệ cho cấp ${level}`,
        `Type "${type}" is not valid for level ${level}`,
      );
    }
    const name = normalizeName(rawName);
    const fullName = normalizeName(rawFull);
    if (!name) fail(line, "name", "Thiếu tên", "Name is empty");
    if (!fullName) fail(line, "full_name", "Thiếu tên đầy đủ", "Full name is empty");
    if (lv === "province" && parent) {
      fail(line, "parent_code", "Tỉnh không có đơn vị cấp trên", "A province has no parent");
    }
    if (lv !== "province" && !parent) {
      fail(line, "parent_code", "Thiếu mã đơn vị cấp trên", "Parent code is empty");
    }
    rows.push({ code, name, type, parentCode: parent || null, level: lv, fullName });
  });
  // Parents must exist in the same file, one level up (a commune's parent is a district or, after 2025, a
  // province).
  const byCode = new Map(rows.map((r) => [r.code, r]));
  rows.forEach((r, i) => {
    if (!r.parentCode) return;
    const p = byCode.get(r.parentCode);
    const allowed = r.level === "district" ? ["province"] : ["district", "province"];
    if (!p || !allowed.includes(p.level)) {
      fail(
        i + 2,
        "parent_code",
        `Không tìm thấy đơn vị cấp trên ${r.parentCode} ở cấp phù hợp`,
        `Parent ${r.parentCode} is not in the file at a suitable level`,
      );
    }
  });
  if (errors.length) throw new UnitFileError(file, errors);
  return rows;
}

/** Parses a successor mapping (old code → new code, full/partial). */
export function parseMappingFile(file: string, text: string, withLevel = true): MappingRow[] {
  const header = withLevel ? MAPPING_HEADER : ["old_province_code", "new_province_code"];
  const records = readCsv(file, text, header);
  const errors: FileError[] = [];
  const rows: MappingRow[] = [];
  records.forEach((rec, i) => {
    const [oldCode = "", newCode = "", kind = "full", oldLevel = "province"] = rec.map((v) => v.trim());
    const line = i + 2;
    if (!/^\d{2,5}$/.test(oldCode)) {
      errors.push({
        row: line,
        column: header[0] ?? null,
        message_vi: "Mã cũ không hợp lệ",
        message_en: "Bad old code",
      });
    }
    if (!/^\d{2,5}$/.test(newCode)) {
      errors.push({
        row: line,
        column: header[1] ?? null,
        message_vi: "Mã mới không hợp lệ",
        message_en: "Bad new code",
      });
    }
    if (kind !== "full" && kind !== "partial") {
      errors.push({
        row: line,
        column: "type",
        message_vi: "Loại phải là full hoặc partial",
        message_en: "Type must be full or partial",
      });
    }
    rows.push({ oldCode, newCode, kind: kind as "full" | "partial", oldLevel });
  });
  if (errors.length) throw new UnitFileError(file, errors.slice(0, MAX_ERRORS));
  return rows;
}
