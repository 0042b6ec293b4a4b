import { mergeAttributes, Node } from "@tiptap/core";

/** File names as MediaWiki allows them in a link: no brackets, braces, pipes or line breaks. */
export const FIGURE_FILE_PATTERN = /^[^\u0000-\u001f\u007f[\]{}|<>#]{1,255}$/;

/**
 * An image with its caption. Only the reference to the file is stored (its
 * name, without the "File:" prefix, and its display options such as
 * "thumb|right|upright=1.2"), never the image itself: the wiki does not host
 * files, so the reader sees the file's name and the caption.
 */
export const Figure = Node.create({
  name: "figure",
  group: "block",
  content: "inline*",
  isolating: true,

  addAttributes() {
    return {
      file: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-file"),
        renderHTML: (attributes) => ({ "data-file": attributes.file }),
      },
      options: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-options"),
        renderHTML: (attributes) => (attributes.options ? { "data-options": attributes.options } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: "figure[data-figure]", contentElement: "figcaption" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      "figure",
      mergeAttributes({ "data-figure": "", class: "wiki-figure" }, HTMLAttributes),
      ["div", { class: "wiki-figure-file", contenteditable: "false" }, `File: ${node.attrs.file}`],
      ["figcaption", 0],
    ];
  },
});
