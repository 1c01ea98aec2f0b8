/**
 * A year of dialogues with the people in Đồng Tháp, through the services an official uses: Xã Tháp Mười's chair
 * holds two dialogues and its secretary meets the people once, the province's chair holds one; their commitments
 * are followed up: some kept with their result, one dropped, some overdue, and one made a task of the commune's
 * plan, now in progress. Dates count back from today. Seeded once, with the year of letters.
 * @module
 */
import type { Kysely } from "kysely";
import type { Auth } from "../access/access.ts";
import type { Database } from "../db/database.ts";
import { addDays } from "../domain/dates.ts";
import { listBodies } from "../features/bodies/bodies.service.ts";
import { createPlan, getPlan, updateTask } from "../features/plans/plans.service.ts";
import {
  commitmentToTask,
  type DialogueInput,
  followUpCommitment,
  recordDialogue,
} from "../features/reception/dialogues.service.ts";

type Follow = { status: "in_progress" | "done" | "dropped"; result: string } | "task" | null;

interface Held {
  unit: string;
  bodyKind: "people_committee" | "party_committee";
  daysAgo: number;
  input: Omit<DialogueInput, "bodyId" | "heldOn" | "commitments">;
  commitments: { content: string; owner: string; dueInDays: number; follow: Follow }[];
}

const HELD: Held[] = [
  {
    unit: "30037",
    bodyKind: "people_committee",
    daysAgo: 300,
    input: {
      kind: "dialogue",
      chairedBy: "Nguyễn Văn An, Chủ tịch UBND xã",
      place: "Hội trường UBND xã",
      participants: 120,
      topics:
        "Đường giao thông nông thôn ấp 2 xuống cấp; thủ tục cấp giấy chứng nhận quyền sử dụng đất còn chậm; nạo vét kênh nội đồng trước mùa khô",
    },
    commitments: [
      {
        content: "Sửa chữa tuyến đường ấp 2 trước mùa mưa",
        owner: "Phòng Kinh tế xã",
        dueInDays: 90,
        follow: {
          status: "done",
          result: "Đã hoàn thành sửa chữa 1,2 km đường ấp 2, nghiệm thu đưa vào sử dụng",
        },
      },
      {
        content: "Rút ngắn thời gian cấp giấy chứng nhận quyền sử dụng đất còn tối đa 15 ngày làm việc",
        owner: "Bộ phận Một cửa xã",
        dueInDays: 60,
        follow: { status: "done", result: "Thời gian giải quyết bình quân còn 12 ngày làm việc" },
      },
      {
        content: "Nạo vét kênh Hai Hạt đoạn qua ấp 3",
        owner: "Hợp tác xã nông nghiệp",
        dueInDays: 120,
        follow: { status: "dropped", result: "Tỉnh đã đưa vào dự án nạo vét kênh cấp II năm sau" },
      },
    ],
  },
  {
    unit: "30037",
    bodyKind: "party_committee",
    daysAgo: 150,
    input: {
      kind: "meeting",
      chairedBy: "Bí thư Đảng ủy xã",
      place: "Nhà văn hóa ấp 4",
      participants: 65,
      topics: "An ninh trật tự, trộm cắp vặt ở ấp 4; hỗ trợ hộ cận nghèo chuyển đổi nghề",
    },
    commitments: [
      {
        content: "Tăng cường tuần tra ban đêm tại ấp 4",
        owner: "Công an xã",
        dueInDays: 30,
        follow: { status: "done", result: "Duy trì 3 tổ tuần tra, không còn phát sinh trộm cắp" },
      },
      {
        content: "Mở lớp dạy nghề may công nghiệp cho 30 lao động",
        owner: "Hội Liên hiệp Phụ nữ xã",
        dueInDays: 100,
        follow: { status: "in_progress", result: "Đã tuyển sinh 22 học viên" },
      },
    ],
  },
  {
    unit: "30037",
    bodyKind: "people_committee",
    daysAgo: 40,
    input: {
      kind: "dialogue",
      chairedBy: "Nguyễn Văn An, Chủ tịch UBND xã",
      place: "Hội trường UBND xã",
      participants: 95,
      topics: "Chiếu sáng công cộng các tuyến đường liên ấp; ô nhiễm từ cơ sở chăn nuôi heo ấp 1",
    },
    commitments: [
      {
        content: "Lắp đặt đèn chiếu sáng tuyến đường liên ấp 1–3",
        owner: "Phòng Kinh tế xã",
        dueInDays: 120,
        follow: "task",
      },
      {
        content: "Kiểm tra, xử lý cơ sở chăn nuôi gây ô nhiễm ở ấp 1",
        owner: "Phòng Kinh tế xã",
        dueInDays: 20,
        follow: null,
      },
    ],
  },
  {
    unit: "82",
    bodyKind: "people_committee",
    daysAgo: 200,
    input: {
      kind: "dialogue",
      chairedBy: "Chủ tịch UBND tỉnh",
      place: "Hội trường UBND tỉnh",
      participants: 210,
      topics: "Bồi thường, tái định cư dự án cao tốc; giá lúa và tiêu thụ nông sản",
    },
    commitments: [
      {
        content: "Rà soát, chi trả dứt điểm tiền bồi thường cho các hộ dân dự án cao tốc",
        owner: "Sở Nông nghiệp và Môi trường",
        dueInDays: 90,
        follow: { status: "done", result: "Đã chi trả cho 148/150 hộ; 2 hộ đang hoàn thiện hồ sơ thừa kế" },
      },
    ],
  },
];

export async function seedDemoDialogues(db: Kysely<Database>, auth: Auth, today: string) {
  const plan = await createPlan(db, auth, {
    unitCode: "30037",
    title: `Kế hoạch thực hiện kết quả đối thoại với Nhân dân năm ${today.slice(0, 4)}`,
  });
  for (const h of HELD) {
    const body = (await listBodies(db, auth, h.unit)).items.find((b) => b.kind === h.bodyKind);
    if (!body) continue;
    const heldOn = addDays(today, -h.daysAgo);
    const d = await recordDialogue(db, auth, {
      ...h.input,
      bodyId: body.id,
      heldOn,
      commitments: h.commitments.map((c) => ({
        content: c.content,
        owner: c.owner,
        dueOn: addDays(heldOn, c.dueInDays),
      })),
    });
    for (const [i, c] of d.commitments.entries()) {
      const follow = h.commitments[i]?.follow ?? null;
      if (follow === "task") {
        const made = await commitmentToTask(db, auth, c.id, { version: c.version, planId: plan.id });
        const task = (await getPlan(db, auth, plan.id)).tasks.find((x) => x.id === made.task?.taskId);
        if (task)
          await updateTask(db, auth, task.id, { version: task.version, status: "in_progress", progress: 40 });
      } else if (follow) {
        await followUpCommitment(db, auth, c.id, { version: c.version, ...follow });
      }
    }
  }
}
