/**
 * The province's periodic report on reception and letters for the last quarter that has ended (the built-in
 * form "tiep-cong-dan"): asked of its communes, answered by Xã Tháp Mười through the same service an official's
 * "Gửi báo cáo" uses, so its tables hold the registers' figures (reception days, sessions, citizens, crowds,
 * dialogues; letters received, resolved and resolved on time, by kind); the province accepts it and its
 * consolidation adds them up. Seeded once, with the year of letters.
 * @module
 */
import type { Kysely } from "kysely";
import type { Auth } from "../access/access.ts";
import type { Database } from "../db/database.ts";
import type { Kept } from "../db/kept.ts";
import { parsePeriod } from "../domain/periods.ts";
import * as formRepo from "../features/forms/forms.repository.ts";
import * as requestsRepository from "../features/reporting/requests/requests.repository.ts";
import { createRequest } from "../features/reporting/requests/requests.service.ts";
import {
  reviewSubmission,
  submitSubmission,
} from "../features/reporting/submissions/submission-workflow.service.ts";

/** The last quarter whose reporting period has ended by `today` ("2026Q3"). */
export function lastEndedQuarter(today: string): string {
  let [y, q] = [Number(today.slice(0, 4)), Math.ceil(Number(today.slice(5, 7)) / 3)];
  for (;;) {
    const code = `${y}Q${q}`;
    if (parsePeriod(code).end < today) return code;
    [y, q] = q === 1 ? [y - 1, 4] : [y, q - 1];
  }
}

export async function seedDemoReceptionReport(db: Kysely<Database>, kept: Kept, auth: Auth, today: string) {
  const form = (await formRepo.listForms(db)).find((f) => f.code === "tiep-cong-dan");
  if (!form) throw new Error("built-in form tiep-cong-dan missing");
  const request = await createRequest(db, kept, auth, {
    issuerUnitCode: "82",
    formId: form.id,
    period: { code: lastEndedQuarter(today) },
    targetLevel: "commune",
    referenceNo: "412-CV/UBND-TCD",
  });
  const target = (await requestsRepository.listSubmissionsOfRequest(db, request.id)).find(
    (s) => s.unit_code === "30037",
  );
  if (!target) return;
  const sent = await submitSubmission(db, kept, auth, target.id, {
    version: 1,
    narrative: {
      I: "Tình hình khiếu nại, tố cáo, kiến nghị, phản ánh trên địa bàn xã cơ bản ổn định; không phát sinh điểm nóng.",
      "II.1":
        "Chủ tịch UBND xã tiếp công dân định kỳ vào thứ Năm hằng tuần; các trường hợp tiếp thay đều có lý do.",
      IV: "Hầu hết đơn thư được giải quyết kịp thời theo quy định của pháp luật.",
    },
    lateReason: "Chờ tổng hợp số liệu của các ấp",
  });
  // the province accepts it: its consolidation counts it
  await reviewSubmission(db, kept, auth, target.id, "accept", { version: sent.submission.version });
}
