import { describe, expect, it } from "vitest";
import { parseMappingFile, parseUnitFile, UnitFileError } from "./unit-file.ts";

const HEADER = "code,name,type,parent_code,level,full_name";

function errorsOf(text: string) {
  try {
    parseUnitFile("t.csv", text);
  } catch (e) {
    if (e instanceof UnitFileError) return e.errors.map((x) => [x.row, x.column]);
    throw e;
  }
  return [];
}

describe("parseUnitFile", () => {
  it("reads a valid file, normalising names to NFC with canonical tones", () => {
    const rows = parseUnitFile(
      "t.csv",
      `${HEADER}\n82,Đồng Tháp,tỉnh,,province,Tỉnh Đồng Tháp\n30037,Khánh Hoà,xã,82,commune,Xã Khánh Hoà\n`,
    );
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ code: "30037", name: "Khánh Hòa", parentCode: "82", level: "commune" });
  });

  it.each([
    ["bad header", "code,name\n82,x", [[1, null]]],
    ["short code", `${HEADER}\n8,Đồng Tháp,tỉnh,,province,Tỉnh Đồng Tháp`, [[2, "code"]]],
    ["bad type", `${HEADER}\n82,Đồng Tháp,bang,,province,Tỉnh Đồng Tháp`, [[2, "type"]]],
    ["bad level", `${HEADER}\n82,Đồng Tháp,tỉnh,,state,Tỉnh Đồng Tháp`, [[2, "level"]]],
    [
      "missing parent",
      `${HEADER}\n82,Đồng Tháp,tỉnh,,province,Tỉnh Đồng Tháp\n30037,Tháp Mười,xã,99,commune,Xã Tháp Mười`,
      [[3, "parent_code"]],
    ],
    ["duplicate code", `${HEADER}\n82,A,tỉnh,,province,Tỉnh A\n82,B,tỉnh,,province,Tỉnh B`, [[3, "code"]]],
    ["empty name", `${HEADER}\n82,,tỉnh,,province,Tỉnh A`, [[2, "name"]]],
    ["ragged row", `${HEADER}\n82,A,tỉnh,,province`, [[2, null]]],
  ])("%s → row/column", (_name, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });
});

describe("parseMappingFile", () => {
  it("reads full/partial links and rejects other kinds", () => {
    const ok = parseMappingFile(
      "m.csv",
      "old_commune_code,new_commune_code,type,old_level\n00001,00097,full,commune\n",
    );
    expect(ok).toEqual([{ oldCode: "00001", newCode: "00097", kind: "full", oldLevel: "commune" }]);
    expect(() =>
      parseMappingFile(
        "m.csv",
        "old_commune_code,new_commune_code,type,old_level\n00001,00097,half,commune\n",
      ),
    ).toThrow(UnitFileError);
  });
});
