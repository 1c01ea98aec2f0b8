import { describe, expect, it } from "vitest";
import { authorityPrefixes, checkSigning } from "./signing-rule.ts";

describe("checkSigning (NĐ 30/2020 Art. 13; HD 36-HD/VPTW)", () => {
  it.each([
    [
      "state",
      ["TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"],
      ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    ],
    ["state", ["Chủ tịch"], ["CHỦ TỊCH"]],
    ["state", ["Q. Chủ tịch"], ["Q. CHỦ TỊCH"]],
    ["state", ["TL. Chủ tịch", "Chánh Văn phòng"], ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]],
    ["state", ["TUQ. Chủ tịch", "Giám đốc Sở Nội vụ"], ["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"]],
    [
      "front",
      ["TM. Ban Thường trực", "KT. Chủ tịch", "Phó Chủ tịch"],
      ["TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    ],
    ["party", ["T/M Ban Thường vụ", "Phó Bí thư"], ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"]],
    ["party", ["K/T Trưởng ban", "Phó Trưởng ban"], ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]],
    ["state", ["  TM.   Ủy ban nhân dân ", "", "Chủ tịch"], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]],
  ] as const)("%s %j is printed %j", (family, lines, printed) => {
    expect(checkSigning(family, lines)).toEqual({ ok: true, lines: printed });
  });

  it.each([
    ["state", [], "chức vụ"],
    ["state", ["T/M Ủy ban nhân dân", "Chủ tịch"], '"T/M"'],
    ["party", ["TM. Ban Thường vụ", "Bí thư"], '"TM."'],
    ["state", ["XX. Chủ tịch", "Phó Chủ tịch"], '"XX."'],
    ["state", ["KT. Chủ tịch", "TM. Ủy ban nhân dân", "Phó Chủ tịch"], "dòng đầu"],
    ["state", ["TM. Ủy ban nhân dân", "KT. Chủ tịch"], "Dòng cuối"],
    ["state", ["KT. Chủ tịch", "KT. Giám đốc", "Phó Giám đốc"], "hai lần"],
  ] as const)("%s %j is refused (%s)", (family, lines, says) => {
    const r = checkSigning(family, lines);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.vi).toContain(says);
  });

  it("lists each family's prefixes", () => {
    expect(authorityPrefixes("state")).toEqual(["TM.", "KT.", "Q.", "TL.", "TUQ."]);
    expect(authorityPrefixes("party")).toContain("T/M");
  });
});
