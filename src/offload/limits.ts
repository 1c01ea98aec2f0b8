/**
 * What one import or export may hold, checked while a file is read or built, before memory grows: the bytes a
 * workbook unpacks to, rows, columns, characters per cell or field, and the seconds its reading may take.
 * Each is a setting (environment variable, documented in docs/limits.md) with a default no real dân vận file
 * comes near: the national template of 3,321 communes × 60 indicators is ≈ 200,000 rows.
 * @module
 */
import { formatNumber } from "../domain/vn-format.ts";
import { AppError } from "../errors.ts";

export interface ImportLimits {
  /** bytes all the parts of an .xlsx may unpack to (DANVAN_IMPORT_MAX_INFLATED_MB) */
  inflatedBytes: number;
  /** rows of a sheet or records of a CSV (DANVAN_IMPORT_MAX_ROWS) */
  rows: number;
  /** cells of one row or fields of one record (DANVAN_IMPORT_MAX_COLUMNS) */
  columns: number;
  /** characters of one cell or field (DANVAN_IMPORT_MAX_CELL_CHARS; Excel's own limit is 32,767) */
  cellChars: number;
  /** seconds reading a file or building one may take (DANVAN_IMPORT_MAX_SECONDS) */
  seconds: number;
  /** rows of an exported table (DANVAN_EXPORT_MAX_ROWS) */
  exportRows: number;
  /** cells of an exported table (DANVAN_EXPORT_MAX_CELLS) */
  exportCells: number;
  /** pixels of an attached image, decoded to be checked (DANVAN_ATTACHMENT_MAX_MEGAPIXELS) */
  imagePixels: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  inflatedBytes: 256 * 1024 * 1024,
  rows: 250_000,
  columns: 200,
  cellChars: 32_767,
  seconds: 8,
  exportRows: 50_000,
  exportCells: 1_000_000,
  // a 40-megapixel photo: more than a phone or a scanner at 600 dpi gives for an A4 page
  imagePixels: 40_000_000,
};

const SETTINGS: [keyof ImportLimits, string, number][] = [
  ["inflatedBytes", "DANVAN_IMPORT_MAX_INFLATED_MB", 1024 * 1024],
  ["rows", "DANVAN_IMPORT_MAX_ROWS", 1],
  ["columns", "DANVAN_IMPORT_MAX_COLUMNS", 1],
  ["cellChars", "DANVAN_IMPORT_MAX_CELL_CHARS", 1],
  ["seconds", "DANVAN_IMPORT_MAX_SECONDS", 1],
  ["exportRows", "DANVAN_EXPORT_MAX_ROWS", 1],
  ["exportCells", "DANVAN_EXPORT_MAX_CELLS", 1],
  ["imagePixels", "DANVAN_ATTACHMENT_MAX_MEGAPIXELS", 1_000_000],
];

/** The limits the environment sets, the defaults for the rest. */
export function limitsFromEnv(env: NodeJS.ProcessEnv): ImportLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const [key, name, unit] of SETTINGS) {
    const v = env[name]?.trim();
    if (!v) continue;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n * unit > Number.MAX_SAFE_INTEGER) {
      throw new Error(`${name} must be a whole number ≥ 1: ${v}`);
    }
    out[key] = n * unit;
  }
  return out;
}

export type LimitName =
  | "inflatedBytes"
  | "rows"
  | "columns"
  | "cellChars"
  | "rowBytes"
  | "seconds"
  | "memory"
  | "exportRows"
  | "exportCells"
  | "imagePixels";

/** A limit a file went past, as the worker reports it (plain data: it crosses a thread). */
export interface LimitReport {
  limit: LimitName;
  max: number;
}

const MB = 1024 * 1024;
const n = (v: number, lang: "vi" | "en") => formatNumber(v, lang);

/** The answer to a file past a limit: 413 for its size, 422 for what it holds; it names the limit. */
export function limitError({ limit, max }: LimitReport): AppError {
  const say: Record<LimitName, [number, string, string]> = {
    inflatedBytes: [
      413,
      `Tệp giải nén ra hơn ${n(max / MB, "vi")} MB; hãy chia thành nhiều tệp nhỏ hơn`,
      `The file unpacks to more than ${n(max / MB, "en")} MB; split it into smaller files`,
    ],
    rows: [
      422,
      `Tệp có hơn ${n(max, "vi")} dòng; hãy chia thành nhiều tệp`,
      `The file has more than ${n(max, "en")} rows; split it`,
    ],
    columns: [422, `Có dòng hơn ${n(max, "vi")} cột`, `A row has more than ${n(max, "en")} columns`],
    cellChars: [422, `Có ô hơn ${n(max, "vi")} ký tự`, `A cell holds more than ${n(max, "en")} characters`],
    rowBytes: [
      422,
      `Có dòng dài hơn ${n(max / MB, "vi")} MB khi giải nén; tệp không phải bảng tính thông thường`,
      `A row is longer than ${n(max / MB, "en")} MB unpacked; this is not an ordinary spreadsheet`,
    ],
    seconds: [
      422,
      `Đọc tệp mất hơn ${n(max, "vi")} giây nên đã dừng; hãy chia thành nhiều tệp nhỏ hơn`,
      `Reading the file took more than ${n(max, "en")} seconds and was stopped; split it into smaller files`,
    ],
    memory: [
      413,
      `Đọc tệp cần hơn ${n(max, "vi")} MB bộ nhớ nên đã dừng; hãy chia thành nhiều tệp nhỏ hơn`,
      `Reading the file needed more than ${n(max, "en")} MB of memory and was stopped; split it into smaller files`,
    ],
    exportRows: [
      422,
      `Bảng xuất ra không quá ${n(max, "vi")} dòng`,
      `An exported table has at most ${n(max, "en")} rows`,
    ],
    exportCells: [
      422,
      `Bảng xuất ra không quá ${n(max, "vi")} ô`,
      `An exported table has at most ${n(max, "en")} cells`,
    ],
    imagePixels: [
      422,
      `Ảnh lớn hơn ${n(max / 1_000_000, "vi")} megapixel; hãy giảm kích thước ảnh`,
      `The image is larger than ${n(max / 1_000_000, "en")} megapixels; make it smaller`,
    ],
  };
  const [status, vi, en] = say[limit];
  return new AppError(status as 413 | 422, "limit_exceeded", vi, en, { limit, max });
}

/** Raised inside a reader when a limit is passed; the worker turns it into a {@link LimitReport}. */
export class LimitExceeded extends Error {
  constructor(readonly report: LimitReport) {
    super(`limit ${report.limit} (${report.max})`);
  }
}
