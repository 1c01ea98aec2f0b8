import { describe, expect, it } from "vitest";
import { compileNarratives, parseNarrative, plainText, writeNarrative } from "./narrative.ts";

describe("narrative text with footnotes", () => {
  it("reads paragraphs, references and notes (the Tháp Mười style)", () => {
    const n = parseNarrative(
      [
        "Thực hiện Kế hoạch số 53-KH/HU[^1], UBND huyện đã ban hành kế hoạch[^2].",
        "",
        "Kết quả: 2.011 mô hình.",
        "[^1]: Kế hoạch số 53-KH/HU ngày 26/01/2022 của Ban Chấp hành Đảng bộ huyện.",
        "[^2]: Kế hoạch số 45/KH-UBND ngày 10/3/2022.",
      ].join("\n"),
    );
    expect(n.paragraphs).toEqual([
      {
        parts: [
          { text: "Thực hiện Kế hoạch số 53-KH/HU" },
          { ref: "1" },
          { text: ", UBND huyện đã ban hành kế hoạch" },
          { ref: "2" },
          { text: "." },
        ],
      },
      { parts: [{ text: "Kết quả: 2.011 mô hình." }] },
    ]);
    expect(n.footnotes.map((f) => f.label)).toEqual(["1", "2"]);
    expect(n.problems).toEqual([]);
  });
  it.each([
    ["Văn bản[^3].", [{ label: "3", kind: "missing_note" }]],
    ["Văn bản.\n[^4]: thừa", [{ label: "4", kind: "unused_note" }]],
    ["A[^1]\n[^1]: x\n[^1]: y", [{ label: "1", kind: "duplicate_note" }]],
    ["Chưa ghi chú[^1].\n[^1]: ", [{ label: "1", kind: "missing_note" }]],
  ])("flags %j", (text, problems) => {
    expect(parseNarrative(text).problems).toEqual(problems);
  });
  it("keeps Windows line ends and plain text as one paragraph", () => {
    expect(parseNarrative("Dòng 1\r\nDòng 2").paragraphs).toEqual([{ parts: [{ text: "Dòng 1\nDòng 2" }] }]);
  });
});

describe("the way officials write: items, bold and italics", () => {
  it("reads each '- ' line as an item of its own, within a paragraph block", () => {
    const n = parseNarrative(
      "Kết quả đạt được:\n- Tổ chức 256 cuộc quán triệt;\n- Ra mắt 12 mô hình.\n\nTiếp theo.",
    );
    expect(n.paragraphs).toEqual([
      { parts: [{ text: "Kết quả đạt được:" }] },
      { item: true, parts: [{ text: "Tổ chức 256 cuộc quán triệt;" }] },
      { item: true, parts: [{ text: "Ra mắt 12 mô hình." }] },
      { parts: [{ text: "Tiếp theo." }] },
    ]);
  });
  it.each([
    [
      "Đạt **2.011 mô hình** trong năm",
      [{ text: "Đạt " }, { text: "2.011 mô hình", bold: true }, { text: " trong năm" }],
    ],
    [
      "Theo *Kết luận 43-KL/TW* của Ban Bí thư",
      [{ text: "Theo " }, { text: "Kết luận 43-KL/TW", italic: true }, { text: " của Ban Bí thư" }],
    ],
    [
      "Rất **_quan trọng_** đấy",
      [{ text: "Rất " }, { text: "quan trọng", bold: true, italic: true }, { text: " đấy" }],
    ],
    ["**Đậm[^1]** xong\n[^1]: ghi chú", [{ text: "Đậm", bold: true }, { ref: "1" }, { text: " xong" }]],
    // a lone star or underscore is just a character
    ["3 * 4 = 12 và a_b", [{ text: "3 * 4 = 12 và a_b" }]],
  ])("reads %j", (text, parts) => {
    expect(parseNarrative(text).paragraphs[0]?.parts).toEqual(parts);
  });
  it("writes back what it reads", () => {
    for (const text of [
      "Đạt **2.011 mô hình** trong năm[^1]; *rất* tốt.",
      "Mở đầu:\n- Mục một;\n- Mục **hai**.",
      "Rất **_quan trọng_** đấy.\n\nĐoạn hai.",
      "Một đoạn[^a].\n\n[^a]: Ghi chú của đoạn.",
    ]) {
      const n = parseNarrative(text);
      expect(writeNarrative(n)).toBe(text);
      expect(parseNarrative(writeNarrative(n))).toEqual(n);
    }
  });
  it("gives a paragraph's plain text", () => {
    expect(plainText(parseNarrative("Đạt **12** mô hình[^1].\n[^1]: x").paragraphs[0] as never)).toBe(
      "Đạt 12 mô hình.",
    );
  });
});

describe("compiling the texts of several reports", () => {
  it.each([
    // each source's first paragraph led by its name; the notes numbered again across them
    [
      [
        { name: "Xã Mỹ An", text: "Tổ chức 12 buổi tuyên truyền[^1].\n\n[^1]: Theo Kế hoạch 05-KH/ĐU." },
        {
          name: "Xã Tháp Mười",
          text: "Đối thoại 2 lần[^1]; tiếp 30 lượt[^2].\n[^1]: Quý I.\n[^2]: Tại trụ sở.",
        },
      ],
      "**Xã Mỹ An:** Tổ chức 12 buổi tuyên truyền[^1].\n\n**Xã Tháp Mười:** Đối thoại 2 lần[^2]; tiếp 30 lượt[^3].\n\n[^1]: Theo Kế hoạch 05-KH/ĐU.\n[^2]: Quý I.\n[^3]: Tại trụ sở.",
    ],
    // items stay items after the name's paragraph; an empty text adds nothing
    [
      [
        { name: "UBND xã", text: "Kết quả:\n- Mục một;\n- Mục hai." },
        { name: "MTTQ xã", text: "" },
      ],
      "**UBND xã:** Kết quả:\n- Mục một;\n- Mục hai.",
    ],
    // a note nobody refers to is left out; a reference without a note keeps its label
    [
      [{ name: "Xã A", text: "Một[^x], hai[^y].\n[^y]: Có.\n[^z]: Thừa." }],
      "**Xã A:** Một[^x], hai[^1].\n\n[^1]: Có.",
    ],
    // the compiler's own text leads, without a name
    [
      [{ text: "Nhìn chung, các xã thực hiện tốt." }, { name: "Xã A", text: "Tốt." }],
      "Nhìn chung, các xã thực hiện tốt.\n\n**Xã A:** Tốt.",
    ],
    [[], ""],
  ])("%j", (sources, expected) => {
    expect(compileNarratives(sources)).toBe(expected);
  });
});
