import { mergeAttributes, Node } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    citation: {
      /** Insert a citation of the reference `refKey` at the selection. */
      insertCitation: (refKey: string) => ReturnType;
    };
  }
}

/** Reference keys: short, readable, URL-safe. */
export const REF_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/;

/**
 * An inline citation: points at a reference of the revision by key, so one
 * reference can be cited many times and edited once. Its number ([n]) is not
 * stored; it is computed from the order of first use when rendering.
 */
export const Citation = Node.create({
  name: "citation",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      refKey: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-ref-key"),
        renderHTML: (attributes) => ({ "data-ref-key": attributes.refKey }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "sup[data-citation]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["sup", mergeAttributes({ "data-citation": "", class: "citation" }, HTMLAttributes), "[*]"];
  },

  addCommands() {
    return {
      insertCitation:
        (refKey) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { refKey } }),
    };
  },
});
