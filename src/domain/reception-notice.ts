/**
 * The text of a body's notice of its citizen-reception schedule for a month (Thông báo lịch tiếp công dân): who
 * receives, on which days (a day off moved to the next working day, said so), where; then the regular office and
 * what citizens bring. The schedule is made public at the reception place and on the body's website (Luật Tiếp
 * công dân 2013; NĐ 64/2014/NĐ-CP). The sections go into a drafted Thông báo (src/domain/document-templates.ts),
 * numbered and signed like any. Pure, no I/O.
 * @module
 */

import { formatDateVi } from "./dates.ts";
import type { DraftSection } from "./document-templates.ts";

export interface NoticeSchedule {
  receiverName: string;
  /** the regular reception office (Ban tiếp công dân) rather than a leader */
  office: boolean;
  place: string;
  days: { on: string; movedFrom: string | null }[];
}

/** "03/12" for a day of the month's notice. */
const dayMonth = (iso: string) => formatDateVi(iso).slice(0, 5);

/** "05/01 (thay ngày 01/01, ngày nghỉ)" */
const dayText = (d: NoticeSchedule["days"][number]) =>
  d.movedFrom ? `${dayMonth(d.on)} (thay ngày ${dayMonth(d.movedFrom)}, ngày nghỉ)` : dayMonth(d.on);

/** The notice's excerpt: "Lịch tiếp công dân tháng 12/2026". */
export const noticeExcerpt = (month: string) =>
  `Lịch tiếp công dân tháng ${month.slice(5)}/${month.slice(0, 4)}`;

export function noticeSections(month: string, schedules: readonly NoticeSchedule[]): DraftSection[] {
  const leaders = schedules.filter((s) => !s.office && s.days.length > 0);
  const offices = schedules.filter((s) => s.office);
  const m = `${month.slice(5)}/${month.slice(0, 4)}`;
  const sections: DraftSection[] = [
    {
      title: "1. Lịch tiếp công dân định kỳ của lãnh đạo",
      level: 1,
      text: leaders.length
        ? leaders
            .map(
              (s) =>
                `- ${s.receiverName}: ngày ${s.days.map(dayText).join("; ")}${s.place ? ` tại ${s.place}` : ""}.`,
            )
            .join("\n")
        : `Tháng ${m} chưa có lịch tiếp công dân định kỳ của lãnh đạo.`,
    },
  ];
  if (offices.length)
    sections.push({
      title: "2. Tiếp công dân thường xuyên",
      level: 1,
      text: offices
        .map(
          (s) =>
            `- ${s.receiverName} tiếp công dân vào các ngày làm việc${s.place ? ` tại ${s.place}` : ""}.`,
        )
        .join("\n"),
    });
  sections.push({
    title: `${sections.length + 1}. Lưu ý`,
    level: 1,
    text: "Công dân đến khiếu nại, tố cáo, kiến nghị, phản ánh mang theo giấy tờ tùy thân và các tài liệu liên quan; trường hợp nhiều người cùng nội dung thì cử người đại diện. Lịch tiếp công dân được niêm yết tại nơi tiếp công dân và đăng trên trang thông tin điện tử của cơ quan.",
  });
  return sections;
}
