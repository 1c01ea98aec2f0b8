/**
 * What Word puts on the clipboard, made into what the narrative editor reads: Word writes its lists as
 * paragraphs with a bullet glyph in a hidden span (mso-list) and its footnotes as links to notes gathered at
 * the end (mso-footnote-id, mso-element:footnote); the editor wants bullet lists and footnotes that carry
 * their note. Anything else (paragraphs, bold, italics) passes as it is. Runs in the browser (DOMParser).
 * @module
 */

const isListParagraph = (el: Element) =>
  el.tagName === "P" &&
  (/^MsoListParagraph/.test(el.getAttribute("class") ?? "") ||
    /mso-list:\s*l\d/.test(el.getAttribute("style") ?? ""));

/** Word's clipboard HTML, with its lists and footnotes in the editor's terms. */
export function wordPasteToHtml(html: string): string {
  if (!/mso-|MsoNormal|urn:schemas-microsoft-com/.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, "text/html");
  // the notes, by the id their references point to ("ftn1"), without the link back to the text
  const notes = new Map<string, string>();
  for (const el of doc.querySelectorAll('[style*="mso-element:footnote"][id]')) {
    const copy = el.cloneNode(true) as Element;
    for (const back of copy.querySelectorAll('a[href^="#_ftnref"]')) back.remove();
    notes.set(el.id, (copy.textContent ?? "").replace(/\s+/g, " ").trim());
  }
  for (const list of doc.querySelectorAll('[style*="mso-element:footnote-list"]')) list.remove();
  for (const el of doc.querySelectorAll('[style*="mso-element:footnote"]')) el.remove();
  // each reference becomes a footnote that carries its note
  for (const a of doc.querySelectorAll('a[href^="#_ftn"]')) {
    const id = (a.getAttribute("href") ?? "").slice(2);
    const sup = doc.createElement("sup");
    sup.setAttribute("data-footnote", notes.get(id) ?? "");
    a.replaceWith(sup);
  }
  // the bullet glyphs Word draws itself
  for (const el of doc.querySelectorAll('[style*="mso-list:Ignore"]')) el.remove();
  // runs of list paragraphs become bullet lists
  for (const p of [...doc.querySelectorAll("p")]) {
    if (!isListParagraph(p) || !p.isConnected) continue;
    const ul = doc.createElement("ul");
    p.before(ul);
    let next: Element | null = p;
    while (next && isListParagraph(next)) {
      const after: Element | null = next.nextElementSibling;
      const li = doc.createElement("li");
      const inner = doc.createElement("p");
      inner.innerHTML = next.innerHTML;
      li.append(inner);
      ul.append(li);
      next.remove();
      next = after;
    }
  }
  return doc.body.innerHTML;
}
