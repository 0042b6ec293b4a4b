import { mergeAttributes, Node } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    quoteBox: {
      /** Wrap the selected paragraphs in a quote box with an empty attribution. */
      insertQuoteBox: () => ReturnType;
    };
  }
}

/** The attribution line of a quote box ("— Name, role"); may carry citations. */
export const QuoteAttribution = Node.create({
  name: "quoteAttribution",
  content: "inline*",
  defining: true,

  parseHTML() {
    return [{ tag: "figcaption" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["figcaption", mergeAttributes({ class: "quote-attribution" }, HTMLAttributes), 0];
  },
});

/** A floated quotation box: one or more paragraphs and an optional attribution. */
export const QuoteBox = Node.create({
  name: "quoteBox",
  group: "block",
  content: "paragraph+ quoteAttribution?",
  defining: true,

  parseHTML() {
    return [{ tag: "figure[data-quote-box]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", mergeAttributes({ "data-quote-box": "", class: "quote-box" }, HTMLAttributes), ["blockquote", 0]];
  },

  addCommands() {
    return {
      insertQuoteBox:
        () =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            content: [
              { type: "paragraph", content: [{ type: "text", text: "Quotation" }] },
              { type: "quoteAttribution", content: [{ type: "text", text: "— Attribution" }] },
            ],
          }),
    };
  },
});
