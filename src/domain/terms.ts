/**
 * The English of the Vietnamese words the shipped data carries (units of measure, breakdown options, bands,
 * unit types), for the English pages: the data stays Vietnamese, as the reports are; a word not listed here is
 * shown as it is. Units of measure are counted nouns: "1 model", "2,011 models". Pure, no I/O.
 * @module
 */

/** Unit of measure → English singular and plural. */
const UNITS: Record<string, [string, string]> = {
  "mô hình": ["model", "models"],
  buổi: ["session", "sessions"],
  "lượt người": ["attendee", "attendees"],
  ngày: ["day", "days"],
  đơn: ["letter", "letters"],
  "hồ sơ": ["dossier", "dossiers"],
  điểm: ["point", "points"],
  hạng: ["place", "places"],
  đồng: ["VND", "VND"],
  lượt: ["time", "times"],
  cuộc: ["meeting", "meetings"],
  người: ["person", "people"],
  "lượt công dân": ["citizen visit", "citizen visits"],
  đoàn: ["crowd", "crowds"],
};

const WORDS: Record<string, string> = {
  // model fields and kinds
  "kinh tế": "economy",
  "văn hóa – xã hội": "culture and society",
  "quốc phòng – an ninh": "defence and security",
  "xây dựng hệ thống chính trị": "building the political system",
  "tập thể": "collective",
  "cá nhân": "individual",
  // kinds of letters, sources of funds
  "khiếu nại": "complaints",
  "tố cáo": "denunciations",
  "kiến nghị, phản ánh": "petitions and feedback",
  "Nhân dân": "the people",
  "ngân sách": "the budget",
  khác: "other",
  // levels of a district before the 2025 reform
  "cấp huyện": "district level",
  "cấp xã": "commune level",
  // bands of the dân vận chính quyền evaluation
  "Hoàn thành xuất sắc nhiệm vụ": "Completed tasks excellently",
  "Hoàn thành tốt nhiệm vụ": "Completed tasks well",
  "Hoàn thành nhiệm vụ": "Completed tasks",
  "Không hoàn thành nhiệm vụ": "Did not complete tasks",
  // unit types
  tỉnh: "province",
  "thành phố": "city",
  xã: "commune",
  phường: "ward",
  "thị trấn": "township",
  "đặc khu": "special zone",
  huyện: "district",
  quận: "urban district",
  "thị xã": "town",
  thôn: "village",
  ấp: "hamlet",
  bản: "village",
  "tổ dân phố": "residential group",
  "khu phố": "neighbourhood",
  khóm: "neighbourhood",
};

/** A word of the data in the page's language ("kinh tế" → "economy"); unknown words as they are. */
export function term(vi: string, lang: "vi" | "en"): string {
  return lang === "vi" ? vi : (WORDS[vi] ?? WORDS[vi.toLocaleLowerCase("vi")] ?? vi);
}

/** A unit of measure for a count, in the page's language ("mô hình" → "model" / "models"). */
export function unitOfMeasure(vi: string, lang: "vi" | "en", count?: number): string {
  if (lang === "vi" || vi === "" || vi === "%") return vi;
  const en = UNITS[vi];
  if (!en) return vi;
  return count === 1 ? en[0] : en[1];
}

/** The breakdowns' dimensions, which the data names by a key ("field"), in words. */
const DIMENSIONS: Record<string, { vi: string; en: string }> = {
  field: { vi: "Lĩnh vực", en: "Field" },
  kind: { vi: "Loại", en: "Kind" },
  source: { vi: "Nguồn", en: "Source" },
  level: { vi: "Cấp", en: "Level" },
};

/** A breakdown's dimension in the page's language ("field" → "Lĩnh vực" / "Field"); unknown keys as they are. */
export function dimensionName(key: string, lang: "vi" | "en"): string {
  return DIMENSIONS[key]?.[lang] ?? key;
}
