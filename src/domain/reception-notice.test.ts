import { describe, expect, it } from "vitest";
import { noticeExcerpt, noticeSections } from "./reception-notice.ts";

const chair = {
  receiverName: "Ông Nguyễn Văn An, Chủ tịch UBND xã",
  office: false,
  place: "Trụ sở tiếp công dân xã",
  days: [
    { on: "2026-01-05", movedFrom: "2026-01-01" },
    { on: "2026-01-08", movedFrom: null },
  ],
};
const office = { receiverName: "Bộ phận tiếp công dân", office: true, place: "", days: [] };

describe("the notice of a month's reception schedule", () => {
  it("names the month in its excerpt", () => {
    expect(noticeExcerpt("2026-01")).toBe("Lịch tiếp công dân tháng 01/2026");
  });
  it.each([
    [
      "a leader's days, a day off moved and said so, then the note",
      [chair],
      [
        "- Ông Nguyễn Văn An, Chủ tịch UBND xã: ngày 05/01 (thay ngày 01/01, ngày nghỉ); 08/01 tại Trụ sở tiếp công dân xã.",
        "Công dân đến khiếu nại",
      ],
      ["1. Lịch tiếp công dân định kỳ của lãnh đạo", "2. Lưu ý"],
    ],
    [
      "the regular office in its own section",
      [chair, office],
      ["- Bộ phận tiếp công dân tiếp công dân vào các ngày làm việc."],
      ["1. Lịch tiếp công dân định kỳ của lãnh đạo", "2. Tiếp công dân thường xuyên", "3. Lưu ý"],
    ],
    [
      "no leader's schedule: said so",
      [],
      ["Tháng 01/2026 chưa có lịch tiếp công dân định kỳ của lãnh đạo."],
      ["1. Lịch tiếp công dân định kỳ của lãnh đạo", "2. Lưu ý"],
    ],
  ])("%s", (_, schedules, texts, titles) => {
    const sections = noticeSections("2026-01", schedules);
    expect(sections.map((s) => s.title)).toEqual(titles);
    const all = sections.map((s) => s.text).join("\n");
    for (const t of texts) expect(all).toContain(t);
  });
});
