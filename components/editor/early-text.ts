import { DOMParser as PMDOMParser, type Schema } from "@tiptap/pm/model";
import type { DocJSON } from "@/lib/document/model";

/**
 * The early text box (issue 19): the edit page sends the section's text as
 * the editor's own HTML (lib/document/editor-html.ts) in an element that is
 * editable before any script runs, so a reader can click and type at once.
 * When the editor is made, it takes the box over: what was typed (read back
 * by the schema's rules, as pasted HTML is) and where the caret was, so the
 * next key lands where the last one did. No React: tested in happy-dom.
 */

/** What the editor takes over from the early text box. */
export interface EarlyText {
  /** the box's document when something was typed into it; null when it is as the server sent it */
  typedDoc: DocJSON | null;
  /** the selection (anchor and head; equal for a caret) in that document (the sent one when nothing was typed); null when the box had no focus */
  selection: { anchor: number; head: number } | null;
  /** whether the box had the focus: the editor takes it (with no selection inside, at its start) */
  focused: boolean;
}

/** The box's attributes that make it a text box; the editor's own element carries them once it takes over. */
export const EARLY_TEXT_ATTRIBUTES = [
  "contenteditable",
  "tabindex",
  "role",
  "aria-label",
  "aria-multiline",
  "spellcheck",
  "class",
];

/**
 * Reads what the box holds and empties it for the editor. Typed or not: its
 * HTML against `sentHtml` parsed by the same browser (so the browser's own
 * spelling of the markup is not mistaken for typing). The selection: where
 * the schema's parser puts its two DOM ends in the document it reads
 * (ProseMirror's findPositions, as the editor reads its own DOM changes);
 * that document is the sent one when nothing was typed, since the editor's
 * HTML reads back as the document it was made from.
 */
export function takeOverEarlyText(box: HTMLElement, sentHtml: string, schema: Schema): EarlyText {
  const page = box.ownerDocument;
  const sent = page.createElement("template");
  sent.innerHTML = sentHtml;
  const typed = sent.innerHTML !== box.innerHTML;
  const selection = page.getSelection();
  const inBox = (node: Node | null | undefined): node is Node => !!node && box.contains(node);
  const focused = page.activeElement === box;
  const ends =
    focused && selection && inBox(selection.anchorNode) && inBox(selection.focusNode)
      ? [
          { node: selection.anchorNode, offset: selection.anchorOffset, pos: undefined as number | undefined },
          { node: selection.focusNode, offset: selection.focusOffset, pos: undefined as number | undefined },
        ]
      : [];
  const read = typed || ends.length ? PMDOMParser.fromSchema(schema).parse(box, { findPositions: ends }) : null;
  box.replaceChildren();
  for (const name of EARLY_TEXT_ATTRIBUTES) box.removeAttribute(name);
  const [anchor, head] = ends.map((end) => end.pos);
  return {
    typedDoc: typed && read ? (read.toJSON() as DocJSON) : null,
    selection: anchor !== undefined && head !== undefined ? { anchor, head } : null,
    focused,
  };
}
