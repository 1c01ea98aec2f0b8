/** An evaluation scheme as the pages show and edit it: its tree, bands and caps, points and band names. @module */
import type { BodyOf } from "@/lib/api.ts";
import { formatValue } from "@/lib/format.ts";
import type { TreeItem } from "./scheme-tree.ts";

export type SchemeBody = {
  items: TreeItem[];
  bands: { code: string; nameVi: string; min: string }[];
  caps: { code: string; labelVi: string; maxBand: string }[];
  scaleTo100: boolean;
};

/** Points as the API writes them ("96,5"), in the page's language ("96,5" / "96.5"). */
export const pointsShown = (s: string | null | undefined) => (s ? formatValue(s.replace(",", ".")) : "—");

/** The band's name from the scheme ("HTTNV" → "Hoàn thành tốt nhiệm vụ"). */
export function bandName(scheme: unknown, code: string | null): string {
  if (!code) return "";
  return (scheme as SchemeBody).bands.find((b) => b.code === code)?.nameVi ?? code;
}

/** The scheme as the API takes it (the editor's tree is the same, with its kinds as plain text). */
export type SchemeSent = NonNullable<BodyOf<"/api/evaluation-schemes", "post">["scheme"]>;

export const thisYear = new Date().getFullYear();
