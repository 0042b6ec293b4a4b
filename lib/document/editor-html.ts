import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { documentExtensions } from "./extensions";
import type { DocJSON } from "./model";

/**
 * A document as the editor's own HTML (each extension's renderHTML, what
 * copying from the editor gives), made without a DOM. The edit page sends it
 * as the text box the reader may type into before the editor's script has
 * run (components/editor/early-text.ts); parsing it back with the schema
 * gives the same document (extensions.test.ts), so text typed into it is
 * read back by the same rules as pasted HTML.
 */
export function editorHtml(doc: DocJSON): string {
  return renderToHTMLString({ extensions: documentExtensions, content: doc });
}
