import { hasLocator, locatorKey, locatorOf, locatorText } from "../document/extensions/citation";
import type { DocJSON } from "../document/model";
import type { Token, TokenRun } from "./types";

const WORD = /\s+|[^\s]+/g;

/** An opaque template as one token's text, "{{Name|key=value|…}}", so any change to it shows in a diff. */
function templateText(node: DocJSON): string {
  const params = Array.isArray(node.attrs?.params)
    ? (node.attrs.params as { key: string | null; value: string }[])
    : [];
  const shown = params.map((param) => (param.key === null ? param.value : `${param.key}=${param.value}`));
  return `{{${[String(node.attrs?.name ?? ""), ...shown].join("|")}}}`;
}

function markSignature(node: DocJSON): string {
  if (!node.marks?.length) return "";
  return node.marks
    .map((mark) =>
      mark.type === "link"
        ? `link:${mark.attrs?.href}`
        : mark.type === "wikiLink"
          ? `wiki:${mark.attrs?.title}`
          : mark.type,
    )
    .sort()
    .join(",");
}

/** The plain text of inline content (notes flattened), for note tokens and summaries. */
export function plainText(node: DocJSON): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "citation") {
    const locator = locatorOf(node.attrs);
    return `[${node.attrs?.refKey}${hasLocator(locator) ? `, ${locatorText(locator)}` : ""}]`;
  }
  if (node.type === "maintenanceTag") return `[${node.attrs?.kind}]`;
  if (node.type === "hardBreak") return "\n";
  if (node.type === "template") return templateText(node);
  return (node.content ?? []).map(plainText).join(node.type === "doc" ? "\n" : "");
}

function pushInline(node: DocJSON, out: Token[]): void {
  switch (node.type) {
    case "text": {
      const marks = markSignature(node);
      for (const word of (node.text ?? "").match(WORD) ?? []) out.push({ kind: "text", text: word, marks });
      return;
    }
    case "citation": {
      // The locator is part of the token: a citation whose page changed is a changed citation.
      const locator = locatorOf(node.attrs);
      const refKey = String(node.attrs?.refKey ?? "");
      out.push(hasLocator(locator) ? { kind: "citation", refKey, locator } : { kind: "citation", refKey });
      return;
    }
    case "note":
      out.push({ kind: "note", text: plainText(node) });
      return;
    case "maintenanceTag":
      out.push({ kind: "tag", tag: String(node.attrs?.kind ?? ""), date: String(node.attrs?.date ?? "") });
      return;
    case "hardBreak":
      out.push({ kind: "break", label: "↵" });
      return;
    case "template":
      out.push({ kind: "text", text: templateText(node), marks: "template" });
      return;
    default:
      (node.content ?? []).forEach((child) => pushInline(child, out));
  }
}

function pushBlock(node: DocJSON, out: Token[], depth: number): void {
  switch (node.type) {
    case "paragraph":
    case "heading":
    case "quoteAttribution":
      if (out.length) out.push({ kind: "break", label: node.type === "quoteAttribution" ? "—" : "¶" });
      (node.content ?? []).forEach((child) => pushInline(child, out));
      return;
    case "figure":
      // The file and its options are a token of their own: swapping the image shows even with the same caption.
      out.push({
        kind: "break",
        label: `[File:${node.attrs?.file}${node.attrs?.options ? `|${node.attrs.options}` : ""}]`,
      });
      (node.content ?? []).forEach((child) => pushInline(child, out));
      return;
    case "tableCaption":
      out.push({ kind: "break", label: "|+" });
      (node.content ?? []).forEach((child) => pushInline(child, out));
      return;
    case "tableRow":
      out.push({ kind: "break", label: "|-" });
      (node.content ?? []).forEach((child) => pushBlock(child, out, depth));
      return;
    case "tableCell":
    case "tableHeader": {
      // A cell's first paragraph follows its marker; a span change shows as a different marker.
      const spans = [node.attrs?.colspan, node.attrs?.rowspan].some((value) => value !== undefined && value !== 1)
        ? ` ${node.attrs?.colspan ?? 1}×${node.attrs?.rowspan ?? 1}`
        : "";
      out.push({ kind: "break", label: `${node.type === "tableHeader" ? "!" : "|"}${spans}` });
      (node.content ?? []).forEach((child, index) =>
        index === 0 && child.type === "paragraph"
          ? (child.content ?? []).forEach((c) => pushInline(c, out))
          : pushBlock(child, out, depth),
      );
      return;
    }
    case "listItem":
      out.push({ kind: "break", label: `${"  ".repeat(depth)}•` });
      (node.content ?? []).forEach((child, index) =>
        index === 0 && child.type === "paragraph"
          ? (child.content ?? []).forEach((c) => pushInline(c, out))
          : pushBlock(child, out, depth + 1),
      );
      return;
    default:
      // A list passes its depth on to its items; the item nests deeper lists (above).
      (node.content ?? []).forEach((child) => pushBlock(child, out, depth));
  }
}

/** The word-level tokens of one block (paragraph, list, quote box), item and paragraph breaks included. */
export function blockTokens(block: DocJSON): Token[] {
  const tokens: Token[] = [];
  pushBlock(block, tokens, 0);
  return tokens;
}

/** Tokens of a rich-text document (an infobox value, a note). */
export function docTokens(doc: DocJSON | undefined | null): Token[] {
  if (!doc) return [];
  const tokens: Token[] = [];
  (doc.content ?? []).forEach((block) => pushBlock(block, tokens, 0));
  return tokens;
}

/** A string that is equal for equal tokens. */
export function tokenKey(token: Token): string {
  switch (token.kind) {
    case "text":
      return token.marks ? `t:${token.text}|${token.marks}` : `t:${token.text}`;
    case "citation":
      return token.locator ? `c:${token.refKey}|${locatorKey(token.locator)}` : `c:${token.refKey}`;
    case "note":
      return `n:${token.text}`;
    case "tag":
      return `g:${token.tag}|${token.date}`;
    case "break":
      return `b:${token.label}`;
  }
}

/** Counts the words (not spaces) among tokens. */
export function countWords(tokens: Token[]): number {
  return tokens.filter((token) => token.kind !== "text" || token.text.trim() !== "").length;
}

/** One citation whose locator alone changed, as a diff names it: "p. 12" → "p. 14" ("" for no locator). */
export interface LocatorChange {
  refKey: string;
  from: string;
  to: string;
}

/**
 * The locator change a deleted run and the inserted run after it make, when
 * each is one citation of the same reference: a reviewer reads "p. 12 → p. 14"
 * rather than a citation removed and another added.
 */
export function locatorChange(deleted: TokenRun | undefined, inserted: TokenRun | undefined): LocatorChange | null {
  if (deleted?.op !== "delete" || inserted?.op !== "insert") return null;
  if (deleted.tokens.length !== 1 || inserted.tokens.length !== 1) return null;
  const [before] = deleted.tokens;
  const [after] = inserted.tokens;
  if (before.kind !== "citation" || after.kind !== "citation" || before.refKey !== after.refKey) return null;
  const from = before.locator ? locatorText(before.locator) : "";
  const to = after.locator ? locatorText(after.locator) : "";
  return { refKey: before.refKey, from, to };
}
