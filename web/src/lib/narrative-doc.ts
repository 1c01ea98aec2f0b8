/**
 * The rich-text editor's document and the narrative text a report stores (src/domain/narrative.ts), each the
 * other's image: paragraphs; "- " items as a bullet list; bold and italic marks; footnotes as inline marks that
 * carry their note, numbered in order when written back. Pure: plain JSON in, text out.
 * @module
 */
import {
  type Footnote,
  type Paragraph,
  type Part,
  parseNarrative,
  writeNarrative,
} from "@domain/narrative.ts";

/** The editor's JSON (ProseMirror's), as far as narratives use it. */
export interface DocNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string }[];
  content?: DocNode[];
}

const inline = (parts: Part[], notes: Map<string, string>): DocNode[] =>
  parts.flatMap((p): DocNode[] => {
    if ("ref" in p) return [{ type: "footnote", attrs: { note: notes.get(p.ref) ?? "" } }];
    // a line break inside a paragraph stays one
    return p.text.split("\n").flatMap((line, i): DocNode[] => {
      const marks = [...(p.bold ? [{ type: "bold" }] : []), ...(p.italic ? [{ type: "italic" }] : [])];
      return [
        ...(i > 0 ? [{ type: "hardBreak" }] : []),
        ...(line ? [{ type: "text", text: line, ...(marks.length ? { marks } : {}) }] : []),
      ];
    });
  });

/** The editor's document for a narrative text. */
export function toDoc(text: string): DocNode {
  const n = parseNarrative(text);
  const notes = new Map(n.footnotes.map((f) => [f.label, f.text]));
  const content: DocNode[] = [];
  for (const p of n.paragraphs) {
    const paragraph: DocNode = { type: "paragraph", content: inline(p.parts, notes) };
    if (!p.item) {
      content.push(paragraph);
      continue;
    }
    const last = content.at(-1);
    const item: DocNode = { type: "listItem", content: [paragraph] };
    if (last?.type === "bulletList") last.content?.push(item);
    else content.push({ type: "bulletList", content: [item] });
  }
  return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
}

/** The narrative text of the editor's document: footnotes numbered 1, 2, 3… in the order they stand. */
export function fromDoc(doc: DocNode): string {
  const paragraphs: Paragraph[] = [];
  const footnotes: Footnote[] = [];
  const partsOf = (node: DocNode): Part[] => {
    const parts: Part[] = [];
    for (const c of node.content ?? []) {
      if (c.type === "text" && c.text) {
        const bold = c.marks?.some((m) => m.type === "bold");
        const italic = c.marks?.some((m) => m.type === "italic");
        parts.push({ text: c.text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
      } else if (c.type === "hardBreak") parts.push({ text: "\n" });
      else if (c.type === "footnote") {
        const label = String(footnotes.length + 1);
        footnotes.push({
          label,
          text: String(c.attrs?.note ?? "")
            .replace(/\s+/g, " ")
            .trim(),
        });
        parts.push({ ref: label });
      }
    }
    return parts;
  };
  const walk = (nodes: DocNode[], item: boolean) => {
    for (const node of nodes) {
      if (node.type === "paragraph" || node.type === "heading") {
        const parts = partsOf(node);
        if (parts.length) paragraphs.push(item ? { item: true, parts } : { parts });
      } else if (node.type === "bulletList" || node.type === "orderedList") walk(node.content ?? [], true);
      else if (node.type === "listItem") walk(node.content ?? [], true);
      else walk(node.content ?? [], item);
    }
  };
  walk(doc.content ?? [], false);
  return writeNarrative({ paragraphs, footnotes });
}
