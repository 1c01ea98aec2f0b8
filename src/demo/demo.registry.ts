/**
 * Demo documents: the chain behind the Tháp Mười report of 02/2024 (../shared/reference), in Đồng Tháp's
 * registry — Kết luận 43-KL/TW, Nghị quyết 01-NQ/TU, Kế hoạch 53-KH/HU implementing it, Công văn 113-CV/BDVHU
 * asking for the report, and the report itself reporting on 53-KH/HU at that request. @module
 */
import type { Kysely } from "kysely";
import type { Auth } from "../access/access.ts";
import type { Database } from "../db/database.ts";
import { registerDocument, relate, searchRegistry } from "../features/registry/registry.service.ts";

const DOCS = [
  {
    key: "kl43",
    numberSymbol: "43-KL/TW",
    issuerName: "Ban Bí thư Trung ương Đảng",
    issuedOn: "2019-01-07",
    excerpt:
      "Kết luận về tiếp tục thực hiện Nghị quyết số 25-NQ/TW về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới",
  },
  {
    key: "nq01",
    numberSymbol: "01-NQ/TU",
    issuerName: "Ban Chấp hành Đảng bộ tỉnh Đồng Tháp khóa XI",
    issuedOn: "2021-09-27",
    excerpt:
      "Nghị quyết về tiếp tục tăng cường và đổi mới sự lãnh đạo của các cấp ủy, tổ chức đảng đối với công tác dân vận đến năm 2025",
  },
  {
    key: "kh53",
    numberSymbol: "53-KH/HU",
    issuerName: "Ban Chấp hành Đảng bộ huyện Tháp Mười khóa X",
    issuedOn: "2022-01-26",
    excerpt:
      "Kế hoạch thực hiện Nghị quyết số 01-NQ/TU của Ban Chấp hành Đảng bộ tỉnh khóa XI về công tác dân vận đến năm 2025",
  },
  {
    key: "cv113",
    numberSymbol: "113-CV/BDVHU",
    issuerName: "Ban Dân vận Huyện ủy Tháp Mười",
    issuedOn: "2024-01-09",
    excerpt:
      // as the UBND's report cites it: "về việc Báo cáo sơ kết 03 năm …"
      "V/v Báo cáo sơ kết 03 năm thực hiện Kế hoạch số 53-KH/HU của Ban Chấp hành Đảng bộ huyện khóa X",
  },
  {
    key: "bc",
    numberSymbol: "",
    issuerName: "Ủy ban nhân dân huyện Tháp Mười",
    issuedOn: "2024-02-05",
    excerpt:
      "Báo cáo sơ kết 03 năm thực hiện Kế hoạch số 53-KH/HU ngày 26/01/2022 của Ban Chấp hành Đảng bộ huyện khóa X",
  },
] as const;

const RELATIONS = [
  ["nq01", "kl43", "implements"],
  ["kh53", "nq01", "implements"],
  ["bc", "kh53", "reports_on"],
  ["bc", "cv113", "requested_by"],
] as const;

/** Seeds the chain once (skipped when Đồng Tháp's registry has documents). */
export async function seedDemoRegistry(db: Kysely<Database>, admin: Auth): Promise<number> {
  if ((await searchRegistry(db, admin, { unit: "82", limit: 1 })).items.length > 0) return 0;
  const ids = new Map<string, number>();
  for (const d of DOCS) {
    const { key, ...input } = d;
    const row = await registerDocument(db, admin, { unitCode: "82", direction: "incoming", ...input });
    ids.set(key, row.id);
  }
  for (const [from, to, kind] of RELATIONS) {
    await relate(db, admin, ids.get(from) as number, { toId: ids.get(to) as number, kind });
  }
  return DOCS.length;
}
