import { describe, expect, it } from "vitest";
import { composeDocument, type DocumentSpec } from "./official-document.ts";

const base: DocumentSpec = {
  family: "state",
  parentBody: null,
  issuer: "Ủy ban nhân dân xã Tháp Mười",
  numberLine: "Số:       /UBND-VP",
  placeDate: "Tháp Mười, ngày      tháng      năm 2026",
  typeName: null,
  excerpt: "V/v báo cáo công tác dân vận năm 2026",
  sections: [{ title: "", level: 1, text: "Đề nghị các ấp báo cáo[^1].\n[^1]: Theo mẫu." }],
  recipients: ["Như trên", "Lưu: VT"],
  signature: { authority: ["TM. Ủy ban nhân dân", "Chủ tịch"], signer: "Nguyễn Văn A" },
};
const text = (b: ReturnType<typeof composeDocument>["blocks"][number]) =>
  b.kind === "paragraph" ? b.runs.map((r) => ("text" in r ? r.text : `[${r.footnote}]`)).join("") : "";

describe("a công văn's addressees and a decision's grounds (NĐ 30/2020 Appendix I)", () => {
  it.each([
    [["Trưởng các ấp"], ["Kính gửi: Trưởng các ấp"]],
    [
      ["Trưởng các ấp", "Các đoàn thể xã"],
      ["Kính gửi:", "- Trưởng các ấp;", "- Các đoàn thể xã."],
    ],
    [["  ", ""], []],
  ])("Kính gửi %j", (addressees, lines) => {
    const d = composeDocument({ ...base, addressees });
    expect(d.blocks.slice(0, lines.length).map(text)).toEqual(lines);
    // the text follows, its footnote still the first
    expect(text(d.blocks[lines.length] as never)).toBe("Đề nghị các ấp báo cáo[1].");
  });
  it("prints the grounds in italics before the articles", () => {
    const d = composeDocument({
      ...base,
      typeName: "Quyết định",
      grounds: ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", ""],
    });
    expect(d.blocks[0]).toEqual({
      kind: "paragraph",
      runs: [{ text: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", italic: true }],
    });
    expect(d.blocks).toHaveLength(2);
  });
});
