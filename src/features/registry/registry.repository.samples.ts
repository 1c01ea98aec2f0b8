/** Sample arguments (after `db`) for every function of registry.repository.ts, for its SQL snapshot (src/db/sql-snapshot.ts). */
import type { RepositorySamples } from "../../db/repository-samples.ts";

export const samples: RepositorySamples = {
  insertDocument: [
    {
      unit_code: "82",
      province_code: "82",
      direction: "incoming",
      type_code: "KH",
      number_symbol: "53-KH/HU",
      symbol_key: "53-kh/hu",
      issuer_name: "Huyện ủy",
      issued_on: "2022-01-26",
      excerpt: "Kế hoạch",
      body_text: "",
      document_number_id: null,
      created_by: 1,
      searchText: "53 kh hu huyen uy ke hoach",
    },
  ],
  insertNumberedDocument: [
    {
      unit_code: "82",
      province_code: "82",
      direction: "outgoing",
      type_code: "BC",
      number_symbol: "12/BC-UBND",
      symbol_key: "12/bc-ubnd",
      issuer_name: "Ủy ban nhân dân tỉnh Đồng Tháp",
      issued_on: "2026-11-23",
      excerpt: "Báo cáo công tác dân vận năm 2026",
      body_text: "",
      document_number_id: 1,
      created_by: 1,
      searchText: "12 bc ubnd bao cao",
    },
  ],
  findByNumber: [1],
  findBySymbol: ["82", "113-cv/bdvtu", 2],
  findDocument: [1],
  searchDocuments: [{ provinceCode: "82" }, { tsquery: "ke:* & hoach:*", direction: "incoming" }, 50],
  insertRelation: [{ fromId: 1, toId: 2, kind: "implements", provinceCode: "82" }],
  relationsOf: [1],
  insertAttachment: [
    {
      documentId: 1,
      provinceCode: "82",
      filename: "a.pdf",
      contentType: "application/pdf",
      sha256: "00",
      content: Buffer.from("%PDF"),
      createdBy: 1,
    },
  ],
  attachmentsOf: [1],
  findAttachment: [1],
};
