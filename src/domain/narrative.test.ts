import { describe, expect, it } from "vitest";
import { parseNarrative } from "./narrative.ts";

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
  ])("flags %j", (text, problems) => {
    expect(parseNarrative(text).problems).toEqual(problems);
  });
  it("keeps Windows line ends and plain text as one paragraph", () => {
    expect(parseNarrative("Dòng 1\r\nDòng 2").paragraphs).toEqual([{ parts: [{ text: "Dòng 1\nDòng 2" }] }]);
  });
});
