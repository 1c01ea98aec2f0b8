import { describe, expect, it } from "vitest";
import { BUILT_IN_DOCUMENT_TYPES } from "./document-types.ts";
import {
  formatNumberSymbol,
  type KnownTypes,
  NumberSymbolError,
  numberSymbolLine,
  parseNumberSymbol,
} from "./number-symbol.ts";

const known: KnownTypes = {
  state: new Set(BUILT_IN_DOCUMENT_TYPES.filter((t) => t.family === "state").map((t) => t.code)),
  party: new Set(BUILT_IN_DOCUMENT_TYPES.filter((t) => t.family === "party").map((t) => t.code)),
};

describe("parseNumberSymbol: the forms in use (RULES.md §1b; the Tháp Mười report)", () => {
  it.each([
    [
      "Số: 12/BC-UBND",
      { family: "state", number: 12, year: null, typeCode: "BC", issuer: "UBND", unit: null },
    ],
    [
      "06/2024/QĐ-UBND",
      { family: "state", number: 6, year: 2024, typeCode: "QĐ", issuer: "UBND", unit: null },
    ],
    [
      "1246/UBND-BTCD",
      { family: "state", number: 1246, year: null, typeCode: null, issuer: "UBND", unit: "BTCD" },
    ],
    [
      "5027/QĐ-UBND",
      { family: "state", number: 5027, year: null, typeCode: "QĐ", issuer: "UBND", unit: null },
    ],
    ["33/CT-TTg", { family: "state", number: 33, year: null, typeCode: "CT", issuer: "TTg", unit: null }],
    ["59/2023/NĐ-CP", { family: "state", number: 59, year: 2023, typeCode: "NĐ", issuer: "CP", unit: null }],
    ["763/KH-UBND", { family: "state", number: 763, year: null, typeCode: "KH", issuer: "UBND", unit: null }],
    ["505/UBND-NV", { family: "state", number: 505, year: null, typeCode: null, issuer: "UBND", unit: "NV" }],
    [
      "Số: /BC-UBND",
      { family: "state", number: null, year: null, typeCode: "BC", issuer: "UBND", unit: null },
    ],
    ["Số 53-KH/HU", { family: "party", number: 53, typeCode: "KH", issuer: "HU" }],
    ["01-NQ/TU", { family: "party", number: 1, typeCode: "NQ", issuer: "TU" }],
    ["43-KL/TW", { family: "party", number: 43, typeCode: "KL", issuer: "TW" }],
    ["113-CV/BDVHU", { family: "party", number: 113, typeCode: "CV", issuer: "BDVHU" }],
    ["311-QĐ/TU", { family: "party", number: 311, typeCode: "QĐ", issuer: "TU" }],
    ["14-KH/BDVHU-UBND", { family: "party", number: 14, typeCode: "KH", issuer: "BDVHU-UBND" }],
    ["25-CTr/BDVHU-UBND", { family: "party", number: 25, typeCode: "CTr", issuer: "BDVHU-UBND" }],
    [" số 07 - BC / DV ", { family: "party", number: 7, typeCode: "BC", issuer: "DV" }],
  ])("%s", (input, expected) => {
    expect(parseNumberSymbol(input, known)).toEqual(expected);
  });

  it.each([
    ["12/BC-UBND", "Số: 12/BC-UBND"],
    ["06/2024/QĐ-UBND", "Số: 06/2024/QĐ-UBND"],
    ["1246/UBND-BTCD", "Số: 1246/UBND-BTCD"],
    ["1-NQ/TU", "Số 01-NQ/TU"],
    ["53-KH/HU", "Số 53-KH/HU"],
    ["/BC-UBND", "Số:       /BC-UBND"],
  ])("%s is written %s, and read back the same", (input, line) => {
    const parsed = parseNumberSymbol(input, known);
    expect(numberSymbolLine(parsed)).toBe(line);
    expect(parseNumberSymbol(formatNumberSymbol(parsed), known)).toEqual(parsed);
  });
});

describe("parseNumberSymbol: malformed input gets a precise error", () => {
  it.each([
    ["", "Chưa nhập"],
    ["12-BC-UBND", 'Thiếu dấu "/"'],
    ["12/BCUBND", 'Thiếu dấu "-"'],
    ["12a/BC-UBND", "chữ số Ả Rập"],
    ["0/BC-UBND", "từ 01"],
    ["06/24/QĐ-UBND", "4 chữ số"],
    ["12/BC-", "Thiếu chữ viết tắt tên cơ quan"],
    ["12/BC-ubnd", '"ubnd" không phải là chữ viết tắt tên cơ quan'],
    ["53-XYZ/HU", "Không có loại văn bản của Đảng"],
    ["53-KH/HU/TU", 'chỉ có một dấu "/"'],
    ["06/2024/ZZ-UBND", 'Không có loại văn bản viết tắt là "ZZ"'],
    ["12/BC/x-UBND", 'Thừa dấu "/"'],
  ])("%j", (input, message) => {
    let error: unknown;
    try {
      parseNumberSymbol(input, known);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NumberSymbolError);
    const e = error as NumberSymbolError;
    expect(e.messageVi).toContain(message);
    expect(e.message.length).toBeGreaterThan(5);
  });

  it("without the type list, a State symbol is read as typed", () => {
    expect(parseNumberSymbol("1246/UBND-BTCD")).toMatchObject({ typeCode: "UBND", issuer: "BTCD" });
  });
});
