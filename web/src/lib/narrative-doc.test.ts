import { describe, expect, it } from "vitest";
import { fromDoc, toDoc } from "./narrative-doc.ts";

describe("the editor's document and the stored narrative", () => {
  it.each([
    "Tình hình chính trị ổn định.",
    "Đạt **2.011 mô hình** trong năm, *vượt* kế hoạch.",
    "Kết quả:\n- Tổ chức 256 cuộc quán triệt;\n- Ra mắt **12** mô hình.\n\nTiếp tục thực hiện.",
    "Thực hiện Kế hoạch số 53-KH/HU[^1]; UBND huyện ban hành kế hoạch[^2].\n\n[^1]: Kế hoạch 53-KH/HU ngày 26/01/2022.\n[^2]: Kế hoạch 763/KH-UBND.",
    "Dòng một\nDòng hai của cùng đoạn.",
  ])("round-trips %j", (text) => {
    expect(fromDoc(toDoc(text))).toBe(text);
  });

  it("makes footnotes inline marks that carry their note", () => {
    const doc = toDoc("Ổn định[^a]; tốt.\n\n[^a]: Theo báo cáo của Công an xã.");
    expect(doc.content?.[0]?.content).toEqual([
      { type: "text", text: "Ổn định" },
      { type: "footnote", attrs: { note: "Theo báo cáo của Công an xã." } },
      { type: "text", text: "; tốt." },
    ]);
  });

  it("numbers footnotes in the order they stand, whatever their old labels", () => {
    const doc = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "A" },
            { type: "footnote", attrs: { note: "Ghi chú một" } },
            { type: "text", text: " và B" },
            { type: "footnote", attrs: { note: "Ghi  chú\nhai" } },
          ],
        },
      ],
    };
    expect(fromDoc(doc)).toBe("A[^1] và B[^2]\n\n[^1]: Ghi chú một\n[^2]: Ghi chú hai");
  });

  it("reads what an editor may hold besides: headings and numbered lists as paragraphs and items", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", content: [{ type: "text", text: "Tiêu đề" }] },
        {
          type: "orderedList",
          content: [
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Một" }] }] },
          ],
        },
        { type: "paragraph" },
      ],
    };
    expect(fromDoc(doc)).toBe("Tiêu đề\n- Một");
  });

  it("gives an empty editor one empty paragraph, and an empty text back", () => {
    expect(toDoc("")).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(fromDoc(toDoc(""))).toBe("");
  });
});
