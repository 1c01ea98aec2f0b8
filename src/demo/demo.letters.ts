/**
 * Demo letters of Xã Tháp Mười's People's Committee, through the same services an official uses: a complaint
 * past its legal day, a crowded and heated complaint being resolved, a denunciation whose denouncer ("Phạm Thị
 * Hạnh") is protected and whose time was extended, an anonymous denunciation filed, a petition just received,
 * one withdrawn, one transferred to the province. Dates count back from today, so the clocks show a real
 * picture on any day. Seeded once.
 * @module
 */
import type { Kysely } from "kysely";
import type { Auth } from "../access/access.ts";
import type { Database } from "../db/database.ts";
import type { Kept } from "../db/kept.ts";
import { addDays, todayInVietnam } from "../domain/dates.ts";
import { listBodies, updateBody } from "../features/bodies/bodies.service.ts";
import { takeStep } from "../features/letters/letter-steps.service.ts";
import { classify, type IntakeInput, intake, listLetters } from "../features/letters/letters.service.ts";
import type { Sealer } from "../secrets/sealer.ts";

type Step = Parameters<typeof takeStep>[4];
interface DemoLetter {
  input: Omit<IntakeInput, "bodyId" | "receivedOn">;
  receivedDaysAgo: number;
  classify?: Omit<Parameters<typeof classify>[3], "version">;
  steps?: (Omit<Step, "version" | "on"> & { daysAgo: number })[];
}

const LETTERS: DemoLetter[] = [
  {
    receivedDaysAgo: 60,
    input: {
      kind: "complaint",
      channel: "session",
      subject: "Khiếu nại quyết định bồi thường, hỗ trợ khi thu hồi đất làm đường liên ấp",
      field: "land",
      sender: { name: "Lê Văn Tám", address: "Ấp 2, xã Tháp Mười", phone: "0918123456" },
    },
    classify: { eligible: true, competent: true },
    steps: [{ action: "accept", daysAgo: 55 }],
  },
  {
    receivedDaysAgo: 25,
    input: {
      kind: "complaint",
      channel: "session",
      subject: "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất chồng lấn ranh",
      field: "land",
      sender: { name: "Nguyễn Thị Mai", address: "Ấp 4, xã Tháp Mười" },
      crowdSize: 12,
      flags: ["heated"],
    },
    classify: { eligible: true, competent: true, complexity: "complex" },
    steps: [{ action: "accept", daysAgo: 20 }],
  },
  {
    receivedDaysAgo: 40,
    input: {
      kind: "denunciation",
      channel: "post",
      subject: "Tố cáo cán bộ địa chính xã nhận tiền để làm nhanh hồ sơ",
      content: "Người tố cáo nêu việc nhận tiền khi làm hồ sơ chuyển mục đích sử dụng đất.",
      field: "corruption",
      sender: { name: "Phạm Thị Hạnh", address: "Ấp 3, xã Tháp Mười", idNumber: "087180001234" },
    },
    classify: { eligible: true, competent: true, complexity: "complex" },
    steps: [
      { action: "accept", daysAgo: 35 },
      { action: "extend", daysAgo: 8, days: 30, note: "Vụ việc phức tạp, cần xác minh thêm" },
    ],
  },
  {
    receivedDaysAgo: 18,
    input: {
      kind: "denunciation",
      channel: "post",
      subject: "Tố cáo nặc danh về việc xây dựng trái phép",
      field: "administration",
    },
    steps: [{ action: "file", daysAgo: 15, note: "Tố cáo nặc danh: không thụ lý, giải quyết" }],
  },
  {
    receivedDaysAgo: 3,
    input: {
      kind: "petition",
      channel: "hotline",
      subject: "Phản ánh đèn chiếu sáng đường Ấp 1 hư hỏng",
      field: "other",
      sender: { name: "Trần Văn Hùng", phone: "0909111222" },
    },
  },
  {
    receivedDaysAgo: 30,
    input: {
      kind: "petition",
      channel: "session",
      subject: "Kiến nghị hỗ trợ sửa chữa nhà cho hộ nghèo",
      field: "policy",
      sender: { name: "Võ Thị Lan" },
    },
    classify: { eligible: true, competent: true },
    steps: [
      { action: "accept", daysAgo: 28 },
      { action: "withdraw", daysAgo: 20, note: "Người kiến nghị rút đơn" },
    ],
  },
  {
    receivedDaysAgo: 12,
    input: {
      kind: "petition",
      channel: "direct",
      subject: "Phản ánh tình trạng sạt lở bờ kênh tỉnh lộ",
      field: "environment",
      sender: { name: "Đỗ Văn Phúc" },
    },
    classify: { eligible: true, competent: false },
    steps: [{ action: "transfer", daysAgo: 10, note: "Thuộc thẩm quyền của tỉnh" }],
  },
];

export async function seedDemoLetters(
  db: Kysely<Database>,
  kept: Kept,
  sealer: Sealer,
  auth: Auth,
): Promise<number> {
  if ((await listLetters(db, auth, { unit: "30037" })).items.length > 0) return 0;
  const today = todayInVietnam();
  const commune = (await listBodies(db, auth, "30037")).items.find((b) => b.kind === "people_committee");
  const province = (await listBodies(db, auth, "82")).items.find((b) => b.kind === "people_committee");
  if (!commune || !province) return 0;
  // the commune People's Committee signs its notices and decisions on letters
  if (!commune.signing)
    await updateBody(db, auth, commune.id, {
      version: commune.version,
      signing: { authority: ["KT. Chủ tịch", "Phó Chủ tịch"], signer: "Trần Thị Bé" },
    });
  for (const l of LETTERS) {
    const { letter } = await intake(db, kept, sealer, auth, {
      ...l.input,
      bodyId: commune.id,
      receivedOn: addDays(today, -l.receivedDaysAgo),
    });
    let version = letter.version;
    if (l.classify) version = (await classify(db, auth, letter.id, { ...l.classify, version })).version;
    for (const s of l.steps ?? []) {
      const { daysAgo, ...rest } = s;
      const after = await takeStep(db, sealer, auth, letter.id, {
        ...rest,
        version,
        on: addDays(today, -daysAgo),
        ...(s.action === "transfer" ? { toBodyId: province.id } : {}),
      });
      version = after.version;
    }
  }
  return LETTERS.length;
}
