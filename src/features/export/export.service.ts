/** Any table the web shows, as an Excel file (checked and built on a worker thread, within the export limits). @module */
import { type Auth, requirePermission } from "../../access/access.ts";
import type { Offload } from "../../offload/pool.ts";

/** The table (JSON text, as sent) as a workbook, with its title. */
export async function tableToXlsx(auth: Auth | null, json: string, offload: Offload) {
  requirePermission(auth, "unit.read");
  return offload.buildTable(json);
}
