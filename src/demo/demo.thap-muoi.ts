/**
 * The demo's true chain of 2024 (../shared/reference/thap-muoi-2024-report.txt), on the documents of
 * demo.registry.ts (43-KL/TW → 01-NQ/TU → 53-KH/HU, 113-CV/BDVHU): before the 2025 reform, the
 * Ban Dân vận Huyện ủy of Tháp Mười district (872) sends công văn 113-CV/BDVHU of 09/01/2024 with the outline
 * of the three-year review of Plan 53-KH/HU; the district's People's Committee answers with its report, the
 * real text and its five footnotes (data/thap-muoi-2024.json), keeping its signature block and usual
 * recipients; it sent the report in February, after the deadline. The same district's online dossiers of
 * 2022 and 2023 (the report's footnote 4) are figures of its yearly reports on "dân vận chính quyền", sent and
 * accepted (the figures are the report's; the two yearly requests that carry them are the demo's).
 * @module
 */
import { readFileSync } from "node:fs";
import type { Auth } from "../access/access.ts";
import type { Db } from "../db/database.ts";
import type { Kept } from "../db/kept.ts";
import type { SectionSpec } from "../domain/official-document.ts";
import type { FormSection } from "../domain/report-forms.ts";
import { listBodies, updateBody } from "../features/bodies/bodies.service.ts";
import * as formRepo from "../features/forms/forms.repository.ts";
import { saveFormVersion } from "../features/forms/forms.service.ts";
import { createPlan } from "../features/plans/plans.service.ts";
import { searchRegistry } from "../features/registry/registry.service.ts";
import * as exchangeRepository from "../features/reporting/exchange/exchange.repository.ts";
import * as requestsRepository from "../features/reporting/requests/requests.repository.ts";
import { createRequest } from "../features/reporting/requests/requests.service.ts";
import { recount } from "../features/reporting/rollup/rollup.service.ts";

interface Report {
  excerpt: string;
  sections: SectionSpec[];
  recipients: string[];
  signature: { authority: string[]; signer: string };
}

export const THAP_MUOI_2024 = JSON.parse(
  readFileSync(new URL("./data/thap-muoi-2024.json", import.meta.url), "utf8"),
) as Report;

/** The review's outline (the form sent with the công văn): the report's headings, I–V and their items. */
export function thapMuoiOutline(report: Report = THAP_MUOI_2024) {
  let parent = "";
  const sections: FormSection[] = [];
  const text: Record<string, string> = {};
  for (const s of report.sections.filter((x) => x.title !== "")) {
    const m = /^([IVX]+|\d+)\. (.*)$/.exec(s.title);
    if (!m) throw new Error(`a heading without its number: ${s.title}`);
    const key = s.level === 1 ? (m[1] as string) : `${parent}.${m[1]}`;
    if (s.level === 1) parent = key;
    const kind = s.text.trim() ? "narrative" : "heading";
    sections.push({ key, depth: s.level, titleVi: m[2] as string, titleEn: `Section ${key}`, kind });
    if (kind === "narrative") text[key] = s.text;
  }
  return { sections, text };
}

const CV = "113-CV/BDVHU";
/** The outline sent with the công văn, as a form. */
const OUTLINE = "so-ket-53-kh-hu";

/** Footnote 4: dossiers received online, by level, and their share of each level's dossiers. */
export const THAP_MUOI_ONLINE_DOSSIERS: Record<
  number,
  { district: [string, string]; commune: [string, string] }
> = {
  2022: { district: ["2384", "50.43"], commune: ["16021", "34.83"] },
  2023: { district: ["3447", "82.82"], commune: ["18888", "69.90"] },
};
const YEARLY = "cchc-thap-muoi";

/** The district's yearly reports of 2022 and 2023, asked by the Ban Dân vận Huyện ủy, with footnote 4's figures. */
async function seedOnlineDossiers(
  db: Db,
  kept: Kept,
  admin: Auth,
  board: { id: number },
  committee: { id: number },
) {
  const form = await saveFormVersion(db, kept, admin, {
    code: YEARLY,
    nameVi: "Báo cáo kết quả công tác dân vận chính quyền năm (cải cách hành chính)",
    nameEn: "Yearly report on government mass mobilisation (administrative reform)",
    description:
      "Số hồ sơ tiếp nhận trực tuyến của cấp huyện và cấp xã, như chú thích 4 của Báo cáo Tháp Mười 2024.",
    levels: ["district"],
    sections: [
      {
        key: "I",
        depth: 1,
        titleVi: "Cải cách hành chính",
        titleEn: "Administrative reform",
        kind: "narrative",
      },
      {
        key: "I.T",
        depth: 2,
        titleVi: "Hồ sơ tiếp nhận trực tuyến",
        titleEn: "Dossiers received online",
        kind: "table",
        rows: [
          { indicator: "ONLINE_DOSSIERS", by: "level" },
          { indicator: "ONLINE_DOSSIER_SHARE_BY_LEVEL", by: "level" },
        ],
      },
    ],
    rules: [],
    outlierPercent: "50",
  });
  for (const [year, f] of Object.entries(THAP_MUOI_ONLINE_DOSSIERS)) {
    const request = await createRequest(db, kept, admin, {
      issuerUnitCode: "872",
      issuerBodyId: board.id,
      formId: form.id,
      period: { code: year },
      issuedOn: `${year}-11-15`,
      deadline: `${year}-12-15`,
      title: `Báo cáo kết quả công tác dân vận chính quyền năm ${year}`,
      targetBodyIds: [committee.id],
    });
    const [target] = await requestsRepository.listSubmissionsOfRequest(db, request.id);
    if (!target) continue;
    const sent = `${year}-12-10T09:00:00+07:00`;
    const states: Parameters<typeof exchangeRepository.setSubmissionStates>[1] = [
      {
        id: target.id,
        status: "accepted",
        values: {
          ONLINE_DOSSIERS: {
            "": String(Number(f.district[0]) + Number(f.commune[0])),
            "level=cấp huyện": f.district[0],
            "level=cấp xã": f.commune[0],
          },
          ONLINE_DOSSIER_SHARE_BY_LEVEL: { "level=cấp huyện": f.district[1], "level=cấp xã": f.commune[1] },
        },
        narrative: { I: "Tỷ lệ thực hiện hồ sơ trực tuyến tăng qua các năm." },
        late_reason: null,
        comment: null,
        first_submitted_at: sent,
        submitted_at: sent,
        accepted_at: `${year}-12-12T09:00:00+07:00`,
        actor_id: admin.userId,
        actor_name: "demo",
      },
    ];
    // accepted: counted in the district's totals
    await db.transaction().execute(async (trx) => {
      await exchangeRepository.setSubmissionStates(trx, states);
      await recount(trx, [target.id]);
    });
  }
}

export async function seedThapMuoi2024(db: Db, kept: Kept, admin: Auth): Promise<boolean> {
  const seeded = await formRepo.listForms(db);
  if (seeded.some((f) => f.code === OUTLINE)) return false;
  const bodies = (await listBodies(db, admin, "872", "2024-01-09")).items;
  const board = bodies.find((b) => b.kind === "mass_mobilization_board");
  const committee = bodies.find((b) => b.kind === "people_committee");
  if (!board || !committee) throw new Error("the demo bodies of district 872 are missing");
  const report = THAP_MUOI_2024;
  const archive = report.recipients.at(-1)?.replace(/^-\s*/, "").replace(/\.$/, "") ?? "Lưu: VT";
  await updateBody(db, admin, committee.id, {
    version: committee.version,
    // after the body that asked (the first of the report's recipients)
    usualRecipients: report.recipients.slice(1, -1).map((r) => r.replace(/^-\s*/, "").replace(/;$/, "")),
    archiveLine: archive,
    signing: report.signature,
  });
  // the chain's documents, as Đồng Tháp's registry keeps them since the reform (demo.registry.ts)
  const inRegistry = async (symbol: string) => {
    const found = await searchRegistry(db, admin, { unit: "82", q: symbol });
    const doc = found.items.find((d) => d.numberSymbol === symbol);
    if (!doc) throw new Error(`the demo registry lacks ${symbol}`);
    return doc;
  };
  const cv = await inRegistry(CV);
  const planDoc = await inRegistry("53-KH/HU");
  const plan = await createPlan(db, admin, {
    unitCode: "872",
    title: "Kế hoạch số 53-KH/HU thực hiện Nghị quyết số 01-NQ/TU về công tác dân vận đến năm 2025",
    registryDocumentId: planDoc.id,
  });
  const outline = thapMuoiOutline(report);
  const form = await saveFormVersion(db, kept, admin, {
    code: OUTLINE,
    nameVi: "Đề cương sơ kết 03 năm thực hiện Kế hoạch số 53-KH/HU",
    nameEn: "Outline: three-year review of Plan 53-KH/HU",
    description: "Kèm Công văn 113-CV/BDVHU ngày 09/01/2024 của Ban Dân vận Huyện ủy Tháp Mười.",
    levels: ["district"],
    sections: outline.sections,
    rules: [],
    outlierPercent: "50",
  });
  const request = await createRequest(db, kept, admin, {
    issuerUnitCode: "872",
    issuerBodyId: board.id,
    formId: form.id,
    period: { start: "2021-01-01", end: "2023-12-31" },
    issuedOn: "2024-01-09",
    deadline: "2024-01-31",
    citedDocumentId: cv.id,
    planId: plan.id,
    title: report.excerpt,
    targetBodyIds: [committee.id],
  });
  await seedOnlineDossiers(db, kept, admin, board, committee);
  const [target] = await requestsRepository.listSubmissionsOfRequest(db, request.id);
  if (!target) return true;
  const sent = "2024-02-05T09:00:00+07:00";
  await exchangeRepository.setSubmissionStates(db, [
    {
      id: target.id,
      status: "submitted",
      values: {},
      narrative: outline.text,
      late_reason: "Chờ số liệu tổng hợp 3 năm của các cơ quan chuyên môn và UBND các xã, thị trấn",
      comment: null,
      first_submitted_at: sent,
      submitted_at: sent,
      accepted_at: null,
      actor_id: admin.userId,
      actor_name: "demo",
    },
  ]);
  return true;
}
