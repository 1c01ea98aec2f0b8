/**
 * Demo "Dân vận khéo" models: three communes of Đồng Tháp register models in 2025 that go through
 * their lifecycle (some recognised, one exemplary and commended by a numbered decision of the province's
 * People's Committee), so the models page, the counts and the 2025 reports' model indicators show a real
 * picture on first start. 2026 is left for the user to keep them up in one action (and, until then, the
 * province's 2026 reports take typed counts: see models.service registryCounts). Xã Tháp Mười is left to
 * the user too.
 * @module
 */

import type { Kysely } from "kysely";
import type { Auth } from "../access/access.ts";
import type { Database } from "../db/database.ts";
import type { Kept } from "../db/kept.ts";
import type { ModelKind, ModelStatus } from "../domain/dvk-models.ts";
import { listBodies } from "../features/bodies/bodies.service.ts";
import { allocateNumber } from "../features/documents/documents.service.ts";
import { type ModelInput, registerModel } from "../features/models/model-registration.service.ts";
import { stepModel } from "../features/models/models.service.ts";

type Seed = { unit: string; name: string; field: string; kind: ModelKind; to: ModelStatus };

const SEEDS: Seed[] = [
  {
    unit: "29944",
    name: "Tổ tự quản đường hoa, đường cờ Tổ quốc",
    field: "culture_society",
    kind: "collective",
    to: "commended",
  },
  {
    unit: "29944",
    name: "Nuôi bò sinh sản giúp hộ nghèo thoát nghèo",
    field: "economy",
    kind: "individual",
    to: "recognised",
  },
  {
    unit: "29944",
    name: "Camera an ninh liên gia",
    field: "defence_security",
    kind: "collective",
    to: "assessed",
  },
  {
    unit: "28249",
    name: "Dân vận khéo trong giải phóng mặt bằng",
    field: "political_system",
    kind: "collective",
    to: "recognised",
  },
  {
    unit: "28249",
    name: "Chi hội phụ nữ tiết kiệm giúp nhau",
    field: "economy",
    kind: "collective",
    to: "implementing",
  },
  {
    unit: "28261",
    name: "Tuyến hẻm xanh – sạch – đẹp",
    field: "culture_society",
    kind: "collective",
    to: "exemplary",
  },
  {
    unit: "28261",
    name: "Cán bộ phường gần dân, sát dân",
    field: "political_system",
    kind: "individual",
    to: "registered",
  },
];

const PATH: ModelStatus[] = ["implementing", "assessed", "recognised", "exemplary", "commended"];
/** Every example criterion met, per kind. */
const PASSING: Record<ModelKind, Record<string, boolean>> = {
  collective: { C1: true, C2: true, C3: true, C4: true, C5: true },
  individual: { I1: true, I2: true, I3: true, I4: true, I5: true },
};

const sheet = (s: Seed): ModelInput["details"] => ({
  rationale: `Đáp ứng yêu cầu thực tế của địa phương: ${s.name.toLowerCase()}`,
  goals: "Huy động Nhân dân cùng tham gia, có kết quả cụ thể, đo đếm được",
  contentMethod: "Chi bộ lãnh đạo, Mặt trận và các đoàn thể vận động từng hộ; họp đánh giá hằng quý",
  area: "Toàn địa bàn",
  targetGroup: "Hộ gia đình, đoàn viên, hội viên",
  forces: { lead: "Đảng ủy, chi bộ", coordinating: "Ủy ban MTTQ", participating: "Các đoàn thể, Nhân dân" },
  resources: "Nhân dân đóng góp; ngân sách hỗ trợ",
  milestones: [],
  expectedOutputs: "Mô hình duy trì, nhân rộng",
  sustainability: "Đưa vào quy ước, hương ước",
});

async function register(
  db: Kysely<Database>,
  kept: Kept,
  auth: Auth,
  s: Seed,
  year: number,
): Promise<number> {
  const r = await registerModel(db, kept, auth, {
    unitCode: s.unit,
    bodyId: null,
    year,
    name: s.name,
    fieldCode: s.field,
    kind: s.kind,
    details: sheet(s),
    startedOn: `${year}-02-01`,
    evaluationOn: `${year}-11-30`,
    confirmDuplicate: true,
  });
  return r.id;
}

/** Walks a model up to its seed's status in `year` (the commendation with `decision`). */
async function walk(
  db: Kysely<Database>,
  kept: Kept,
  auth: Auth,
  id: number,
  year: number,
  s: Seed,
  decision: number,
) {
  const to = s.to;
  let version = 1;
  for (const step of PATH) {
    if (PATH.indexOf(step) > PATH.indexOf(to) || to === "registered") break;
    const r = await stepModel(db, kept, auth, id, year, {
      to: step,
      version,
      comment: "",
      ...(step === "assessed" ? { answers: PASSING[s.kind] } : {}),
      ...(step === "commended" ? { decisionNumberId: decision } : {}),
    });
    version = r.version;
  }
}

export async function seedDemoModels(db: Kysely<Database>, kept: Kept, auth: Auth): Promise<number> {
  const existing = await db
    .selectFrom("dvk_model")
    .select("id")
    .where("province_code", "=", "82")
    .limit(1)
    .execute();
  if (existing.length > 0) return 0;
  const bodies = await listBodies(db, auth, "82", "2025-12-01");
  const ubnd = bodies.items.find((b) => b.kind === "people_committee");
  if (!ubnd) throw new Error("demo: the province's People's Committee is missing");
  const decision = await allocateNumber(
    db,
    auth,
    {
      issuerBodyId: ubnd.id,
      typeCode: "QĐ",
      issuedOn: "2025-12-15",
      title: "Quyết định khen thưởng các mô hình “Dân vận khéo” tiêu biểu năm 2025",
    },
    "shared",
  );
  let n = 0;
  for (const s of SEEDS) {
    const id = await register(db, kept, auth, s, 2025);
    await walk(db, kept, auth, id, 2025, s, decision.id);
    n++;
  }
  return n;
}
