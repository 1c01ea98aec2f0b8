/**
 * Today's chain, made as the Tháp Mười report of 2024 was: the Ban Tuyên giáo và Dân vận Tỉnh ủy Đồng Tháp asks,
 * by its công văn, the Ủy ban nhân dân tỉnh, the Ủy ban MTTQ tỉnh and the đoàn thể tỉnh for their reports on the
 * year's dân vận work; each answers with its own document, numbered from its own registry of outgoing documents,
 * entered there and related to the công văn, through the same services an official's page uses. The board has
 * accepted the first two; two đoàn thể wait for its review, the Youth Union has a draft, two have not begun.
 * @module
 */
import type { Auth } from "../access/access.ts";
import type { Db } from "../db/database.ts";
import type { Kept } from "../db/kept.ts";
import { addDays } from "../domain/dates.ts";
import { listBodies } from "../features/bodies/bodies.service.ts";
import { submissionDocument } from "../features/documents/submission-document.service.ts";
import * as formRepo from "../features/forms/forms.repository.ts";
import { registerDocument, searchRegistry } from "../features/registry/registry.service.ts";
import * as requestsRepository from "../features/reporting/requests/requests.repository.ts";
import { createRequest } from "../features/reporting/requests/requests.service.ts";
import {
  reviewSubmission,
  saveSubmission,
  submitSubmission,
} from "../features/reporting/submissions/submission-workflow.service.ts";
import { Offload } from "../offload/pool.ts";

const CV = "58-CV/BTGDVTU";

/** What each body writes (sections of the annual outline) and how it signs; `stage` is how far it has gone. */
const ANSWERS: {
  kind: string;
  stage: "accepted" | "sent" | "draft";
  narrative: Record<string, string>;
  signature: { authority: string[]; signer: string };
}[] = [
  {
    kind: "people_committee",
    stage: "accepted",
    narrative: {
      I: "Tình hình chính trị, trật tự an toàn xã hội trên địa bàn tỉnh ổn định; Nhân dân tin tưởng vào sự lãnh đạo của Đảng, sự điều hành của chính quyền.",
      "II.2":
        "UBND tỉnh chỉ đạo các sở, ngành, UBND các xã, phường thực hiện tốt Quy chế dân chủ ở cơ sở, tiếp công dân định kỳ, đối thoại với Nhân dân và giải quyết kịp thời kiến nghị chính đáng của Nhân dân.",
      IV: "Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy tiếp tục hướng dẫn nhân rộng các mô hình “Dân vận khéo” trong lĩnh vực cải cách hành chính.",
      P2: "Tiếp tục nâng cao chất lượng công tác dân vận chính quyền gắn với cải cách hành chính và chuyển đổi số.",
    },
    signature: { authority: ["TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch"], signer: "Trần Văn B" },
  },
  {
    kind: "fatherland_front",
    stage: "accepted",
    narrative: {
      I: "Khối đại đoàn kết toàn dân tộc tiếp tục được củng cố; Nhân dân đồng thuận với chủ trương sắp xếp tổ chức bộ máy.",
      "II.3":
        "Ủy ban MTTQ tỉnh chủ trì phối hợp các tổ chức chính trị - xã hội thực hiện giám sát, phản biện xã hội và Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”.",
      P2: "Đẩy mạnh giám sát việc giải quyết kiến nghị của cử tri và Nhân dân.",
    },
    signature: { authority: ["TM. Ban Thường trực", "Chủ tịch"], signer: "Lê Thị C" },
  },
  {
    kind: "women_union",
    stage: "sent",
    narrative: {
      "II.3":
        "Hội Liên hiệp Phụ nữ tỉnh vận động hội viên tham gia mô hình “Dân vận khéo” về phát triển kinh tế hộ gia đình và xây dựng gia đình hạnh phúc.",
      P2: "Nhân rộng các tổ hợp tác phụ nữ khởi nghiệp.",
    },
    signature: { authority: ["TM. Ban Thường vụ", "Chủ tịch"], signer: "Nguyễn Thị D" },
  },
  {
    kind: "farmers_union",
    stage: "sent",
    narrative: {
      "II.3":
        "Hội Nông dân tỉnh phối hợp chính quyền hỗ trợ nông dân chuyển đổi cơ cấu cây trồng, vận động hiến đất làm đường giao thông nông thôn.",
      P2: "Tiếp tục phong trào nông dân thi đua sản xuất, kinh doanh giỏi.",
    },
    signature: { authority: ["TM. Ban Thường vụ", "Chủ tịch"], signer: "Phạm Văn E" },
  },
  {
    kind: "youth_union",
    stage: "draft",
    narrative: {
      "II.3":
        "Tỉnh Đoàn tổ chức các đội hình thanh niên tình nguyện hỗ trợ Nhân dân thực hiện dịch vụ công trực tuyến.",
    },
    signature: { authority: ["TM. Ban Thường vụ", "Bí thư"], signer: "Võ Văn G" },
  },
];

export async function seedBoardAnswers(db: Db, kept: Kept, auth: Auth, today: string): Promise<void> {
  if ((await searchRegistry(db, auth, { unit: "82", q: CV, limit: 1 })).items.length > 0) return;
  const form = (await formRepo.listForms(db)).find((f) => f.code === "dan-van-annual");
  if (!form) throw new Error("built-in form dan-van-annual missing");
  const bodies = (await listBodies(db, auth, "82", today)).items.filter((b) => b.validTo === null);
  const of = (kind: string) => bodies.find((b) => b.kind === kind);
  const board = of("propaganda_mass_mobilization_board");
  if (!board) throw new Error("the demo board of province 82 is missing");
  const issuedOn = addDays(today, -20);
  const year = Number(today.slice(0, 4));
  const cv = await registerDocument(db, auth, {
    unitCode: "82",
    direction: "outgoing",
    numberSymbol: CV,
    issuerName: board.name,
    issuedOn,
    excerpt: `V/v báo cáo kết quả công tác dân vận năm ${year}`,
  });
  const targets = [
    "people_committee",
    "fatherland_front",
    "women_union",
    "farmers_union",
    "youth_union",
    "veterans_association",
    "trade_union",
  ].flatMap((k) => of(k)?.id ?? []);
  const request = await createRequest(db, kept, auth, {
    issuerUnitCode: "82",
    issuerBodyId: board.id,
    formId: form.id,
    period: { code: String(year) },
    issuedOn,
    deadline: addDays(today, 7),
    citedDocumentId: cv.id,
    title: `Báo cáo kết quả công tác dân vận năm ${year}`,
    targetBodyIds: targets,
    allowOverlap: true,
  });
  const subs = await requestsRepository.listSubmissionsOfRequest(db, request.id);
  // each answer is rendered once to take its number: the documents are built off this thread, as on the server
  const offload = new Offload({ threads: 1 });
  try {
    for (const a of ANSWERS) {
      const body = of(a.kind);
      const sub = subs.find((s) => s.body_id === body?.id);
      if (!body || !sub) continue;
      const saved = await saveSubmission(db, kept, auth, sub.id, { version: 1, narrative: a.narrative });
      if (a.stage === "draft") continue;
      await submissionDocument(
        db,
        kept,
        auth,
        sub.id,
        { format: "pdf", takeNumber: true, allowEmptySections: true, signature: a.signature },
        "shared",
        offload,
      );
      const sent = await submitSubmission(db, kept, auth, sub.id, { version: saved.submission.version });
      if (a.stage === "accepted")
        await reviewSubmission(db, kept, auth, sub.id, "accept", { version: sent.submission.version });
    }
  } finally {
    await offload.close();
  }
}
