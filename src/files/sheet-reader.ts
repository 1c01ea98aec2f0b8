/**
 * Reading one sheet of an uploaded .xlsx: by the fast reader (xlsx-reader.ts), or by exceljs for the
 * containers that one leaves aside (ZIP64, encryption, another compression, UTF-16 XML), the sheet chosen by
 * name either way and read within the same limits.
 * @module
 */
import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { DEFAULT_LIMITS, type ImportLimits, LimitExceeded } from "../offload/limits.ts";
import { cellText } from "./xlsx-cell.ts";
import { checkRow, type OpenedSheet, openSheet, type SheetRow, XlsxUnsupported } from "./xlsx-reader.ts";

/** exceljs is loaded for the files the fast reader leaves aside only: a thread reading a plain file goes
 * without it. */
async function exceljsReader(buf: Buffer) {
  const { default: ExcelJS } = await import("exceljs");
  return new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "ignore",
    hyperlinks: "ignore",
    entries: "ignore",
  });
}

/** The names of a workbook's worksheets in order, read by exceljs (each sheet is read through to get there). */
async function exceljsSheetNames(buf: Buffer): Promise<string[]> {
  const names: string[] = [];
  for await (const ws of await exceljsReader(buf)) {
    names.push((ws as unknown as { name: string }).name ?? "");
    for await (const _ of ws) {
      // the stream is read in order: a sheet is passed by reading it
    }
  }
  return names;
}

/** The rows of the workbook's `index`-th worksheet (0: the first), read by exceljs within `limits`. */
async function* sheetRows(buf: Buffer, index: number, limits: ImportLimits): AsyncGenerator<SheetRow> {
  let count = 0;
  let at = 0;
  for await (const ws of await exceljsReader(buf)) {
    if (at++ !== index) {
      for await (const _ of ws) {
        // not this one
      }
      continue;
    }
    for await (const row of ws) {
      const values = row.values as ExcelJS.CellValue[]; // 1-based, sparse
      if (values.length - 1 > limits.columns)
        throw new LimitExceeded({ limit: "columns", max: limits.columns });
      const read = {
        number: row.number,
        cells: Array.from({ length: Math.max(0, values.length - 1) }, (_, i) =>
          cellText(values[i + 1] ?? null),
        ),
      };
      checkRow(read, ++count, limits);
      yield read;
    }
    return;
  }
}

/**
 * The sheet called `sheetName` (else the first) read by exceljs, for the files {@link openSheet} does not
 * handle: the same rows, within the same limits. The names are read first (a streamed workbook gives each sheet
 * once, in order), then the chosen sheet.
 */
export async function exceljsSheet(
  buf: Buffer,
  sheetName: string,
  limits: ImportLimits = DEFAULT_LIMITS,
): Promise<OpenedSheet> {
  const names = await exceljsSheetNames(buf);
  const index = Math.max(0, names.indexOf(sheetName));
  return { name: names[index] ?? "", rows: () => sheetRows(buf, index, limits) };
}

/** The rows of the first worksheet read by exceljs (a comparison for {@link openSheet} in the tests). */
export function exceljsRows(buf: Buffer, limits: ImportLimits = DEFAULT_LIMITS): AsyncGenerator<SheetRow> {
  return sheetRows(buf, 0, limits);
}

/**
 * The rows of the sheet called `sheetName` (else the first), as {@link readSheet} reads it. Throws
 * {@link XlsxInvalid} for a file that is not an .xlsx.
 */
export async function* readSheetRows(
  buf: Buffer,
  sheetName: string,
  limits: ImportLimits = DEFAULT_LIMITS,
): AsyncGenerator<SheetRow> {
  yield* (await readSheet(buf, sheetName, limits)).rows();
}

/**
 * The sheet called `sheetName` (else the first) with its name, read by {@link openSheet}, or by exceljs when
 * the container is one it does not handle, chosen by name the same way. Within `limits` either way.
 */
export async function readSheet(buf: Buffer, sheetName: string, limits: ImportLimits): Promise<OpenedSheet> {
  try {
    return openSheet(buf, sheetName, limits);
  } catch (err) {
    if (!(err instanceof XlsxUnsupported)) throw err;
    return exceljsSheet(buf, sheetName, limits);
  }
}
