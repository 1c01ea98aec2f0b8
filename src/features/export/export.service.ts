/** Any table the web shows, as an Excel file (built on a worker thread, within the export limits). @module */
import { type Auth, requirePermission } from "../../access/access.ts";
import type { Offload } from "../../offload/pool.ts";
import type { TableExport } from "./table-xlsx.ts";

export type { TableExport } from "./table-xlsx.ts";

export async function tableToXlsx(auth: Auth | null, t: TableExport, offload: Offload): Promise<Buffer> {
  requirePermission(auth, "unit.read");
  return offload.buildTable(t);
}
