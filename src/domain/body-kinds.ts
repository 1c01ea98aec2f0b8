/**
 * Kinds of bodies of the political system held by a unit, and the document family each uses: Party bodies
 * write in the Party layout (HD 36-HD/VPTW), State bodies in the State layout (NĐ 30/2020/NĐ-CP), the Front and
 * mass organisations in their own (State-like) layout. The 2025 restructuring merged Ban Tuyên giáo and Ban Dân
 * vận (Ban Tuyên giáo và Dân vận); at commune level dân vận sits with the Ban Xây dựng Đảng (RULES.md §1f).
 * @module
 */
export type DocumentFamily = "party" | "state" | "front";

export interface BodyKind {
  kind: string;
  family: DocumentFamily;
  vi: string;
  en: string;
}

export const BODY_KINDS: readonly BodyKind[] = [
  { kind: "party_committee", family: "party", vi: "Cấp ủy (Tỉnh ủy, Đảng ủy xã…)", en: "Party committee" },
  { kind: "mass_mobilization_board", family: "party", vi: "Ban Dân vận", en: "Mass Mobilisation Board" },
  {
    kind: "propaganda_mass_mobilization_board",
    family: "party",
    vi: "Ban Tuyên giáo và Dân vận",
    en: "Propaganda and Mass Mobilisation Board",
  },
  { kind: "party_building_board", family: "party", vi: "Ban Xây dựng Đảng", en: "Party Building Board" },
  { kind: "people_council", family: "state", vi: "Hội đồng nhân dân", en: "People's Council" },
  { kind: "people_committee", family: "state", vi: "Ủy ban nhân dân", en: "People's Committee" },
  {
    kind: "committee_department",
    family: "state",
    vi: "Cơ quan chuyên môn thuộc UBND",
    en: "People's Committee department",
  },
  { kind: "fatherland_front", family: "front", vi: "Ủy ban MTTQ Việt Nam", en: "Fatherland Front Committee" },
  { kind: "women_union", family: "front", vi: "Hội Liên hiệp Phụ nữ", en: "Women's Union" },
  { kind: "farmers_union", family: "front", vi: "Hội Nông dân", en: "Farmers' Union" },
  { kind: "veterans_association", family: "front", vi: "Hội Cựu chiến binh", en: "Veterans' Association" },
  { kind: "youth_union", family: "front", vi: "Đoàn TNCS Hồ Chí Minh", en: "Youth Union" },
  { kind: "trade_union", family: "front", vi: "Công đoàn", en: "Trade Union" },
  { kind: "military_command", family: "state", vi: "Cơ quan quân sự", en: "Military command" },
  { kind: "police", family: "state", vi: "Công an", en: "Police" },
];

export const BODY_KIND_CODES = BODY_KINDS.map((k) => k.kind) as [string, ...string[]];

export function documentFamilyOf(kind: string): DocumentFamily {
  const k = BODY_KINDS.find((b) => b.kind === kind);
  if (!k) throw new RangeError(`unknown body kind: ${kind}`);
  return k.family;
}
