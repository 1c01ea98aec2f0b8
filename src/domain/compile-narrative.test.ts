import { describe, expect, it } from "vitest";
import { compileExcerpts } from "./compile-narrative.ts";
import { parseNarrative } from "./narrative.ts";

describe("compileExcerpts: a consolidated section starts from the units' text", () => {
  it("puts each unit's name before its text and keeps its paragraphs", () => {
    expect(
      compileExcerpts([
        { unitName: "Xã Tháp Mười", text: "Tổ chức 12 buổi tuyên truyền.\n\nNhân dân đồng thuận." },
        { unitName: "Xã Mỹ Quý", text: "Ra mắt 2 mô hình." },
      ]),
    ).toBe(
      "Xã Tháp Mười: Tổ chức 12 buổi tuyên truyền.\n\nNhân dân đồng thuận.\n\nXã Mỹ Quý: Ra mắt 2 mô hình.",
    );
  });
  it("numbers the footnotes anew across units, so the result is one valid narrative", () => {
    const text = compileExcerpts([
      { unitName: "Xã A", text: "Quán triệt nghị quyết[^1].\n\n[^1]: Nghị quyết 01-NQ/TU." },
      {
        unitName: "Xã B",
        text: "Ban hành kế hoạch[^1] và chương trình[^2].\n\n[^1]: Kế hoạch 14.\n[^2]: Chương trình 25.",
      },
    ]);
    expect(text).toBe(
      "Xã A: Quán triệt nghị quyết[^1].\n\nXã B: Ban hành kế hoạch[^2] và chương trình[^3].\n\n" +
        "[^1]: Nghị quyết 01-NQ/TU.\n[^2]: Kế hoạch 14.\n[^3]: Chương trình 25.",
    );
    expect(parseNarrative(text).problems).toEqual([]);
  });
  it("leaves out units that wrote nothing, and gives nothing for none", () => {
    expect(compileExcerpts([{ unitName: "Xã A", text: "  " }])).toBe("");
    expect(compileExcerpts([])).toBe("");
  });
});

describe("compileExcerpts keeps what the units marked", () => {
  it("keeps bold, italics and items", () => {
    expect(
      compileExcerpts([{ unitName: "Xã A", text: "Đạt **12** mô hình:\n- *kinh tế* 5;\n- văn hóa 7." }]),
    ).toBe("Xã A: Đạt **12** mô hình:\n- *kinh tế* 5;\n- văn hóa 7.");
  });
});
