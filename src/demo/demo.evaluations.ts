/**
 * Demo "dân vận chính quyền" results: the published evaluations of 2021–2023 of Đồng Tháp as it was before the
 * 2025 reform (province 87), on the Bắc Kạn example scheme, for its twelve districts, so a unit's history chart
 * has a real picture on first start. Huyện Tháp Mười (872) carries the true figures of its 2024 report
 * (footnotes 3 and 5): 95,5 "Hoàn thành tốt nhiệm vụ" in 2021 (a civil servant dismissed for discipline capped
 * the band), 96 "Hoàn thành xuất sắc", 7th of the districts, in 2022 and 97,05, 5th, in 2023; PAR Index 6th and
 * SIPAS 1st in 2021, 4th and 3rd in 2022, 2023 still awaiting the province's appraisal. The other districts'
 * totals are invented around them. The windows are past, so the rows are written directly, with the same
 * scoring rules.
 * @module
 */
import type { Kysely } from "kysely";
import type { Auth } from "../access/access.ts";
import type { Database } from "../db/database.ts";
import { EXAMPLE_SCHEMES, formatPoints, rank, result, type Scheme } from "../domain/evaluation.ts";
import * as repo from "../features/evaluations/evaluations.repository.ts";
import * as unitRepo from "../features/units/units.repository.ts";

/** The province before the reform, and Huyện Tháp Mười in it. */
const PROVINCE = "87";
const THAP_MUOI_DISTRICT = "872";
/** Huyện Tháp Mười's appraisal per year (BK1 lowered, the upper level's BK9), its cap, PAR Index and SIPAS ranks. */
const THAP_MUOI: Record<number, { bk1: string; flags: string[]; par: number | null; sipas: number | null }> =
  {
    2021: { bk1: "10,5", flags: ["discipline_dismissal"], par: 6, sipas: 1 },
    2022: { bk1: "11", flags: [], par: 4, sipas: 3 },
    2023: { bk1: "12,05", flags: [], par: null, sipas: null },
  };
/** The other districts' totals per year: six above 96 in 2022 (Tháp Mười 7th), four above 97,05 in 2023 (5th). */
const OTHERS: Record<number, string[]> = {
  2021: ["97", "96,5", "94", "92", "99", "91,5", "95", "88", "93", "98", "90"],
  2022: ["97", "96,5", "98", "99", "96,25", "97,5", "95", "94", "93,5", "92", "90"],
  2023: ["98", "99", "97,5", "98,5", "96", "95", "94,5", "93", "92", "91", "90"],
};

const FULL_OWN = Object.fromEntries(
  [
    ["BK1", "15"],
    ["BK2", "15"],
    ["BK3", "15"],
    ["BK4", "10"],
    ["BK5", "10"],
    ["BK6", "10"],
    ["BK7", "10"],
    ["BK8", "5"],
  ].map(([code, points]) => [code, { points: points as string, evidence: "Báo cáo kết quả năm" }]),
);

/** An appraisal giving `total` (85–100) on the Bắc Kạn scheme: BK9 at 10 and BK1 lowered to fit. */
function appraisalFor(total: string): Record<string, { points: string }> {
  const [whole, frac = ""] = total.split(",");
  const hundredths = Number(whole) * 100 + Number(frac.padEnd(2, "0")) - 8500;
  return { BK1: { points: formatPoints(hundredths) }, BK9: { points: "10" } };
}

export async function seedDemoEvaluations(db: Kysely<Database>, auth: Auth): Promise<number> {
  const existing = await repo.schemesOf(db, PROVINCE);
  if (existing.length > 0) return 0;
  const example = EXAMPLE_SCHEMES.find((e) => e.key === "bac-kan-2017");
  if (!example) return 0;
  const scheme: Scheme = example.scheme;
  let n = 0;
  for (const year of [2021, 2022, 2023]) {
    const districts = (await unitRepo.listChildren(db, PROVINCE, `${year}-12-31`)).filter(
      (u) => u.level === "district",
    );
    const units = [
      ...districts.filter((u) => u.code === THAP_MUOI_DISTRICT),
      ...districts.filter((u) => u.code !== THAP_MUOI_DISTRICT).slice(0, 11),
    ];
    const s = await repo.insertScheme(db, {
      province_code: PROVINCE,
      year,
      name: `Đánh giá công tác dân vận chính quyền năm ${year} (theo mẫu Bắc Kạn)`,
      source: example.source,
      example_key: example.key,
      scheme,
      self_from: `${year}-11-01`,
      self_until: `${year}-11-30`,
      enrols: "district",
      created_by: auth.userId,
    });
    if (!s) continue;
    await repo.insertEvaluations(
      db,
      units.map((u) => ({
        scheme_id: s.id,
        unit_code: u.code,
        unit_path: [...u.ancestors, u.code],
        province_code: PROVINCE,
      })),
    );
    const scored: { id: number; score: number }[] = [];
    for (const e of await repo.evaluationsOf(db, s.id)) {
      const tm = e.unit_code === THAP_MUOI_DISTRICT ? THAP_MUOI[year] : undefined;
      const other = OTHERS[year]?.[units.findIndex((u) => u.code === e.unit_code) - 1];
      const appraised = tm ? { BK1: { points: tm.bk1 }, BK9: { points: "10" } } : appraisalFor(other ?? "90");
      const flags = tm?.flags ?? [];
      const r = result(scheme, FULL_OWN, appraised, flags, true);
      const row = await repo.updateEvaluationVersioned(db, e.id, e.version, {
        own_scores: JSON.stringify(FULL_OWN),
        appraised_scores: JSON.stringify(appraised),
        appraisal_comment: tm?.flags.length ? "Có công chức bị kỷ luật buộc thôi việc trong năm" : "",
        flags,
        status: "appraised",
        self_submitted: true,
        appraised: true,
        par_rank: tm?.par ?? null,
        sipas_rank: tm?.sipas ?? null,
        raw: r.raw,
        score: r.score,
        band_code: r.band?.code ?? null,
        capped_by: r.cappedBy?.code ?? null,
      });
      if (row) scored.push({ id: row.id, score: r.score });
      n++;
    }
    await repo.publish(
      db,
      s.id,
      rank(scored).map((x) => ({ id: x.id, rank: x.rank })),
    );
  }
  return n;
}
