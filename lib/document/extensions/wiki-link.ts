import { Mark, mergeAttributes } from "@tiptap/core";

/** A link to another article of this wiki, by title (not by URL). */
export const WikiLink = Mark.create({
  name: "wikiLink",
  inclusive: false,

  addAttributes() {
    return {
      title: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-title"),
        renderHTML: (attributes) => ({ "data-title": attributes.title }),
      },
    };
  },

  parseHTML() {
    return [{ tag: "a[data-wiki-link]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["a", mergeAttributes({ "data-wiki-link": "" }, HTMLAttributes), 0];
  },
});
