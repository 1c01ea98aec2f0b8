/** Display helpers: the server's pure rules (src/domain), so the web writes dates and numbers the same way. */
import { formatDateVi, todayInVietnam } from "../../../src/domain/dates.ts";
import { formatNumberVi } from "../../../src/domain/vn-format.ts";

/** dd/MM/yyyy, or a dash for an open date. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? formatDateVi(iso.slice(0, 10)) : "—";
}

export const formatNumber = (n: number) => formatNumberVi(n);
export const todayIso = () => todayInVietnam();
