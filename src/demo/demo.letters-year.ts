/**
 * A year of citizens' reception and letters in Đồng Tháp, through the same services an official uses, so the
 * lists, counts, clocks and compliance have a real picture: the commune chair of Xã Tháp Mười receives every
 * Thursday (a day off moved to the next working day) and the province chair on the 15th of each month, over the
 * last twelve months, with the sessions held (a few missed, a deputy in January, a deputy after 01/7/2026, flagged); about 300 letters over
 * ten communes' People's Committees of every kind and state (overdue ones, a denunciation extended twice, one
 * suspended, crowded and heated cases, one transferred to another commune), the resolved ones with their numbered
 * decision, complaints among them, one taken to its second round at the province; the dialogues with the people and their commitments (demo.dialogues.ts). Dates count back from today. Seeded once, with the demo's reports.
 * @module
 */
import type { Kysely } from "kysely";
import type { Auth } from "../access/access.ts";
import type { Database } from "../db/database.ts";
import type { Kept } from "../db/kept.ts";
import { addDays, todayInVietnam } from "../domain/dates.ts";
import type { LetterKind } from "../domain/letter-clock.ts";
import { NO_DELEGATION_FROM, type Recurrence, scheduledDays } from "../domain/reception-schedule.ts";
import { createBody, listBodies } from "../features/bodies/bodies.service.ts";
import { loadWorkingCalendar } from "../features/calendar/calendar.service.ts";
import { allocateNumber } from "../features/documents/documents.service.ts";
import { takeStep } from "../features/letters/letter-steps.service.ts";
import { classify, intake } from "../features/letters/letters.service.ts";
import { createSchedule, recordSession, schedulesOfMonth } from "../features/reception/reception.service.ts";
import { listChildren } from "../features/units/units.service.ts";
import type { Sealer } from "../secrets/sealer.ts";
import { seedDemoDialogues } from "./demo.dialogues.ts";
import { seedCommuneSchedules } from "./demo.reception-communes.ts";
import { seedDemoReceptionReport } from "./demo.reception-report.ts";

const SUBJECTS: Record<LetterKind, string[]> = {
  complaint: [
    "Khiếu nại quyết định thu hồi đất",
    "Khiếu nại mức bồi thường, hỗ trợ tái định cư",
    "Khiếu nại việc xét duyệt hộ nghèo",
    "Khiếu nại quyết định xử phạt vi phạm hành chính",
  ],
  denunciation: [
    "Tố cáo cán bộ nhũng nhiễu khi giải quyết hồ sơ",
    "Tố cáo việc thu các khoản đóng góp sai quy định",
    "Tố cáo hành vi lấn chiếm đất công",
  ],
  petition: [
    "Phản ánh đường giao thông nông thôn xuống cấp",
    "Kiến nghị nạo vét kênh mương nội đồng",
    "Phản ánh ô nhiễm môi trường từ cơ sở chăn nuôi",
    "Kiến nghị lắp đặt đèn chiếu sáng công cộng",
    "Phản ánh tình trạng sạt lở bờ sông",
  ],
};
const FIELD: Record<LetterKind, "land" | "corruption" | "environment"> = {
  complaint: "land",
  denunciation: "corruption",
  petition: "environment",
};
const NAMES = [
  "Nguyễn Văn Hòa",
  "Trần Thị Lệ",
  "Lê Minh Tâm",
  "Phạm Văn Lợi",
  "Võ Thị Kim",
  "Huỳnh Văn Sang",
];

/** The People's Committees of ten communes of the province (made where the demo has none). */
async function communeCommittees(db: Kysely<Database>, kept: Kept, auth: Auth) {
  // Xã Tháp Mười first, then nine others
  const all = (await listChildren(db, kept, auth, "82", todayInVietnam())).items.filter(
    (u) => u.level === "commune",
  );
  const communes = [
    ...all.filter((u) => u.code === "30037"),
    ...all.filter((u) => u.code !== "30037").slice(0, 9),
  ];
  const out: { id: number; unit: string }[] = [];
  for (const c of communes) {
    let b = (await listBodies(db, auth, c.code)).items.find((x) => x.kind === "people_committee");
    if (!b) {
      await createBody(db, auth, c.code, {
        kind: "people_committee",
        name: `Ủy ban nhân dân ${c.fullName.replace(/^(Xã|Phường|Đặc khu) /, (m) => m.toLowerCase())}`,
        shortName: "UBND",
        validFrom: "2025-07-01",
      });
      b = (await listBodies(db, auth, c.code)).items.find((x) => x.kind === "people_committee");
    }
    if (b) out.push({ id: b.id, unit: c.code });
  }
  return out;
}

export async function seedDemoLettersYear(
  db: Kysely<Database>,
  kept: Kept,
  sealer: Sealer,
  auth: Auth,
): Promise<number> {
  const today = todayInVietnam();
  // seeded once: the commune's schedule is its mark
  if ((await schedulesOfMonth(db, auth, "30037", today.slice(0, 7))).items.length > 0) return 0;
  const committees = await communeCommittees(db, kept, auth);
  if (committees.length < 2) return 0;
  const cal = await loadWorkingCalendar(db);
  const one = async (i: number) => {
    const kind = (["petition", "complaint", "petition", "denunciation"] as const)[i % 4] as LetterKind;
    const at = committees[i % committees.length] as { id: number; unit: string };
    const receivedDaysAgo = (i * 37) % 360;
    const received = addDays(today, -receivedDaysAgo);
    const crowd = i % 41 === 0 ? 15 : null;
    const { letter } = await intake(db, kept, sealer, auth, {
      bodyId: at.id,
      kind,
      channel: (["session", "post", "hotline", "online", "direct"] as const)[i % 5] ?? "post",
      receivedOn: received,
      subject: SUBJECTS[kind][i % SUBJECTS[kind].length] as string,
      field: FIELD[kind],
      sender: { name: NAMES[i % NAMES.length] as string },
      ...(crowd ? { crowdSize: crowd, flags: ["heated" as const] } : {}),
    });
    let version = letter.version;
    // half the complaints stay received (the newest soon due, the older overdue); the others are classified
    if (i % 8 === 1) return;
    const complexity =
      kind === "denunciation" && i % 12 === 3 ? "particularly_complex" : i % 5 === 0 ? "complex" : "normal";
    version = (
      await classify(db, auth, letter.id, { version, eligible: true, competent: i % 23 !== 0, complexity })
    ).version;
    const step = async (s: Omit<Parameters<typeof takeStep>[4], "version">) => {
      if (s.on > today) return false;
      version = (await takeStep(db, sealer, auth, letter.id, { ...s, version })).version;
      return true;
    };
    if (i % 23 === 0) {
      // not the commune's to resolve: to a neighbouring commune's People's Committee
      const next = committees[(i + 1) % committees.length] as { id: number };
      await step({
        action: "transfer",
        on: addDays(received, 3),
        toBodyId: next.id,
        note: "Thuộc thẩm quyền xã bạn",
      });
      return;
    }
    await step({ action: "accept", on: addDays(received, 4) });
    if (kind === "denunciation" && complexity === "particularly_complex") {
      // extended twice: 30 days each, each before the time ran out
      if (
        await step({
          action: "extend",
          on: addDays(received, 30),
          days: 30,
          note: "Vụ việc đặc biệt phức tạp",
        })
      )
        await step({ action: "extend", on: addDays(received, 60), days: 30, note: "Cần xác minh thêm" });
      return;
    }
    if (i % 29 === 2) {
      await step({ action: "suspend", on: addDays(received, 10), note: "Chờ kết quả giám định" });
      return;
    }
    if (i % 31 === 5) {
      await step({ action: "withdraw", on: addDays(received, 12), note: "Người viết đơn rút đơn" });
      return;
    }
    // the older half resolved (the complaints taken up, all), each with its numbered decision (conclusion, answer)
    const resolvedOn = addDays(received, 25);
    if (receivedDaysAgo > 40 && (i % 2 === 0 || kind === "complaint") && resolvedOn <= today) {
      const number = await allocateNumber(
        db,
        auth,
        {
          issuerBodyId: at.id,
          typeCode: kind === "complaint" ? "QĐ" : kind === "denunciation" ? "KL" : null,
          ...(kind === "petition" ? { draftingUnit: "TCD" } : {}),
          issuedOn: resolvedOn,
          title: `Giải quyết đơn ${letter.code}`,
        },
        "shared",
      );
      await step({
        action: "resolve",
        on: resolvedOn,
        outcome: (["justified", "unjustified", "partly_justified"] as const)[i % 3],
        decisionNumberId: number.id,
      });
      if (kind === "complaint")
        resolvedComplaints.push({ id: letter.id, received, name: NAMES[i % NAMES.length] });
    }
  };
  const resolvedComplaints: { id: number; received: string; name: string | undefined }[] = [];
  // ten letters at a time, each with its steps in order
  const LETTERS = 290;
  for (let k = 0; k < LETTERS; k += 10)
    await Promise.all(Array.from({ length: Math.min(10, LETTERS - k) }, (_, j) => one(k + j)));
  await seedSecondRound(db, kept, sealer, auth, resolvedComplaints);
  await seedReceptionYear(db, auth, cal, today);
  // the other communes' chairs, for the province's view of its communes (two left without a schedule)
  await seedCommuneSchedules(db, auth, cal, today, committees.slice(1));
  await seedDemoDialogues(db, auth, today);
  await seedDemoReceptionReport(db, kept, auth, today);
  return LETTERS;
}

/**
 * One complainant who disagrees with the commune's decision: the second round, registered at the province's
 * People's Committee (the body directly above) a fortnight after the first decision, linked to it (Luật Khiếu
 * nại 2011, Art. 7 and 33), and accepted.
 */
async function seedSecondRound(
  db: Kysely<Database>,
  kept: Kept,
  sealer: Sealer,
  auth: Auth,
  resolved: readonly { id: number; received: string; name: string | undefined }[],
) {
  const first = [...resolved].sort((a, b) => (a.received < b.received ? 1 : -1))[0];
  const province = (await listBodies(db, auth, "82")).items.find((b) => b.kind === "people_committee");
  if (!first || !province) return;
  // ten days after the first decision (within the 30 days Art. 33 gives)
  const on = addDays(first.received, 35);
  const accepted = addDays(on, 3);
  if (accepted > todayInVietnam()) return;
  const { letter } = await intake(db, kept, sealer, auth, {
    bodyId: province.id,
    kind: "complaint",
    channel: "post",
    receivedOn: on,
    subject: "Khiếu nại lần hai quyết định giải quyết khiếu nại của Chủ tịch UBND xã",
    field: FIELD.complaint,
    sender: { name: first.name ?? "Người khiếu nại" },
    firstRoundOf: first.id,
  });
  const c = await classify(db, auth, letter.id, {
    version: letter.version,
    eligible: true,
    competent: true,
    complexity: "normal",
  });
  await takeStep(db, sealer, auth, letter.id, { action: "accept", on: accepted, version: c.version });
}

/** Xã Tháp Mười's chair every Thursday, the province's chair on the 15th, for a year, with the sessions held. */
async function seedReceptionYear(
  db: Kysely<Database>,
  auth: Auth,
  cal: Awaited<ReturnType<typeof loadWorkingCalendar>>,
  today: string,
) {
  // the last twelve months
  const from = addDays(today, -365);
  const plans: { unit: string; name: string; role: "commune_chair" | "province_chair"; r: Recurrence }[] = [
    {
      unit: "30037",
      name: "Nguyễn Văn An, Chủ tịch UBND xã",
      role: "commune_chair",
      r: { kind: "weekly", weekday: 4 },
    },
    { unit: "82", name: "Chủ tịch UBND tỉnh", role: "province_chair", r: { kind: "monthly_day", day: 15 } },
  ];
  for (const p of plans) {
    const body = (await listBodies(db, auth, p.unit)).items.find((b) => b.kind === "people_committee");
    if (!body) continue;
    const s = await createSchedule(db, auth, {
      bodyId: body.id,
      receiverName: p.name,
      receiverRole: p.role,
      recurrences: [p.r],
      place: "Trụ sở tiếp công dân",
      validFrom: from,
    });
    const days = scheduledDays([p.r], from, addDays(today, -1), cal);
    for (const [k, d] of days.entries()) {
      // a few days missed
      if (k % 9 === 8) continue;
      // a deputy early on, and now and then after 01/7/2026 (flagged)
      const deputy = k === 1 || (d.on >= NO_DELEGATION_FROM && k % 11 === 3);
      await recordSession(db, auth, {
        bodyId: body.id,
        scheduleId: s.id,
        heldOn: d.on,
        receiverName: p.name,
        receiverRole: p.role,
        inPerson: !deputy,
        deputyName: deputy ? "Trần Thị Bé, Phó Chủ tịch" : null,
        citizens: 2 + (k % 5),
        groups: k % 13 === 0 ? 1 : 0,
        largestGroup: k % 13 === 0 ? 12 : null,
        content: "Phản ánh về đất đai, đường giao thông nông thôn, chính sách hỗ trợ",
        decided: "Giao các bộ phận chuyên môn kiểm tra, trả lời công dân theo quy định",
      });
    }
  }
}
