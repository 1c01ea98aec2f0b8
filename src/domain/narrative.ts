/**
 * Narrative sections are plain text with footnotes, as official reports use them (the Tháp Mười report has
 * five): a reference `[^1]` in the text and its note on a line of its own, `[^1]: Kế hoạch số 53-KH/HU …`.
 * Paragraphs are separated by blank lines. This module reads that form for checking, display and (issue 4)
 * documents. Pure, no I/O.
 * @module
 */

export interface Footnote {
  label: string;
  text: string;
}

export interface Paragraph {
  /** Pieces of text and footnote references, in order. */
  parts: ({ text: string } | { ref: string })[];
}

export interface Narrative {
  paragraphs: Paragraph[];
  footnotes: Footnote[];
  /** References without a note, and notes nobody refers to. */
  problems: { label: string; kind: "missing_note" | "unused_note" | "duplicate_note" }[];
}

const NOTE = /^\[\^([^\]\s]{1,20})\]:\s*(.*)$/;
const REF = /\[\^([^\]\s]{1,20})\]/g;

export function parseNarrative(text: string): Narrative {
  const footnotes: Footnote[] = [];
  const problems: Narrative["problems"] = [];
  const body: string[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const m = NOTE.exec(line.trim());
    if (m) {
      const label = m[1] as string;
      if (footnotes.some((f) => f.label === label)) problems.push({ label, kind: "duplicate_note" });
      else footnotes.push({ label, text: (m[2] as string).trim() });
    } else body.push(line);
  }
  const paragraphs = body
    .join("\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => {
      const parts: Paragraph["parts"] = [];
      let last = 0;
      for (const m of p.matchAll(REF)) {
        if (m.index > last) parts.push({ text: p.slice(last, m.index) });
        parts.push({ ref: m[1] as string });
        last = m.index + m[0].length;
      }
      if (last < p.length) parts.push({ text: p.slice(last) });
      return { parts };
    });
  const refs = new Set(paragraphs.flatMap((p) => p.parts.flatMap((x) => ("ref" in x ? [x.ref] : []))));
  for (const r of refs)
    if (!footnotes.some((f) => f.label === r)) problems.push({ label: r, kind: "missing_note" });
  for (const f of footnotes) if (!refs.has(f.label)) problems.push({ label: f.label, kind: "unused_note" });
  return { paragraphs, footnotes, problems };
}
