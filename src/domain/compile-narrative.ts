/**
 * The compiled text a consolidated report's section starts from: what each unit below wrote for it, under the
 * unit's name, for the requester to condense (the province's report is drafted from its communes' text, as the
 * Bắc Kạn review and the Tháp Mười report were). Footnotes are numbered anew across the units (each commune's
 * [^1] becomes the next number), so the compiled text is one valid narrative. Pure, no I/O.
 * @module
 */
import { type Footnote, type Paragraph, type Part, parseNarrative, writeNarrative } from "./narrative.ts";

export interface Excerpt {
  unitName: string;
  text: string;
}

/** Each unit's text, its name first ("Xã Tháp Mười: …"), paragraphs kept, footnotes renumbered 1, 2, 3… */
export function compileExcerpts(excerpts: readonly Excerpt[]): string {
  const paragraphs: Paragraph[] = [];
  const footnotes: Footnote[] = [];
  for (const e of excerpts) {
    const n = parseNarrative(e.text);
    if (n.paragraphs.length === 0) continue;
    const label = new Map<string, string>();
    for (const f of n.footnotes) {
      label.set(f.label, String(footnotes.length + 1));
      footnotes.push({ label: String(footnotes.length + 1), text: f.text });
    }
    n.paragraphs.forEach((p, i) => {
      const parts = p.parts.flatMap((x): Part[] => {
        if (!("ref" in x)) return [x];
        const to = label.get(x.ref);
        return to ? [{ ref: to }] : [];
      });
      // the unit's name opens its first paragraph
      paragraphs.push({ ...p, parts: i === 0 ? [{ text: `${e.unitName}: ` }, ...parts] : parts });
    });
  }
  return writeNarrative({ paragraphs, footnotes });
}
