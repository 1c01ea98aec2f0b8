import { Input, Stack, Text, TextInput } from "@mantine/core";
import { RichTextEditor } from "@mantine/tiptap";
import { mergeAttributes, Node } from "@tiptap/core";
import { type Editor, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type DocNode, fromDoc, toDoc } from "../lib/narrative-doc.ts";
import { wordPasteToHtml } from "../lib/word-paste.ts";

/**
 * A footnote: an inline mark that carries its note, numbered by its place in the text (a CSS counter), its
 * note written in the list under the editor. Word's footnotes come in as these on paste.
 */
const Footnote = Node.create({
  name: "footnote",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      note: {
        default: "",
        parseHTML: (el: HTMLElement) => el.getAttribute("data-footnote") ?? "",
        renderHTML: (attrs: { note?: string }) => ({ "data-footnote": attrs.note ?? "" }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "sup[data-footnote]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["sup", mergeAttributes(HTMLAttributes, { class: "footnote-mark" })];
  },
});

/** The footnotes of the editor's text, in order: where each stands and its note. */
function footnotesOf(editor: Editor | null): { pos: number; note: string }[] {
  const out: { pos: number; note: string }[] = [];
  editor?.state.doc.descendants((node, pos) => {
    if (node.type.name === "footnote") out.push({ pos, note: String(node.attrs.note ?? "") });
  });
  return out;
}

/**
 * A narrative section written the way officials write: paragraphs, **bold**, *italics*, "- " items as a list,
 * footnotes from a button (each note typed under the text); pasting from Word keeps paragraphs, lists and
 * footnotes. It reads and writes the stored narrative text (src/domain/narrative.ts), which the documents
 * render the same way.
 */
export function NarrativeEditor(props: {
  label?: string;
  /** The label names the field for screen readers only (the section's title is above it). */
  hideLabel?: boolean;
  description?: string;
  value: string;
  onChange: (text: string) => void;
  readOnly?: boolean;
  error?: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  // the text this editor last gave: a value from outside that differs is loaded, one it gave is not
  const emitted = useRef(props.value);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: false,
        codeBlock: false,
        code: false,
        blockquote: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        link: false,
        orderedList: false,
      }),
      Footnote,
    ],
    content: toDoc(props.value),
    editable: !props.readOnly,
    editorProps: {
      transformPastedHTML: wordPasteToHtml,
      attributes: {
        "aria-label": props.label ?? "",
        "aria-multiline": "true",
        role: "textbox",
        ...(props.testId ? { "data-testid": props.testId } : {}),
        ...(props.error ? { "aria-invalid": "true", "aria-describedby": `${id}-error` } : {}),
      },
    },
    onUpdate: ({ editor: e }) => {
      // a read-only text is never changed from here
      if (!e.isEditable) return;
      const text = fromDoc(e.getJSON() as DocNode);
      if (text === emitted.current) return;
      emitted.current = text;
      onChange.current(text);
    },
  });
  useEffect(() => {
    if (!editor || props.value === emitted.current) return;
    emitted.current = props.value;
    editor.commands.setContent(toDoc(props.value), { emitUpdate: false });
  }, [editor, props.value]);
  useEffect(() => {
    // no update emitted: turning a report read-only (or back) changes none of its text
    editor?.setEditable(!props.readOnly, false);
  }, [editor, props.readOnly]);
  const notes = useEditorState({ editor, selector: ({ editor: e }) => footnotesOf(e) }) ?? [];
  const setNote = (pos: number, note: string) =>
    editor
      ?.chain()
      .command(({ tr }) => {
        tr.setNodeMarkup(pos, undefined, { note });
        return true;
      })
      .run();
  const addFootnote = () => {
    editor
      ?.chain()
      .focus()
      .insertContent({ type: "footnote", attrs: { note: "" } })
      .run();
    // the new note's field takes the typing
    setTimeout(() => {
      const inputs = document.querySelectorAll<HTMLInputElement>(`[data-notes="${id}"] input`);
      const empty = [...inputs].find((i) => i.value === "");
      (empty ?? inputs[inputs.length - 1])?.focus();
    }, 0);
  };
  return (
    <Stack gap={4} mt="sm">
      {props.label && !props.hideLabel && <Input.Label>{props.label}</Input.Label>}
      {props.description && <Input.Description>{props.description}</Input.Description>}
      <RichTextEditor
        editor={editor}
        labels={{
          boldControlLabel: t("editor.bold"),
          italicControlLabel: t("editor.italic"),
          bulletListControlLabel: t("editor.bulletList"),
          undoControlLabel: t("editor.undo"),
          redoControlLabel: t("editor.redo"),
        }}
        styles={{ content: { minHeight: 90 } }}
      >
        {!props.readOnly && (
          <RichTextEditor.Toolbar>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Bold />
              <RichTextEditor.Italic />
              <RichTextEditor.BulletList />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Control
                onClick={addFootnote}
                aria-label={t("editor.footnote")}
                title={t("editor.footnote")}
                data-testid={props.testId ? `${props.testId}-footnote` : undefined}
              >
                <Text size="xs" fw={700} px={4}>
                  {t("editor.footnoteShort")}
                </Text>
              </RichTextEditor.Control>
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Undo />
              <RichTextEditor.Redo />
            </RichTextEditor.ControlsGroup>
          </RichTextEditor.Toolbar>
        )}
        <RichTextEditor.Content className="narrative-content" />
      </RichTextEditor>
      {notes.length > 0 && (
        <Stack gap={4} data-notes={id} data-testid={props.testId ? `${props.testId}-notes` : undefined}>
          {notes.map((n, i) => (
            <TextInput
              key={n.pos}
              size="xs"
              label={t("editor.note", { n: i + 1 })}
              value={n.note}
              readOnly={props.readOnly}
              onChange={(e) => setNote(n.pos, e.currentTarget.value)}
              error={!props.readOnly && n.note.trim() === "" ? t("editor.noteMissing") : undefined}
            />
          ))}
        </Stack>
      )}
      {props.error && <Input.Error id={`${id}-error`}>{props.error}</Input.Error>}
    </Stack>
  );
}
