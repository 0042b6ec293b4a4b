import { mergeAttributes, Node } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    note: {
      /** Insert an empty footnote at the selection. */
      insertNote: () => ReturnType;
    };
  }
}

/**
 * A footnote ("efn" on Wikipedia): inline, with its own inline content, which
 * may carry citations, maintenance tags and opaque templates but no nested notes. Rendered as a
 * lettered marker [a] in the text and listed in the article's Notes.
 */
export const Note = Node.create({
  name: "note",
  group: "inline",
  inline: true,
  content: "(text | citation | maintenanceTag | template)*",

  parseHTML() {
    return [{ tag: "span[data-note]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ "data-note": "", class: "note" }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      insertNote:
        () =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, content: [{ type: "text", text: "Note" }] }),
    };
  },
});
