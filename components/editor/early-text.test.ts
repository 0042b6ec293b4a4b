// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { editorHtml } from "@/lib/document/editor-html";
import type { DocJSON } from "@/lib/document/model";
import { documentSchema } from "@/lib/document/schema";
import { takeOverEarlyText } from "./early-text";

/** The early text box as the edit page sends it, focused, with the caret (or a selection) set by `select`. */
function earlyBox(doc: DocJSON, select?: (box: HTMLElement) => [Node, number, Node?, number?]) {
  const html = editorHtml(doc);
  const box = document.createElement("div");
  box.setAttribute("contenteditable", "true");
  box.setAttribute("role", "textbox");
  box.setAttribute("aria-label", "Section text");
  box.className = "editor-prose editor-early";
  box.innerHTML = html;
  document.body.replaceChildren(box);
  if (select) {
    box.focus();
    const [anchorNode, anchorOffset, focusNode = anchorNode, focusOffset = anchorOffset] = select(box);
    document.getSelection()!.setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset);
  }
  return { box, html };
}

const paragraphs = (...texts: Array<string | DocJSON[]>): DocJSON => ({
  type: "doc",
  content: texts.map((text) => ({
    type: "paragraph",
    content: typeof text === "string" ? [{ type: "text", text }] : text,
  })),
});

const cite = (refKey: string): DocJSON => ({ type: "citation", attrs: { refKey } });
const textOf = (box: HTMLElement, index: number) => box.querySelectorAll("p")[index].lastChild!;

describe("the early text box, taken over by the editor", () => {
  it("hands over nothing typed when the box is as sent, and leaves an empty element without its text box attributes", () => {
    const { box, html } = earlyBox(paragraphs("First.", "Second."));
    expect(takeOverEarlyText(box, html, documentSchema)).toEqual({ typedDoc: null, selection: null, focused: false });
    expect(box.childNodes).toHaveLength(0);
    expect(box.getAttributeNames()).toEqual([]);
  });

  it("hands over what was typed, read by the schema's rules, and the caret after it", () => {
    const { box, html } = earlyBox(paragraphs("First.", "Second."), (box) => [textOf(box, 1), 7]);
    // Typed at the end of "Second.": the text grows and the caret moves on with it, as in a browser.
    (textOf(box, 1) as Text).appendData(" Typed early.");
    document.getSelection()!.collapse(textOf(box, 1), 20);
    const taken = takeOverEarlyText(box, html, documentSchema);
    expect(taken.typedDoc).toEqual(documentSchema.nodeFromJSON(paragraphs("First.", "Second. Typed early.")).toJSON());
    // In the document: "First." from 1 to 7, the second paragraph's text from 9, and 20 characters of it.
    expect(taken.selection).toEqual({ anchor: 29, head: 29 });
  });

  it("maps the caret past citations, which count as one position in the document", () => {
    const doc = paragraphs([{ type: "text", text: "A" }, cite("smith"), { type: "text", text: "BC" }]);
    const { box, html } = earlyBox(doc, (box) => [box.querySelector("p")!.lastChild!, 1]);
    // Inside "BC" after "B": paragraph start 1, "A" 1, the citation 1, "B" 1.
    expect(takeOverEarlyText(box, html, documentSchema)).toEqual({
      typedDoc: null,
      selection: { anchor: 4, head: 4 },
      focused: true,
    });
  });

  it("keeps a selection's direction, so typing replaces the words the reader selected", () => {
    const { box, html } = earlyBox(paragraphs("Replace these words."), (box) => {
      const text = box.querySelector("p")!.firstChild!;
      return [text, 13, text, 8];
    });
    expect(takeOverEarlyText(box, html, documentSchema).selection).toEqual({ anchor: 14, head: 9 });
  });

  it("gives no selection when the focus was elsewhere on the page", () => {
    const { box, html } = earlyBox(paragraphs("Text."));
    const other = document.createElement("input");
    document.body.append(other);
    other.focus();
    expect(takeOverEarlyText(box, html, documentSchema)).toMatchObject({ selection: null, focused: false });
  });

  it("says the box had the focus even when no caret was in it, so the editor takes the focus", () => {
    const { box, html } = earlyBox(paragraphs("Text."));
    box.focus();
    document.getSelection()!.removeAllRanges();
    expect(takeOverEarlyText(box, html, documentSchema)).toMatchObject({ selection: null, focused: true });
  });
});
