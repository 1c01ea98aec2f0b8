/**
 * Demo data: six users (password demo12345) and the bodies of the demo units — Đồng Tháp (82), Thái Nguyên
 * (19), Xã Tháp Mười (30037) — plus the pre-reform bodies of Huyện Tháp Mười (872) and a few hamlets.
 * Idempotent: running it twice changes nothing.
 * @module
 */

import type { Kysely } from "kysely";
import { grantsOfUser } from "../access/access.repository.ts";
import type { Auth } from "../access/access.ts";
import type { Database } from "../db/database.ts";
import { todayInVietnam } from "../domain/dates.ts";
import { findUserByUsername } from "../features/auth/auth.repository.ts";
import { createBody, listBodies, updateBody } from "../features/bodies/bodies.service.ts";
import { addTerm } from "../features/documents/documents.service.ts";
import { buildKept } from "../features/kept.ts";
import { createHamlet, listChildren } from "../features/units/units.service.ts";
import { createUserFromCli } from "../features/users/users.service.ts";
import type { Sealer } from "../secrets/sealer.ts";
import { seedBoardAnswers } from "./demo.board-answers.ts";
import { seedDemoDrafts } from "./demo.drafts.ts";
import { seedDemoEvaluations } from "./demo.evaluations.ts";
import { seedDemoLetters } from "./demo.letters.ts";
import { seedDemoLettersYear } from "./demo.letters-year.ts";
import { seedDemoModels } from "./demo.models.ts";
import { seedDemoRegistry } from "./demo.registry.ts";
import { seedDemoReporting } from "./demo.reporting.ts";
import { seedThapMuoi2024 } from "./demo.thap-muoi.ts";

export const DEMO_PASSWORD = "demo12345";

export const DEMO_USERS = [
  {
    username: "admin",
    displayName: "Quản trị hệ thống",
    role: "system_admin",
    unitCode: null,
    note: "system admin",
  },
  {
    username: "dongthap",
    displayName: "Ban Tuyên giáo và Dân vận Tỉnh ủy Đồng Tháp",
    role: "editor",
    unitCode: "82",
    note: "editor, province 82 Đồng Tháp",
  },
  {
    username: "duyet.dongthap",
    displayName: "Lãnh đạo Ban Tuyên giáo và Dân vận Tỉnh ủy Đồng Tháp",
    role: "approver",
    unitCode: "82",
    note: "approver, province 82 Đồng Tháp (accepts and unlocks reports)",
  },
  {
    username: "xa.thapmuoi",
    displayName: "Xã Tháp Mười",
    role: "editor",
    unitCode: "30037",
    note: "editor, commune 30037 Xã Tháp Mười",
  },
  {
    username: "ubnd.dongthap",
    displayName: "Văn phòng UBND tỉnh Đồng Tháp",
    role: "editor",
    unitCode: "82",
    // the grant holds for this body of the province only: it answers what is asked of the People's Committee
    bodyKind: "people_committee",
    note: "editor, province 82, for the Ủy ban nhân dân tỉnh only (answers the Ban Tuyên giáo và Dân vận)",
  },
  {
    username: "thanhtra.dongthap",
    displayName: "Thanh tra tỉnh Đồng Tháp",
    role: "inspector",
    unitCode: "82",
    note: "inspector, province 82: handles citizens' letters and may read denouncers' identities",
  },
  {
    username: "bdv.huyen.thapmuoi",
    displayName: "Ban Dân vận Huyện ủy Tháp Mười",
    role: "editor",
    unitCode: "872",
    // the bodies of 2024, before the 2025 reform ended the district: the Tháp Mười review as it was made
    bodyKind: "mass_mobilization_board",
    asOf: "2024-01-09",
    note: "editor, district 872 Tháp Mười (until 30/06/2025), for its Ban Dân vận Huyện ủy only: asked the 2024 review (113-CV/BDVHU)",
  },
  {
    username: "ubnd.huyen.thapmuoi",
    displayName: "Văn phòng UBND huyện Tháp Mười",
    role: "editor",
    unitCode: "872",
    bodyKind: "people_committee",
    asOf: "2024-01-09",
    note: "editor, district 872 Tháp Mười (until 30/06/2025), for its Ủy ban nhân dân huyện only: answered 113-CV/BDVHU",
  },
  {
    username: "thainguyen",
    displayName: "Ban Tuyên giáo và Dân vận Tỉnh ủy Thái Nguyên",
    role: "editor",
    unitCode: "19",
    note: "editor, province 19 Thái Nguyên",
  },
] as const;

type Term = { name: string; startsOn: string; endsOn: string | null };
type BodySeed = {
  kind: string;
  name: string;
  shortName?: string;
  validFrom?: string;
  validTo?: string;
  /** Party bodies: the committee terms their documents are numbered by */
  terms?: Term[];
};

const PROVINCE_TERMS: Term[] = [
  { name: "nhiệm kỳ 2020–2025", startsOn: "2020-10-16", endsOn: "2025-09-30" },
  { name: "nhiệm kỳ 2025–2030", startsOn: "2025-10-01", endsOn: null },
];
const COMMUNE_TERMS: Term[] = [{ name: "nhiệm kỳ 2025–2030", startsOn: "2025-07-01", endsOn: null }];
const DISTRICT_TERMS: Term[] = [{ name: "khóa X (2020–2025)", startsOn: "2020-08-01", endsOn: "2025-06-30" }];

const CURRENT_FROM = "2025-07-01";

const BODIES: Record<string, BodySeed[]> = {
  "82": [
    { kind: "party_committee", name: "Tỉnh ủy Đồng Tháp", shortName: "TU", terms: PROVINCE_TERMS },
    {
      kind: "propaganda_mass_mobilization_board",
      name: "Ban Tuyên giáo và Dân vận Tỉnh ủy Đồng Tháp",
      shortName: "BTGDVTU",
      terms: PROVINCE_TERMS,
    },
    { kind: "people_council", name: "Hội đồng nhân dân tỉnh Đồng Tháp", shortName: "HĐND" },
    { kind: "people_committee", name: "Ủy ban nhân dân tỉnh Đồng Tháp", shortName: "UBND" },
    { kind: "fatherland_front", name: "Ủy ban MTTQ Việt Nam tỉnh Đồng Tháp", shortName: "MTTQ" },
    // the province's mass organisations (đoàn thể tỉnh), under the Front since the 2025 reform
    { kind: "women_union", name: "Hội Liên hiệp Phụ nữ tỉnh Đồng Tháp", shortName: "HLHPN" },
    { kind: "farmers_union", name: "Hội Nông dân tỉnh Đồng Tháp", shortName: "HND" },
    { kind: "veterans_association", name: "Hội Cựu chiến binh tỉnh Đồng Tháp", shortName: "HCCB" },
    { kind: "youth_union", name: "Tỉnh Đoàn Đồng Tháp", shortName: "TĐTN" },
    { kind: "trade_union", name: "Liên đoàn Lao động tỉnh Đồng Tháp", shortName: "LĐLĐ" },
    // two of the UBND tỉnh's departments (sở), which the province also scores on dân vận chính quyền
    { kind: "committee_department", name: "Sở Nội vụ tỉnh Đồng Tháp", shortName: "SNV" },
    { kind: "committee_department", name: "Sở Tư pháp tỉnh Đồng Tháp", shortName: "STP" },
  ],
  "19": [
    { kind: "party_committee", name: "Tỉnh ủy Thái Nguyên", shortName: "TU", terms: PROVINCE_TERMS },
    {
      kind: "propaganda_mass_mobilization_board",
      name: "Ban Tuyên giáo và Dân vận Tỉnh ủy Thái Nguyên",
      shortName: "BTGDVTU",
      terms: PROVINCE_TERMS,
    },
    { kind: "people_committee", name: "Ủy ban nhân dân tỉnh Thái Nguyên", shortName: "UBND" },
    { kind: "fatherland_front", name: "Ủy ban MTTQ Việt Nam tỉnh Thái Nguyên", shortName: "MTTQ" },
  ],
  "30037": [
    { kind: "party_committee", name: "Đảng ủy xã Tháp Mười", shortName: "ĐU", terms: COMMUNE_TERMS },
    {
      kind: "party_building_board",
      name: "Ban Xây dựng Đảng Đảng ủy xã Tháp Mười",
      shortName: "BXDĐ",
      terms: COMMUNE_TERMS,
    },
    { kind: "people_council", name: "Hội đồng nhân dân xã Tháp Mười", shortName: "HĐND" },
    { kind: "people_committee", name: "Ủy ban nhân dân xã Tháp Mười", shortName: "UBND" },
    { kind: "fatherland_front", name: "Ủy ban MTTQ Việt Nam xã Tháp Mười", shortName: "MTTQ" },
    { kind: "women_union", name: "Hội Liên hiệp Phụ nữ xã Tháp Mười", shortName: "HLHPN" },
    { kind: "farmers_union", name: "Hội Nông dân xã Tháp Mười", shortName: "HND" },
    { kind: "veterans_association", name: "Hội Cựu chiến binh xã Tháp Mười", shortName: "HCCB" },
    { kind: "youth_union", name: "Đoàn TNCS Hồ Chí Minh xã Tháp Mười", shortName: "ĐTN" },
    { kind: "military_command", name: "Ban Chỉ huy Quân sự xã Tháp Mười", shortName: "BCHQS" },
    { kind: "police", name: "Công an xã Tháp Mười", shortName: "CA" },
  ],
  "872": [
    {
      kind: "party_committee",
      name: "Huyện ủy Tháp Mười",
      shortName: "HU",
      validFrom: "2020-01-01",
      validTo: "2025-06-30",
      terms: DISTRICT_TERMS,
    },
    {
      kind: "mass_mobilization_board",
      name: "Ban Dân vận Huyện ủy Tháp Mười",
      shortName: "BDVHU",
      validFrom: "2020-01-01",
      validTo: "2025-06-30",
      terms: DISTRICT_TERMS,
    },
    {
      kind: "people_committee",
      name: "Ủy ban nhân dân huyện Tháp Mười",
      shortName: "UBND",
      validFrom: "2020-01-01",
      validTo: "2025-06-30",
    },
  ],
};

const HAMLETS = [
  { name: "1", type: "ấp" },
  { name: "2", type: "ấp" },
  { name: "3", type: "ấp" },
  { name: "Mỹ Hòa", type: "ấp" },
];

export interface DemoResult {
  users: { username: string; note: string; created: boolean }[];
  /** Demo report requests added by this run (0 when they were there already). */
  requests: number;
  /** Demo "Dân vận khéo" models added by this run. */
  models: number;
}

export async function seedDemo(
  db: Kysely<Database>,
  opts: { reports?: boolean; sealer?: Sealer } = {},
): Promise<DemoResult> {
  // written before any server reads: nothing to keep, every read computes
  const kept = buildKept(db);
  const users: DemoResult["users"] = [];
  const addUser = async (u: (typeof DEMO_USERS)[number], bodyId: number | null) => {
    const created = await createUserFromCli(db, {
      username: u.username,
      displayName: u.displayName,
      password: DEMO_PASSWORD,
      grants: [{ role: u.role, unitCode: u.unitCode, bodyId }],
    });
    users.push({ username: u.username, note: u.note, created: created !== null });
  };
  // a user of one body only is added once the bodies are there
  for (const u of DEMO_USERS) if (!("bodyKind" in u)) await addUser(u, null);
  const admin = await findUserByUsername(db, "admin");
  if (!admin) throw new Error("demo admin missing");
  const auth: Auth = {
    userId: admin.id,
    username: admin.username,
    displayName: admin.display_name,
    grants: await grantsOfUser(db, admin.id),
  };
  for (const [unitCode, bodies] of Object.entries(BODIES)) {
    const at = bodies[0]?.validTo ?? CURRENT_FROM;
    const existing = await listBodies(db, auth, unitCode, at);
    if (existing.items.length > 0) continue;
    for (const b of bodies) {
      const created = await createBody(db, auth, unitCode, {
        kind: b.kind,
        name: b.name,
        shortName: b.shortName,
        validFrom: b.validFrom ?? CURRENT_FROM,
      });
      if (b.validTo) {
        await updateBody(db, auth, created.id, { version: created.version, validTo: b.validTo });
      }
      for (const term of b.terms ?? []) await addTerm(db, auth, created.id, term);
    }
  }
  for (const u of DEMO_USERS) {
    if (!("bodyKind" in u) || u.unitCode === null) continue;
    // a body of today, or of the day given (a district's bodies before the 2025 reform)
    const asOf = "asOf" in u ? u.asOf : CURRENT_FROM;
    const bodies = (await listBodies(db, auth, u.unitCode, asOf)).items;
    const body = bodies.find((b) => b.kind === u.bodyKind && ("asOf" in u || b.validTo === null));
    if (!body) throw new Error(`the demo body ${u.bodyKind} of ${u.unitCode} is missing`);
    await addUser(u, body.id);
  }
  const hamlets = await listChildren(db, kept, auth, "30037", CURRENT_FROM);
  if (hamlets.total === 0) {
    for (const h of HAMLETS) await createHamlet(db, auth, "30037", { ...h, validFrom: CURRENT_FROM });
  }
  const requests = opts.reports === false ? 0 : await seedDemoReporting(db, kept, auth);
  await seedDemoRegistry(db, auth);
  await seedDemoDrafts(db, auth);
  if (opts.reports !== false) await seedThapMuoi2024(db, kept, auth);
  // the same journey today: the board asks the province's State body, Front and mass organisations
  if (opts.reports !== false) await seedBoardAnswers(db, kept, auth, todayInVietnam());
  // after the reports: their typed model counts stay as they were sent; new reports take the registry's
  const models = opts.reports === false ? 0 : await seedDemoModels(db, kept, auth);
  if (opts.reports !== false) await seedDemoEvaluations(db, auth);
  // the letters' writers are sealed under the server's key: seeded only where it is given
  if (opts.sealer) await seedDemoLetters(db, kept, opts.sealer, auth);
  // a year of reception and letters over the province, with the demo's reports
  if (opts.sealer && opts.reports !== false) await seedDemoLettersYear(db, kept, opts.sealer, auth);
  return { users, requests, models };
}
