import { describe, expect, it } from "vitest";
import { DRAFT_KINDS, draftKindsOf, issuingAuthorityLine, templateOf } from "./document-templates.ts";

describe("document templates (NĐ 30/2020 Appendix III; HD 36-HD/VPTW)", () => {
  it.each([
    // kind, family, type code, type name printed, excerpt lead, grounds, addressees, tasks
    ["CV", "state", null, null, "V/v ", false, true, false],
    ["CV", "party", "CV", null, "V/v ", false, true, false],
    ["KH", "state", "KH", "Kế hoạch", "", false, false, true],
    ["KH", "party", "KH", "Kế hoạch", "", false, false, true],
    ["QĐ", "state", "QĐ", "Quyết định", "Về việc ", true, false, false],
    ["TB", "state", "TB", "Thông báo", "", false, false, false],
    ["BC", "party", "BC", "Báo cáo", "", false, false, false],
    ["CTr", "state", "CTr", "Chương trình", "", false, false, true],
    ["HD", "party", "HD", "Hướng dẫn", "", false, false, false],
    ["KL", "party", "KL", "Kết luận", "", false, false, false],
  ] as const)("%s of a %s body", (kind, family, code, name, lead, grounds, addressees, tasks) => {
    expect(templateOf(kind, family)).toMatchObject({
      typeCode: code,
      typeName: name,
      excerptLead: lead,
      grounds,
      addressees,
      tasks,
    });
  });
  it("gives a State body no Kết luận: it announces conclusions in a Thông báo", () => {
    expect(templateOf("KL", "state")).toBeNull();
    expect(draftKindsOf("state")).not.toContain("KL");
    expect(draftKindsOf("party")).toEqual([...DRAFT_KINDS]);
  });
  it("gives every template headed sections to write into, and a fresh copy each time", () => {
    for (const kind of DRAFT_KINDS) {
      const t = templateOf(kind, "party");
      expect(t?.sections.length).toBeGreaterThan(0);
    }
    const a = templateOf("KH", "state");
    (a?.sections[0] as { text: string }).text = "changed";
    expect(templateOf("KH", "state")?.sections[0]?.text).toBe("");
  });
  it("prints the deciding authority above a State decision's căn cứ only", () => {
    expect(templateOf("QĐ", "state")?.authorityLine).toBe(true);
    expect(templateOf("QĐ", "party")?.authorityLine).toBe(false);
    expect(templateOf("KH", "state")?.authorityLine).toBe(false);
  });
});

describe("the issuing authority of a decision (NĐ 30/2020 Appendix III, form 1.1)", () => {
  it.each([
    // body, signature block, line
    ["Ủy ban nhân dân tỉnh Đồng Tháp", ["TM. Ủy ban nhân dân", "Chủ tịch"], "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"],
    [
      "Ủy ban nhân dân tỉnh Đồng Tháp",
      ["TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"],
      "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP",
    ],
    [
      "Ủy ban nhân dân huyện Tháp Mười",
      ["KT. Chủ tịch", "Phó Chủ tịch"],
      "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI",
    ],
    ["Ủy ban nhân dân xã Tháp Mười", ["Chủ tịch"], "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THÁP MƯỜI"],
    ["Ủy ban nhân dân xã Tháp Mười", ["Q. Chủ tịch"], "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THÁP MƯỜI"],
    ["Sở Nội vụ tỉnh Đồng Tháp", ["KT. Giám đốc", "Phó Giám đốc"], "GIÁM ĐỐC SỞ NỘI VỤ TỈNH ĐỒNG THÁP"],
    ["Sở Nội vụ tỉnh Đồng Tháp", ["TL. Giám đốc", "Chánh Văn phòng"], "GIÁM ĐỐC SỞ NỘI VỤ TỈNH ĐỒNG THÁP"],
    // a collective named apart from the body
    ["Tỉnh ủy Đồng Tháp", ["T/M Ban Thường vụ", "Bí thư"], "BAN THƯỜNG VỤ TỈNH ỦY ĐỒNG THÁP"],
    // no signature yet: the body
    ["Ủy ban nhân dân tỉnh Đồng Tháp", [], "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"],
  ] as const)("%s signed %j: %s", (body, signing, line) => {
    expect(issuingAuthorityLine(body, signing)).toBe(line);
  });
});
