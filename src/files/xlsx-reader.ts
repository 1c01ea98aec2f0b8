/**
 * The rows of one worksheet of an .xlsx file, as cell texts, read with little memory: the ZIP container is
 * read from its central directory (PKWARE APPNOTE 6.3.x §4.3), the parts are found through their
 * relationships (ECMA-376 Part 2, OPC), and the sheet's XML (ECMA-376 Part 1 §18.3.1 sheetData, §18.4 shared
 * strings) is inflated and scanned as a stream, a few rows at a time.
 *
 * Why not exceljs: it allocates ≈ 19 KB per row read (its XML parser builds an event per tag and attribute),
 * which is most of an upload's memory and garbage at 100,000 rows. This reader knows only what a spreadsheet
 * program writes for cells; a file using anything else in the container — ZIP64, encryption, another
 * compression, UTF-16 XML — is refused with {@link XlsxUnsupported} before any row is read, so the caller can
 * read it with exceljs instead (sheet-reader.ts does).
 * @module
 */
import { Readable } from "node:stream";
import { createInflateRaw, inflateRawSync } from "node:zlib";
import { DEFAULT_LIMITS, type ImportLimits, LimitExceeded } from "../offload/limits.ts";
import { cellText } from "./xlsx-cell.ts";

/** The longest a single row's XML may be, unpacked: a real row is a few kilobytes. */
export const MAX_ROW_XML_BYTES = 4 * 1024 * 1024;

/** What is left of the bytes a workbook's parts may unpack to, shared by all of them. */
class Budget {
  constructor(
    private remaining: number,
    private readonly max: number,
  ) {}
  get left(): number {
    return this.remaining;
  }
  spend(bytes: number): void {
    this.remaining -= bytes;
    if (this.remaining < 0) throw new LimitExceeded({ limit: "inflatedBytes", max: this.max });
  }
}

/** The row, column and cell checks every reader of a sheet makes. */
export function checkRow(row: SheetRow, count: number, limits: ImportLimits): void {
  if (count > limits.rows) throw new LimitExceeded({ limit: "rows", max: limits.rows });
  if (row.cells.length > limits.columns) throw new LimitExceeded({ limit: "columns", max: limits.columns });
  for (const c of row.cells) {
    if (c.length > limits.cellChars) throw new LimitExceeded({ limit: "cellChars", max: limits.cellChars });
  }
}

/** A row: its 1-based number and its cells' texts from column A (`cells[0]`), "" for an empty cell. */
export interface SheetRow {
  number: number;
  cells: string[];
}

/** The file is a ZIP/xlsx this reader does not handle (but another reader may). */
export class XlsxUnsupported extends Error {}

/** The file is not a readable .xlsx. */
export class XlsxInvalid extends Error {}

export interface Entry {
  method: number;
  start: number;
  size: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The ZIP's entries by lower-cased name (OPC part names are case-insensitive). */
export function zipEntries(buf: Buffer): Map<string, Entry> {
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 0xffff); p--) {
    if (buf.readUInt32LE(p) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new XlsxInvalid("not a ZIP file");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new XlsxUnsupported("ZIP64");
  const entries = new Map<string, Entry>();
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new XlsxInvalid("broken ZIP directory");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (flags & 1) throw new XlsxUnsupported("encrypted ZIP entry");
    if (size === 0xffffffff || local === 0xffffffff) throw new XlsxUnsupported("ZIP64");
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL)
      throw new XlsxInvalid("broken ZIP entry");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + size > buf.length) throw new XlsxInvalid("truncated ZIP entry");
    entries.set(name.replace(/^\//, "").toLowerCase(), { method, start, size });
  }
  return entries;
}

function checkMethod(e: Entry) {
  if (e.method !== 0 && e.method !== 8) throw new XlsxUnsupported(`ZIP compression method ${e.method}`);
}

function xmlText(bytes: Buffer): string {
  if (bytes[0] === 0xff || bytes[0] === 0xfe) throw new XlsxUnsupported("UTF-16 XML");
  const s = bytes.toString("utf8");
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function readPart(buf: Buffer, e: Entry, budget: Budget): string {
  checkMethod(e);
  const raw = buf.subarray(e.start, e.start + e.size);
  try {
    // never unpack more than the budget: one byte past it is enough to know
    const bytes =
      e.method === 8 ? inflateRawSync(raw, { maxOutputLength: Math.max(1, budget.left + 1) }) : raw;
    budget.spend(bytes.length);
    return xmlText(bytes);
  } catch (err) {
    if (err instanceof XlsxUnsupported || err instanceof LimitExceeded) throw err;
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") budget.spend(budget.left + 1);
    throw new XlsxInvalid(`cannot inflate: ${(err as Error).message}`);
  }
}

const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A start tag's attributes by local name (the namespace prefix dropped: `r:id` → `id`). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const name = m[1] ?? "";
    out.set(name.slice(name.indexOf(":") + 1), decode(m[2] ?? m[3] ?? ""));
  }
  return out;
}

/** The `<tag …>` start tags (any namespace prefix) of a part. */
function startTags(xml: string, tag: string): Map<string, string>[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*)>`, "g");
  return [...xml.matchAll(re)].map((m) => attributes(m[1] ?? ""));
}

/** A relationships part's targets by id, as part names resolved against the source part's folder. */
function relationships(xml: string, sourceFolder: string): { id: string; type: string; target: string }[] {
  return startTags(xml, "Relationship")
    .filter((a) => a.get("TargetMode") !== "External")
    .map((a) => {
      const target = a.get("Target") ?? "";
      const parts = (target.startsWith("/") ? target.slice(1) : sourceFolder + target).split("/");
      const resolved: string[] = [];
      for (const part of parts) {
        if (part === "..") resolved.pop();
        else if (part !== "." && part !== "") resolved.push(part);
      }
      return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: resolved.join("/") };
    });
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
/** ST_Xstring escapes (ECMA-376 Part 1 §22.9.2.19): `_x000D_` is a carriage return, `_x005F_` an underscore. */
const XSTRING = /_x([0-9A-Fa-f]{4})_/g;

/** XML text → string: entities, character references and OOXML `_xHHHH_` escapes. */
function decode(s: string): string {
  let out = s;
  if (out.includes("&"))
    out = out.replace(
      ENTITY,
      (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
        name ? (NAMED[name] ?? "") : String.fromCodePoint(hex ? Number.parseInt(hex, 16) : Number(dec)),
    );
  if (out.includes("_x"))
    out = out.replace(XSTRING, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return out;
}

const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh\s*>/g;
const TEXT = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t\s*>/g;

/** The text of a rich or plain string item (`<si>`, `<is>`): its `<t>` runs, phonetic guides left out. */
function stringItem(content: string): string {
  const s = content.includes("rPh") ? content.replace(PHONETIC, "") : content;
  let out = "";
  for (const m of s.matchAll(TEXT)) out += m[1] ?? "";
  return decode(out);
}

const SHARED = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si\s*>)/g;

function sharedStrings(xml: string, texts: Texts): string[] {
  return [...xml.matchAll(SHARED)].map((m) => texts.own(stringItem(m[1] ?? "")));
}

const ROW = /<(?:[\w.-]+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row\s*>)/g;
const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c\s*>)/g;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?v\s*>/;
const INLINE = /<(?:[\w.-]+:)?is\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?is\s*>/;
const R_ATTRIBUTE = /(?:^|\s)r\s*=\s*["']([^"']*)["']/;
const T_ATTRIBUTE = /(?:^|\s)t\s*=\s*["']([^"']*)["']/;

/**
 * A copy of a cell's text that owns its characters, one per distinct text. A substring in V8 is a slice that
 * keeps the whole string it was cut from alive: kept as is, 100,000 rows' texts would hold on to every
 * inflated chunk of the sheet. Distinct texts are few (codes, names), so most cells share a copy.
 */
class Texts {
  private readonly copies = new Map<string, string>();
  own(s: string): string {
    let copy = this.copies.get(s);
    if (copy === undefined) {
      copy = s.length < 13 ? s : Buffer.from(s, "utf8").toString("utf8"); // V8 copies shorter substrings
      if (this.copies.size < 50_000) this.copies.set(copy, copy);
    }
    return copy;
  }
}

/** Column index (0 for A) of a cell reference such as "G12"; -1 if it has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 ? -1 : col - 1;
}

/** A cell's text by its type (§18.18.11 ST_CellType), read the way {@link cellText} reads exceljs's values. */
function cellValue(type: string | undefined, content: string, shared: string[]): string {
  if (type === "inlineStr") {
    const is = INLINE.exec(content);
    return is ? stringItem(is[1] ?? "").trim() : "";
  }
  const v = VALUE.exec(content)?.[1];
  if (v === undefined) return "";
  switch (type) {
    case "s": {
      const s = shared[Number(v)];
      if (s === undefined) throw new XlsxInvalid(`shared string ${v} missing`);
      return s.trim();
    }
    case "str":
    case "e":
      return decode(v).trim();
    case "b":
      return v.trim() === "1" ? "1" : "0";
    case "d":
      return v.trim().slice(0, 10);
    default: {
      const n = Number(v);
      return v.trim() !== "" && Number.isFinite(n) ? String(n) : "";
    }
  }
}

/** Where the last complete `</row>` of `xml` ends, or 0. */
function endOfLastRow(xml: string): number {
  let at = xml.length;
  for (;;) {
    const i = xml.lastIndexOf("row>", at);
    if (i < 0) return 0;
    const open = xml.lastIndexOf("</", i);
    if (open >= 0 && /^(?:[\w.-]+:)?$/.test(xml.slice(open + 2, i))) return i + 4;
    at = i - 1;
  }
}

/** An opened workbook: which sheet was found, and a reader for its rows. */
export interface OpenedSheet {
  name: string;
  rows(): AsyncGenerator<SheetRow>;
}

/**
 * Opens the sheet called `sheetName` (the first sheet if none is) of an .xlsx file. Throws
 * {@link XlsxInvalid} or {@link XlsxUnsupported} here, before any row is read.
 */
export function openSheet(
  buf: Buffer,
  sheetName: string,
  limits: ImportLimits = DEFAULT_LIMITS,
): OpenedSheet {
  const zip = zipEntries(buf);
  const budget = new Budget(limits.inflatedBytes, limits.inflatedBytes);
  const part = (name: string) => {
    const e = zip.get(name.toLowerCase());
    return e ? readPart(buf, e, budget) : null;
  };
  const rels = (name: string) => {
    const slash = name.lastIndexOf("/") + 1;
    const xml = part(`${name.slice(0, slash)}_rels/${name.slice(slash)}.rels`);
    return xml ? relationships(xml, name.slice(0, slash)) : [];
  };
  const workbook = rels("").find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookXml = part(workbook);
  if (workbookXml === null) throw new XlsxInvalid("no workbook part");
  const links = rels(workbook);
  const sheets = startTags(workbookXml, "sheet");
  const sheet = sheets.find((s) => s.get("name") === sheetName) ?? sheets[0];
  const target = links.find((r) => r.id === sheet?.get("id"))?.target;
  const entry = target === undefined ? undefined : zip.get(target.toLowerCase());
  if (!sheet || !entry) throw new XlsxInvalid("no worksheet");
  checkMethod(entry);
  const { method, start, size } = entry;
  const sharedPart = links.find((r) => r.type.endsWith("/sharedStrings"))?.target;
  const texts = new Texts();
  const shared = sharedPart ? sharedStrings(part(sharedPart) ?? "", texts) : [];

  async function* rows(): AsyncGenerator<SheetRow> {
    const raw = buf.subarray(start, start + size);
    const source: AsyncIterable<string> | Iterable<string> =
      method === 8
        ? Readable.from([raw])
            .pipe(createInflateRaw({ chunkSize: 64 * 1024 }))
            .setEncoding("utf8")
        : [xmlText(raw)];
    let pending = "";
    let lastRow = 0;
    let count = 0;
    const scan = function* (xml: string): Generator<SheetRow> {
      for (const m of xml.matchAll(ROW)) {
        const r = R_ATTRIBUTE.exec(m[1] ?? "")?.[1];
        lastRow = r === undefined ? lastRow + 1 : Number(r);
        const cells: string[] = [];
        let col = -1;
        for (const c of (m[2] ?? "").matchAll(CELL)) {
          const head = c[1] ?? "";
          const ref = R_ATTRIBUTE.exec(head)?.[1];
          const at = ref === undefined ? -1 : columnOf(ref);
          col = at >= 0 ? at : col + 1;
          while (cells.length < col) cells.push("");
          cells[col] = texts.own(cellValue(T_ATTRIBUTE.exec(head)?.[1], c[2] ?? "", shared));
        }
        const row = { number: lastRow, cells };
        checkRow(row, ++count, limits);
        yield row;
      }
    };
    try {
      let first = true;
      // the text after the last row's end, kept as pieces: joined only once a row ends in it (appending to
      // one string and searching it would copy it again for every chunk: quadratic in a long row)
      let held: string[] = [];
      let heldLength = 0;
      for await (const chunk of source) {
        if (method === 8) budget.spend(Buffer.byteLength(chunk, "utf8"));
        const text = first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
        first = false;
        // a row's end lies in this chunk, or straddles it and the few characters before it
        const before = (held[held.length - 1] ?? "").slice(-64);
        const end = endOfLastRow(before + text) - before.length;
        if (end <= 0) {
          held.push(text);
          heldLength += text.length;
          // no row ends in what is held: a row this long is no spreadsheet's
          if (heldLength > MAX_ROW_XML_BYTES) {
            throw new LimitExceeded({ limit: "rowBytes", max: MAX_ROW_XML_BYTES });
          }
          continue;
        }
        held.push(text.slice(0, end));
        yield* scan(held.join(""));
        held = [text.slice(end)];
        heldLength = text.length - end;
      }
      pending = held.join("");
      yield* scan(pending);
    } catch (err) {
      if (err instanceof XlsxInvalid || err instanceof LimitExceeded) throw err;
      if ((err as NodeJS.ErrnoException).code?.startsWith("Z_"))
        throw new XlsxInvalid(`cannot inflate: ${(err as Error).message}`);
      throw err;
    }
  }
  return { name: sheet.get("name") ?? "", rows };
}
