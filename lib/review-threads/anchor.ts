import { blockTokens } from "../diff/tokens";
import type { ArticleContent, DocJSON } from "../document/model";
import type { TThreadAnchorRequest } from "../contracts/review-threads";
import { BLOCK_ANCHOR_KINDS, type ThreadAnchorKind } from "./anchor-kinds";

/*
 * Anchors of review threads, checked against the content of the proposal
 * version they are made on. Pure: used by the server to refuse an anchor to
 * something that does not exist, and by the page to place threads.
 */

/** An anchor as stored: every field the kind does not use is null. */
export interface StoredAnchor {
  anchorKind: ThreadAnchorKind;
  sectionId: string | null;
  blockIndex: number | null;
  quote: string;
  rangeStart: number | null;
  rangeEnd: number | null;
  refKey: string | null;
}

/** Why an anchor was refused: the request field at fault and what is wrong with it. */
export interface AnchorProblem {
  field: string;
  message: string;
}

/**
 * The text of a block that ranges count in: its words and spaces, a line
 * break between list items or quote paragraphs; citations, notes and tags
 * count for nothing, so a range survives a citation added in front of it.
 */
export function anchorText(block: DocJSON): string {
  return blockTokens(block)
    .map((token) => (token.kind === "text" ? token.text : token.kind === "break" ? "\n" : ""))
    .join("")
    .replace(/^\n/, "");
}

/** The reference keys cited in a block, in order, each once. */
export function citedKeys(block: DocJSON): string[] {
  const keys = blockTokens(block).flatMap((token) => (token.kind === "citation" ? [token.refKey] : []));
  return [...new Set(keys)];
}

/** Whether an anchor kind points into a block of a section. */
export const isBlockAnchor = (kind: ThreadAnchorKind) => BLOCK_ANCHOR_KINDS.includes(kind);

/** The block an anchor names in `content`, or the problem naming the field that does not fit. */
export function findBlock(
  content: ArticleContent,
  sectionId: string,
  blockIndex: number,
  version: number,
): { ok: true; block: DocJSON } | { ok: false; problem: AnchorProblem } {
  const section = content.sections.find((candidate) => candidate.id === sectionId);
  if (!section)
    return {
      ok: false,
      problem: { field: "anchor.sectionId", message: `Version ${version} has no section "${sectionId}".` },
    };
  const blocks = section.body.content ?? [];
  const block = blocks[blockIndex];
  if (!block)
    return {
      ok: false,
      problem: {
        field: "anchor.blockIndex",
        message: `Section "${section.title || "Lead"}" has ${blocks.length} block${blocks.length === 1 ? "" : "s"} in version ${version}; there is no block ${blockIndex}.`,
      },
    };
  return { ok: true, block };
}

/**
 * Checks an anchor against the version's content and completes it: the quote
 * is always taken from the content (a client cannot make a thread claim words
 * that are not there), a range given by its quote alone gets its offsets.
 */
export function resolveAnchor(
  content: ArticleContent,
  version: number,
  anchor: TThreadAnchorRequest,
): { ok: true; anchor: StoredAnchor } | { ok: false; problem: AnchorProblem } {
  const none = { sectionId: null, blockIndex: null, rangeStart: null, rangeEnd: null, refKey: null, quote: "" };
  switch (anchor.kind) {
    case "infobox":
      return content.infobox
        ? { ok: true, anchor: { ...none, anchorKind: "infobox", quote: content.infobox.title } }
        : { ok: false, problem: { field: "anchor.kind", message: `Version ${version} has no infobox.` } };
    case "reference": {
      const reference = content.references.find((candidate) => candidate.key === anchor.refKey);
      return reference
        ? { ok: true, anchor: { ...none, anchorKind: "reference", refKey: reference.key, quote: reference.title } }
        : {
            ok: false,
            problem: { field: "anchor.refKey", message: `Version ${version} has no reference "${anchor.refKey}".` },
          };
    }
    default: {
      const found = findBlock(content, anchor.sectionId, anchor.blockIndex, version);
      if (!found.ok) return found;
      const text = anchorText(found.block);
      const onBlock = { ...none, sectionId: anchor.sectionId, blockIndex: anchor.blockIndex, quote: text };
      if (anchor.kind === "block") return { ok: true, anchor: { ...onBlock, anchorKind: "block" } };
      if (anchor.kind === "citation") {
        return citedKeys(found.block).includes(anchor.refKey)
          ? { ok: true, anchor: { ...onBlock, anchorKind: "citation", refKey: anchor.refKey } }
          : {
              ok: false,
              problem: {
                field: "anchor.refKey",
                message: `Block ${anchor.blockIndex} of section "${anchor.sectionId}" does not cite "${anchor.refKey}" in version ${version}.`,
              },
            };
      }
      const range = resolveRange(text, anchor);
      return range.ok
        ? { ok: true, anchor: { ...onBlock, anchorKind: "range", ...range.range } }
        : { ok: false, problem: range.problem };
    }
  }
}

function resolveRange(
  text: string,
  anchor: { rangeStart?: number; rangeEnd?: number; quote?: string },
):
  | { ok: true; range: { rangeStart: number; rangeEnd: number; quote: string } }
  | { ok: false; problem: AnchorProblem } {
  if (anchor.rangeStart === undefined || anchor.rangeEnd === undefined) {
    const quote = anchor.quote ?? "";
    const at = quote ? text.indexOf(quote) : -1;
    if (at < 0)
      return {
        ok: false,
        problem: {
          field: "anchor.quote",
          message: quote
            ? "The quoted text is not in that block; select words of the block as it reads now."
            : "A range needs rangeStart and rangeEnd, or the quoted text.",
        },
      };
    return { ok: true, range: { rangeStart: at, rangeEnd: at + quote.length, quote } };
  }
  const { rangeStart, rangeEnd } = anchor;
  if (rangeEnd <= rangeStart || rangeEnd > text.length)
    return {
      ok: false,
      problem: {
        field: "anchor.rangeEnd",
        message: `The range ${rangeStart}–${rangeEnd} does not fit the block's ${text.length} characters.`,
      },
    };
  const quote = text.slice(rangeStart, rangeEnd);
  if (anchor.quote !== undefined && anchor.quote !== quote)
    return {
      ok: false,
      problem: { field: "anchor.quote", message: "The quoted text does not match the block's text at that range." },
    };
  return { ok: true, range: { rangeStart, rangeEnd, quote } };
}
