import { Mark, markPasteRule, mergeAttributes, type PasteRuleMatch } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { isSafeHttpUrl } from "../url";

/** What the renderer adds to every external link; only the href is stored. */
const LINK_ATTRIBUTES = { rel: "nofollow noopener noreferrer", class: "external" };

/** An http(s) address in pasted text, without the punctuation that usually follows one in prose. */
const PASTED_URL = /https?:\/\/[^\s<>"]*[^\s<>".,;:!?'’”)\]]/gi;

/** The safe http(s) addresses in `text`, as paste rules want them. */
export function pastedUrls(text: string): PasteRuleMatch[] {
  return [...text.matchAll(PASTED_URL)]
    .filter((match) => isSafeHttpUrl(match[0]))
    .map((match) => ({ index: match.index, text: match[0], data: { href: match[0] } }));
}

/**
 * External links: http(s) only, and only the href attribute is stored. Its
 * own mark rather than `@tiptap/extension-link`, whose autolinking and paste
 * detection bring `linkifyjs` (20 KB minified, with its table of top-level
 * domains) into the editor's script for what two patterns do here: an
 * http(s) address pasted into text becomes a link, and one pasted over
 * selected text links the selection. The schema (name, attribute, HTML) is
 * the one that extension had, so stored documents are unchanged.
 */
export const ExternalLink = Mark.create({
  name: "link",
  // Before the wiki link's rule, as @tiptap/extension-link was: an <a href> with a safe address is this mark.
  priority: 1000,
  keepOnSplit: false,
  exitable: true,
  inclusive: false,

  addAttributes() {
    return { href: { default: null } };
  },

  parseHTML() {
    return [
      {
        tag: "a[href]",
        // An unsafe or relative address drops the link and keeps its text.
        getAttrs: (element) => (isSafeHttpUrl((element as HTMLElement).getAttribute("href")) ? null : false),
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    const href = isSafeHttpUrl(HTMLAttributes.href) ? HTMLAttributes.href : "";
    return ["a", mergeAttributes(LINK_ATTRIBUTES, { ...HTMLAttributes, href }), 0];
  },

  addPasteRules() {
    return [markPasteRule({ find: pastedUrls, type: this.type, getAttributes: (match) => match.data })];
  },

  addProseMirrorPlugins() {
    const { editor, type } = this;
    return [
      new Plugin({
        key: new PluginKey("externalLinkOnPaste"),
        props: {
          // An address pasted over selected words links them instead of replacing them.
          handlePaste: (view, _event, slice) => {
            if (view.state.selection.empty) return false;
            let text = "";
            slice.content.forEach((node) => {
              text += node.textContent;
            });
            const href = text.trim();
            if (!isSafeHttpUrl(href) || pastedUrls(href)[0]?.text !== href) return false;
            return editor.commands.setMark(type, { href });
          },
        },
      }),
    ];
  },
});
