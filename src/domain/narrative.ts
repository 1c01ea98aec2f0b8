/**
 * Narrative sections are text the way officials write reports (the Tháp Mười report's form): paragraphs
 * separated by blank lines; items that start with "- " on lines of their own; **bold** and *italic* words; and
 * footnotes, a reference `[^1]` in the text with its note on a line of its own, `[^1]: Kế hoạch số 53-KH/HU …`
 * (the Tháp Mười report has five). The rich-text editor of the web writes and reads this form, and documents
 * are made from it, so one model gives the page, the DOCX and the PDF. Pure, no I/O.
 * @module
 */

export interface Footnote {
  label: string;
  text: string;
}

/** A piece of text, bold and/or italic, or a footnote reference. */
export type Part = { text: string; bold?: true; italic?: true } | { ref: string };

export interface Paragraph {
  /** An item written "- …" (its dash is not in `parts`). */
  item?: true;
  /** Pieces of text and footnote references, in order. */
  parts: Part[];
}

export interface Narrative {
  paragraphs: Paragraph[];
  footnotes: Footnote[];
  /** References without a note, and notes nobody refers to. */
  problems: { label: string; kind: "missing_note" | "unused_note" | "duplicate_note" }[];
}

const NOTE = /^\[\^([^\]\s]{1,20})\]:\s*(.*)$/;
/** A footnote reference, **bold**, *italic* (or _italic_), in the order they come. */
const INLINE =
  /\[\^([^\]\s]{1,20})\]|\*\*(.+?)\*\*|(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])|(?<![_\w])_(?!\s)(.+?)(?<!\s)_(?![_\w])/g;
const ITEM = /^\s*[-–•]\s+/;

/** The pieces of one paragraph's text: marks read, references apart (a reference inside bold stays one). */
function partsOf(text: string): Part[] {
  const parts: Part[] = [];
  const push = (p: Part) => {
    const last = parts.at(-1);
    if (last && "text" in last && "text" in p && last.bold === p.bold && last.italic === p.italic) {
      last.text += p.text;
    } else if (!("text" in p) || p.text !== "") parts.push(p);
  };
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) push({ text: text.slice(last, m.index) });
    if (m[1] !== undefined) push({ ref: m[1] });
    else {
      const inner = (m[2] ?? m[3] ?? m[4]) as string;
      const style = m[2] !== undefined ? { bold: true as const } : { italic: true as const };
      for (const p of partsOf(inner)) push("text" in p ? { ...p, ...style } : p);
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) push({ text: text.slice(last) });
  return parts;
}

export function parseNarrative(text: string): Narrative {
  const footnotes: Footnote[] = [];
  const problems: Narrative["problems"] = [];
  const body: string[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const m = NOTE.exec(line.trim());
    if (m) {
      const label = m[1] as string;
      const note = (m[2] as string).trim();
      if (footnotes.some((f) => f.label === label)) problems.push({ label, kind: "duplicate_note" });
      // a note with no text is no note: its reference is flagged as missing one
      else if (note !== "") footnotes.push({ label, text: note });
    } else body.push(line);
  }
  const paragraphs: Paragraph[] = [];
  for (const block of body.join("\n").split(/\n\s*\n/)) {
    // within a block, each "- " line is an item of its own; other lines join the paragraph they follow
    let current: { item: boolean; lines: string[] } | null = null;
    const flush = () => {
      const joined = current?.lines.join("\n").trim() ?? "";
      if (current && joined !== "") {
        const parts = partsOf(joined);
        paragraphs.push(current.item ? { item: true, parts } : { parts });
      }
      current = null;
    };
    for (const line of block.split("\n")) {
      if (ITEM.test(line)) {
        flush();
        current = { item: true, lines: [line.replace(ITEM, "")] };
      } else if (current) current.lines.push(line);
      else current = { item: false, lines: [line] };
    }
    flush();
  }
  const refs = new Set(paragraphs.flatMap((p) => p.parts.flatMap((x) => ("ref" in x ? [x.ref] : []))));
  for (const r of refs)
    if (!footnotes.some((f) => f.label === r)) problems.push({ label: r, kind: "missing_note" });
  for (const f of footnotes) if (!refs.has(f.label)) problems.push({ label: f.label, kind: "unused_note" });
  return { paragraphs, footnotes, problems };
}

/** The plain text of a paragraph, marks and references left out (for searching and compiling). */
export function plainText(p: Paragraph): string {
  return p.parts.map((x) => ("text" in x ? x.text : "")).join("");
}

/**
 * A narrative written back in its text form: the inverse of parseNarrative for what the editor makes
 * (paragraphs, items, marks, references and notes in order).
 */
export function writeNarrative(n: Pick<Narrative, "paragraphs" | "footnotes">): string {
  const paragraph = (p: Paragraph) => {
    const text = p.parts
      .map((x) => {
        if ("ref" in x) return `[^${x.ref}]`;
        // a mark keeps its spaces outside ("**bold** word", never "** bold**")
        const m = /^(\s*)(.*?)(\s*)$/s.exec(x.text) as RegExpExecArray;
        const [, lead, core, trail] = m as unknown as [string, string, string, string];
        if (core === "") return x.text;
        const wrapped =
          x.bold && x.italic ? `**_${core}_**` : x.bold ? `**${core}**` : x.italic ? `*${core}*` : core;
        return `${lead}${wrapped}${trail}`;
      })
      .join("");
    return p.item ? `- ${text}` : text;
  };
  // an item goes on the next line (its dash starts it); a paragraph after a blank line
  const blocks: string[] = [];
  n.paragraphs.forEach((p, i) => {
    if (p.item && i > 0) blocks[blocks.length - 1] += `\n${paragraph(p)}`;
    else blocks.push(paragraph(p));
  });
  const notes = n.footnotes.map((f) => `[^${f.label}]: ${f.text}`).join("\n");
  return [...blocks, ...(notes ? [notes] : [])].join("\n\n");
}

/**
 * The texts of several reports compiled into one: each source's paragraphs in order, its first paragraph led
 * by its name in bold ("**Xã Tháp Mười:** …") when it has one (the compiler's own text has none), and the footnotes numbered again 1, 2, … in the order they are
 * referred to across all of them, so two sources' "[^1]" stay two notes. A note nobody refers to is left out;
 * a reference to a missing note keeps its label, for the report's checks to point at.
 */
export function compileNarratives(sources: readonly { name?: string; text: string }[]): string {
  const paragraphs: Paragraph[] = [];
  const footnotes: Footnote[] = [];
  for (const s of sources) {
    const n = parseNarrative(s.text);
    const relabel = new Map<string, string>();
    const labelOf = (ref: string) => {
      const note = n.footnotes.find((f) => f.label === ref);
      if (!note) return ref;
      let label = relabel.get(ref);
      if (!label) {
        label = String(footnotes.length + 1);
        relabel.set(ref, label);
        footnotes.push({ label, text: note.text });
      }
      return label;
    };
    n.paragraphs.forEach((p, i) => {
      const parts = p.parts.map((x) => ("ref" in x ? { ref: labelOf(x.ref) } : x));
      paragraphs.push({
        ...(p.item ? { item: true as const } : {}),
        parts: i === 0 && s.name ? [{ text: `${s.name}:`, bold: true }, { text: " " }, ...parts] : parts,
      });
    });
  }
  return writeNarrative({ paragraphs, footnotes });
}
