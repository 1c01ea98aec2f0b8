import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type ZipOptions, zip } from "../../test/fixtures/zip.ts";
import { DEFAULT_LIMITS } from "../offload/limits.ts";
import { Offload } from "../offload/pool.ts";
import { exceljsRows, readSheet, readSheetRows } from "./sheet-reader.ts";
import { openSheet, type SheetRow, XlsxInvalid, XlsxUnsupported } from "./xlsx-reader.ts";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const column = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : column(Math.floor(i / 26) - 1) + column(i % 26);

/** How a program writes the same sheet. */
interface Dialect {
  name: string;
  /** Strings in sharedStrings.xml (else inline). */
  shared: boolean;
  /** Namespace prefix of the SpreadsheetML elements ("x:" as the Open XML SDK writes). */
  prefix: string;
  /** Leaves out the r attributes of rows and cells, writing every cell in order. */
  noRefs?: boolean;
  /** Extra attributes on rows and on cells, as that program writes them. */
  rowAttributes: string;
  cellAttributes: string;
  /** Writes t="n" on numbers (LibreOffice does). */
  typedNumbers?: boolean;
  quote: '"' | "'";
  /** Targets written as absolute part names ("/xl/worksheets/sheet2.xml"). */
  absolute?: boolean;
  zip?: ZipOptions;
  store?: boolean;
}

type Value = string | number | null;

const DIALECTS: Dialect[] = [
  {
    name: "Excel",
    shared: true,
    prefix: "",
    rowAttributes: ' spans="1:7" x14ac:dyDescent="0.25"',
    cellAttributes: ' s="1"',
    quote: '"',
  },
  {
    name: "LibreOffice Calc",
    shared: true,
    prefix: "",
    rowAttributes:
      ' customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"',
    cellAttributes: ' s="0"',
    typedNumbers: true,
    quote: '"',
    zip: { dataDescriptor: true },
  },
  {
    name: "Open XML SDK (prefixed, inline strings, absolute targets)",
    shared: false,
    prefix: "x:",
    rowAttributes: "",
    cellAttributes: "",
    quote: '"',
    absolute: true,
  },
  {
    name: "a minimal writer (no cell references, single quotes, stored entries)",
    shared: false,
    prefix: "",
    noRefs: true,
    rowAttributes: "",
    cellAttributes: "",
    quote: "'",
    store: true,
  },
];

/** An .xlsx of two sheets — an instructions sheet first, then `rows` as the sheet "Số liệu" — as `d` writes it. */
function workbook(d: Dialect, rows: Value[][]): Buffer {
  const q = d.quote;
  const p = d.prefix;
  const ns = p ? `xmlns:${p.slice(0, -1)}=${q}${MAIN}${q}` : `xmlns=${q}${MAIN}${q}`;
  const strings: string[] = [];
  const shared = (s: string) => {
    const i = strings.indexOf(s);
    return i >= 0 ? i : strings.push(s) - 1;
  };
  const cell = (v: Value, r: number, c: number) => {
    const ref = d.noRefs ? "" : ` r=${q}${column(c)}${r}${q}`;
    const head = `${ref}${d.cellAttributes.replace(/"/g, q)}`;
    if (v === null) return `<${p}c${head}/>`;
    if (typeof v === "number")
      return `<${p}c${head}${d.typedNumbers ? ` t=${q}n${q}` : ""}><${p}v>${v}</${p}v></${p}c>`;
    if (d.shared) return `<${p}c${head} t=${q}s${q}><${p}v>${shared(v)}</${p}v></${p}c>`;
    return `<${p}c${head} t=${q}inlineStr${q}><${p}is><${p}t>${esc(v)}</${p}t></${p}is></${p}c>`;
  };
  const sheet = (data: Value[][]) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns} xmlns:r=${q}${REL}${q}><${p}sheetData>${data
      .map((cells, i) => {
        const r = i + 1;
        const head = `${d.noRefs ? "" : ` r=${q}${r}${q}`}${d.rowAttributes.replace(/"/g, q)}`;
        if (cells.length === 0) return d.noRefs ? `<${p}row/>` : `<${p}row${head}/>`;
        return `<${p}row${head}>${cells.map((v, c) => (d.noRefs || v !== null || d.typedNumbers ? cell(v, r, c) : "")).join("")}</${p}row>`;
      })
      .join("")}</${p}sheetData></${p}worksheet>`;
  const instructions = sheet([["Hướng dẫn: nhập số vào cột G"]]);
  const data = sheet(rows);
  const target = (name: string) => (d.absolute ? `/xl/${name}` : name);
  const files = [
    { name: "[Content_Types].xml", data: "<Types/>" },
    {
      name: "_rels/.rels",
      data: `<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${d.absolute ? "/" : ""}xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<${p}workbook ${ns} xmlns:r=${q}${REL}${q}><${p}sheets><${p}sheet name=${q}Hướng dẫn${q} sheetId=${q}2${q} r:id=${q}rId2${q}/><${p}sheet name=${q}Số liệu${q} sheetId=${q}1${q} r:id=${q}rId1${q}/></${p}sheets></${p}workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="${target("worksheets/sheet2.xml")}"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="${target("worksheets/sheet1.xml")}"/>${d.shared ? `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="${target("sharedStrings.xml")}"/>` : ""}</Relationships>`,
    },
    { name: "xl/worksheets/sheet2.xml", data },
    { name: "xl/worksheets/sheet1.xml", data: instructions },
    ...(d.shared
      ? [
          {
            name: "xl/sharedStrings.xml",
            data: `<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings
              .map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`)
              .join("")}</sst>`,
          },
        ]
      : []),
  ];
  return zip(
    files.map((f) => ({ ...f, store: d.store })),
    d.zip,
  );
}

const HEADER = ["Mã đơn vị", "Đơn vị", "Mã chỉ tiêu", "Phân tổ", "Chỉ tiêu", "Đơn vị tính", "Giá trị"];
const ROWS: Value[][] = [
  ["danvan · Biểu nhập số liệu", "Tổng kết <3 năm> & định hướng"],
  ["Mã yêu cầu", 17, "Kỳ", "2026"],
  [],
  HEADER,
  ["30037", "Xã Tháp Mười", "DVK_MODELS_TOTAL", null, "Tổng số mô hình", "mô hình", 2011],
  ["30037", "Xã Tháp Mười", "ONLINE_DOSSIER_SHARE", null, "Tỷ lệ hồ sơ trực tuyến", "%", 50.43],
  ["30037", "Xã Tháp Mười", "DVK_BY_FIELD", "field=economy", "  – Kinh tế", "mô hình", null],
  ["30037", "Xã Tháp Mười", "DVCQ_BAND", null, "Xếp loại", "", "  Tốt "],
];
/** What the reader gives for ROWS: texts, numbers as written, trimmed, "" for empty cells. */
const EXPECTED: SheetRow[] = ROWS.flatMap((cells, i) => ({
  number: i + 1,
  cells: cells.map((v) => (v === null ? "" : String(v).trim())),
}));

async function all(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of rows) out.push({ number: r.number, cells: [...r.cells] });
  return out;
}

/** Drops trailing "" cells, which one writer leaves out and another writes as empty cells. */
const trimmed = (rows: SheetRow[]) =>
  rows.map((r) => {
    const cells = [...r.cells];
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    return { number: r.number, cells };
  });

describe("xlsx reader: the same sheet as different programs write it", () => {
  it.each(DIALECTS)("$name", async (d) => {
    const file = workbook(d, ROWS);
    const sheet = openSheet(file, "Số liệu");
    expect(sheet.name).toBe("Số liệu");
    expect(trimmed(await all(sheet.rows()))).toEqual(trimmed(EXPECTED));
    // asked for a sheet it does not have, it reads the first one
    const first = openSheet(file, "Sheet1");
    expect(first.name).toBe("Hướng dẫn");
    expect(await all(first.rows())).toEqual([{ number: 1, cells: ["Hướng dẫn: nhập số vào cột G"] }]);
  });
});

/** A one-sheet workbook around hand-written sheetData and shared strings. */
function raw(sheetData: string, sst = "", opts: ZipOptions = {}): Buffer {
  return zip(
    [
      {
        name: "xl/workbook.xml",
        data: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      },
      {
        name: "xl/worksheets/sheet1.xml",
        data: `<worksheet xmlns="${MAIN}"><sheetData>${sheetData}</sheetData></worksheet>`,
      },
      { name: "xl/sharedStrings.xml", data: `<sst xmlns="${MAIN}">${sst}</sst>` },
    ],
    opts,
  );
}

describe("xlsx reader: cell types and texts", () => {
  const SST = [
    // rich text in runs, with a phonetic guide that is not part of the text
    '<si><r><rPr><b/></rPr><t>Dân </t></r><r><t xml:space="preserve">vận khéo</t></r><rPh sb="0" eb="1"><t>ダン</t></rPh></si>',
    // entities, character references and an OOXML escape for a line break
    "<si><t>Hội &amp; đoàn &lt;xã&gt; &#7875;&#x1EC3; a_x000D_b _x005F_x</t></si>",
    "<si/>",
  ].join("");
  it.each([
    ["shared rich text, phonetic guide left out", '<c r="A1" t="s"><v>0</v></c>', "Dân vận khéo"],
    ["entities and _xHHHH_ escapes", '<c r="A1" t="s"><v>1</v></c>', "Hội & đoàn <xã> ểể a\rb _x"],
    ["an empty shared string", '<c r="A1" t="s"><v>2</v></c>', ""],
    ["a number in exponent form", '<c r="A1"><v>1.5E-3</v></c>', "0.0015"],
    ["an integer", '<c r="A1" s="2"><v>2011</v></c>', "2011"],
    ["a formula's number", '<c r="A1"><f>SUM(B1:B2)</f><v>3</v></c>', "3"],
    ["a formula never calculated", '<c r="A1"><f>SUM(B1:B2)</f></c>', ""],
    ["a formula's string", '<c r="A1" t="str"><f>B1&amp;"x"</f><v> 12 x </v></c>', "12 x"],
    ["a boolean", '<c r="A1" t="b"><v>1</v></c>', "1"],
    ["an error", '<c r="A1" t="e"><v>#DIV/0!</v></c>', "#DIV/0!"],
    ["an ISO date", '<c r="A1" t="d"><v>2026-02-14T00:00:00</v></c>', "2026-02-14"],
    [
      "an inline rich string",
      '<c r="A1" t="inlineStr"><is><r><t>Tháp </t></r><r><t>Mười</t></r></is></c>',
      "Tháp Mười",
    ],
    ["an empty cell", '<c r="A1" s="3"/>', ""],
    ["a cell with an empty value", '<c r="A1"><v></v></c>', ""],
  ])("%s", async (_, xml, text) => {
    const rows = await all(openSheet(raw(`<row r="1">${xml}</row>`, SST), "S").rows());
    expect(rows).toEqual([{ number: 1, cells: [text] }]);
  });

  it("places cells by their references (past column Z) and rows by their numbers", async () => {
    const rows = await all(
      openSheet(
        raw(
          '<row r="2"><c r="C2"><v>1</v></c><c r="AA2"><v>2</v></c></row><row r="7" spans="1:1"/><row r="9"><c r="B9"><v>3</v></c><c><v>4</v></c></row>',
        ),
        "S",
      ).rows(),
    );
    const cells = (n: number) => rows.find((r) => r.number === n)?.cells;
    expect(rows.map((r) => r.number)).toEqual([2, 7, 9]);
    expect(cells(2)?.[2]).toBe("1");
    expect(cells(2)?.[26]).toBe("2");
    expect(cells(2)).toHaveLength(27);
    expect(cells(7)).toEqual([]);
    expect(cells(9)).toEqual(["", "3", "4"]); // a cell without a reference follows the one before
  });

  it("reads a sheet of many inflated chunks, Vietnamese text cut anywhere, as exceljs does", async () => {
    const names = ["Xã Hòa Bình", "Phường Mỹ Phước", "Xã Đồng Tháp Mười", "Thôn Ấp Bắc — Ô Môn"];
    const rows: string[] = [];
    for (let r = 1; r <= 20_000; r++) {
      const name = `${names[r % names.length]} số ${r}`;
      rows.push(
        `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${name}</t></is></c><c r="B${r}"><v>${r * 1.25}</v></c></row>`,
      );
    }
    const file = raw(rows.join(""));
    const ours = await all(openSheet(file, "S").rows());
    expect(ours).toHaveLength(20_000);
    expect(ours[12_344]).toEqual({ number: 12_345, cells: [`${names[12_345 % 4]} số 12345`, "15431.25"] });
    expect(ours).toEqual(await all(exceljsRows(file)));
  });
});

describe("xlsx reader: files written by exceljs read the same as exceljs reads them", () => {
  const values: ExcelJS.CellValue[][] = [
    ["Mã đơn vị", "Đơn vị & <ấp>", 12, 50.43, null, "  có khoảng trắng  "],
    [true, false, { richText: [{ text: "Dân " }, { text: "vận" }] }, { formula: "1+1", result: 2 }],
    ["x", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0.1],
  ];
  it.each([
    ["a workbook with shared strings", false],
    ["a streamed workbook with inline strings", true],
  ])("%s", async (_, streamed) => {
    let file: Buffer;
    if (streamed) {
      const chunks: Buffer[] = [];
      const { PassThrough } = await import("node:stream");
      const out = new PassThrough();
      out.on("data", (c: Buffer) => chunks.push(c));
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
      const ws = wb.addWorksheet("Số liệu");
      for (const v of values) ws.addRow(v).commit();
      ws.commit();
      await wb.commit();
      file = Buffer.concat(chunks);
    } else {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Số liệu");
      for (const v of values) ws.addRow(v);
      file = Buffer.from(await wb.xlsx.writeBuffer());
    }
    const ours = await all(openSheet(file, "Số liệu").rows());
    expect(trimmed(ours)).toEqual([
      { number: 1, cells: ["Mã đơn vị", "Đơn vị & <ấp>", "12", "50.43", "", "có khoảng trắng"] },
      { number: 2, cells: ["1", "0", "Dân vận", "2"] },
      { number: 3, cells: ["x", ...Array(15).fill(""), "0.1"] },
    ]);
    const theirs = await all(exceljsRows(file));
    // exceljs's streamed reader keeps only the last run of an inline rich string ("vận"); the rest agrees
    if (streamed) expect(theirs[1]?.cells[2]).toBe("vận");
    else expect(trimmed(theirs)[1]).toEqual(trimmed(ours)[1]);
    expect(trimmed(theirs).filter((_, i) => i !== 1)).toEqual(trimmed(ours).filter((_, i) => i !== 1));
  });
});

describe("xlsx reader: what it does not read", () => {
  const sheet = '<row r="1"><c r="A1" t="inlineStr"><is><t>ZIP64</t></is></c><c r="B1"><v>7</v></c></row>';

  it("leaves a ZIP64 container to exceljs, which reads it", async () => {
    const file = raw(sheet, "", { zip64: true });
    expect(() => openSheet(file, "S")).toThrow(XlsxUnsupported);
    expect(await all(readSheetRows(file, "S"))).toEqual([{ number: 1, cells: ["ZIP64", "7"] }]);
  });

  it("reads it on an upload thread too, where exceljs is loaded only for such a file", async () => {
    const offload = new Offload();
    try {
      const read = await offload.readSheet(raw(sheet, "", { zip64: true }), "S");
      expect([...read.rows]).toEqual([{ number: 1, cells: ["ZIP64", "7"] }]);
    } finally {
      await offload.close();
    }
  });

  it("reads the sheet asked for by name in a container it leaves to exceljs, as it does itself", async () => {
    const cell = (t: string) => `<row r="1"><c r="A1" t="inlineStr"><is><t>${t}</t></is></c></row>`;
    const file = zip(
      [
        {
          name: "xl/workbook.xml",
          data: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Hướng dẫn" sheetId="1" r:id="rId1"/><sheet name="Số liệu" sheetId="2" r:id="rId2"/></sheets></workbook>`,
        },
        {
          name: "xl/_rels/workbook.xml.rels",
          data: `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
        },
        // as a spreadsheet program writes it: the shared strings before the sheets
        { name: "xl/sharedStrings.xml", data: `<sst xmlns="${MAIN}"></sst>` },
        {
          name: "xl/worksheets/sheet1.xml",
          data: `<worksheet xmlns="${MAIN}"><sheetData>${cell("Hướng dẫn")}</sheetData></worksheet>`,
        },
        {
          name: "xl/worksheets/sheet2.xml",
          data: `<worksheet xmlns="${MAIN}"><sheetData>${cell("Dữ liệu")}</sheetData></worksheet>`,
        },
      ],
      { zip64: true },
    );
    expect(() => openSheet(file, "Số liệu")).toThrow(XlsxUnsupported);
    const named = await readSheet(file, "Số liệu", DEFAULT_LIMITS);
    expect(named.name).toBe("Số liệu");
    expect(await all(named.rows())).toEqual([{ number: 1, cells: ["Dữ liệu"] }]);
    const other = await readSheet(file, "Không có", DEFAULT_LIMITS);
    expect(other.name).toBe("Hướng dẫn");
    expect(await all(readSheetRows(file, "Số liệu"))).toEqual([{ number: 1, cells: ["Dữ liệu"] }]);
  });

  it.each([
    ["an encrypted entry", { encryptedFlag: true }],
    ["another compression method", { method: 12 }],
  ])("refuses %s before reading any row", (_, opts) => {
    expect(() => openSheet(raw(sheet, "", opts), "S")).toThrow(XlsxUnsupported);
  });

  it.each([
    ["a file that is not a ZIP", Buffer.from("Mã đơn vị;Giá trị\n30037;12\n")],
    ["an empty file", Buffer.alloc(0)],
    ["a ZIP without a workbook", zip([{ name: "word/document.xml", data: "<document/>" }])],
    ["a ZIP cut short", raw(sheet).subarray(0, 200)],
  ])("calls %s invalid", (_, file) => {
    expect(() => openSheet(file, "S")).toThrow(XlsxInvalid);
  });

  it("calls a sheet whose data is damaged, or which names a missing shared string, invalid", async () => {
    const file = raw(sheet);
    const at = file.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) + 24; // the deflated data follows the name
    const damaged = Buffer.from(file);
    damaged.fill(0xff, at, at + 8);
    await expect(all(openSheet(damaged, "S").rows())).rejects.toThrow(XlsxInvalid);
    await expect(
      all(openSheet(raw('<row r="1"><c r="A1" t="s"><v>5</v></c></row>'), "S").rows()),
    ).rejects.toThrow(XlsxInvalid);
  });
});
