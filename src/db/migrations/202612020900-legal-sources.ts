import { type Kysely, sql } from "kysely";

/**
 * The shipped examples named their source by the developers' notes ("RULES.md §1e [S47]"); a page shows the
 * legal source itself. Rows that still carry a note are given the source's own words; sources typed by an
 * admin are kept.
 */
const RENAMED: readonly {
  table: "evaluation_scheme" | "model_criteria_set" | "calendar_day";
  from: string;
  to: string;
}[] = [
  {
    table: "evaluation_scheme",
    from: "RULES.md §1e [S47]",
    to: "Quyết định số 1878/QĐ-UBND năm 2017 của UBND tỉnh Bắc Kạn",
  },
  {
    table: "evaluation_scheme",
    from: "RULES.md §1e [S48]",
    to: "Quyết định số 3140/QĐ-UBND năm 2022 của UBND tỉnh Quảng Bình",
  },
  {
    table: "model_criteria_set",
    from: "Ví dụ theo tiêu chí của Đà Lạt và RULES §1d [S41][S43]",
    to: "Ví dụ theo 5 tiêu chuẩn nhân rộng mô hình “Dân vận khéo” của thành phố Đà Lạt (Báo Lâm Đồng, tháng 10/2017)",
  },
  {
    table: "calendar_day",
    from: "12729/VPCP-KGVX (Tết Dương lịch, Tết Nguyên đán 2026), RULES.md §1h [S63][S64]",
    to: "Công văn số 12729/VPCP-KGVX của Văn phòng Chính phủ (Tết Dương lịch, Tết Nguyên đán 2026)",
  },
];

async function rename(db: Kysely<unknown>, from: "from" | "to") {
  for (const r of RENAMED) {
    const [a, b] = from === "from" ? [r.from, r.to] : [r.to, r.from];
    await sql`update ${sql.table(r.table)} set source = ${b} where source = ${a}`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rename(db, "from");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rename(db, "to");
}
