import { mergeAttributes, Node } from "@tiptap/core";

/** Most columns or rows one cell may span; wider spans are not tables people read. */
export const MAX_CELL_SPAN = 1000;

const spanAttribute = (name: "colspan" | "rowspan") => ({
  default: 1,
  parseHTML: (element: HTMLElement) => {
    const value = Number(element.getAttribute(name) ?? 1);
    return Number.isInteger(value) && value >= 1 && value <= MAX_CELL_SPAN ? value : 1;
  },
  renderHTML: (attributes: Record<string, unknown>) => (attributes[name] === 1 ? {} : { [name]: attributes[name] }),
});

/** A data cell: block content (paragraphs, lists, even a nested table), spanning columns or rows. */
export const TableCell = Node.create({
  name: "tableCell",
  content: "block+",
  isolating: true,

  addAttributes() {
    return { colspan: spanAttribute("colspan"), rowspan: spanAttribute("rowspan") };
  },

  parseHTML() {
    return [{ tag: "td" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["td", mergeAttributes(HTMLAttributes), 0];
  },
});

/** A header cell ("!" in wikitext): the same content as a data cell, shown as a heading of its row or column. */
export const TableHeader = TableCell.extend({
  name: "tableHeader",

  parseHTML() {
    return [{ tag: "th" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["th", mergeAttributes(HTMLAttributes), 0];
  },
});

/** One row of a table: its cells, header or data, in order. */
export const TableRow = Node.create({
  name: "tableRow",
  content: "(tableCell | tableHeader)+",

  parseHTML() {
    return [{ tag: "tr" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["tr", mergeAttributes(HTMLAttributes), 0];
  },
});

/** A table's caption ("|+" in wikitext), inline text that may carry citations. */
export const TableCaption = Node.create({
  name: "tableCaption",
  content: "inline*",

  parseHTML() {
    return [{ tag: "caption" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["caption", mergeAttributes(HTMLAttributes), 0];
  },
});

/**
 * The table's element with its caption first, as the schema orders them. HTML
 * allows a caption only first, but the browser's parser keeps one written
 * after the rows where it stands (pasted from other editors, or hand-written):
 * read in that order, it would open a second table inside a new row.
 */
function captionFirst(table: HTMLElement): HTMLElement {
  const caption = table.querySelector(":scope > caption");
  if (!caption || table.firstElementChild === caption) return table;
  const reordered = table.cloneNode(true) as HTMLElement;
  reordered.prepend(reordered.querySelector(":scope > caption")!);
  return reordered;
}

/**
 * A table: an optional caption and rows of cells. Presentation (classes,
 * styles, widths) is not stored: the wiki's own stylesheet draws every table
 * the same way, so an imported table cannot bring markup of its own.
 */
export const Table = Node.create({
  name: "table",
  group: "block",
  content: "tableCaption? tableRow+",
  isolating: true,

  parseHTML() {
    return [{ tag: "table", contentElement: (table) => captionFirst(table as HTMLElement) }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["table", mergeAttributes({ class: "wikitable" }, HTMLAttributes), 0];
  },
});
