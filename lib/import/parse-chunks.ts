import { parseWikitext, type WNode } from "./syntax";

/**
 * Parsing a page in blocks, so that the revisions of a dump (issue 21) parse
 * only what changed: consecutive revisions of a page share most of their
 * paragraphs, and wikiparser-node's parse is the importer's most costly step.
 *
 * Wikitext is cut before blank lines, but only where nothing is open: every
 * brace and bracket closed (templates, arguments, links, tables: `{|` and
 * `|}` count as a brace each), every comment and every tag pair closed, and
 * the block after the cut not a `#REDIRECT` (which only the start of a page
 * can be). Whatever is unbalanced (a template or a table with a blank line
 * inside, an unclosed comment or `<ref>`, a stray bracket) keeps the blocks
 * on either side together, so a block is always something the whole-page
 * parse would also have closed before the blank line, and the blocks' trees
 * read one after another are the page's tree (test/import/corpus.test.ts
 * holds this against every article of the shared corpus: the same document
 * and the same report either way).
 */

/** Elements that are never closed (`<br>`): they open nothing. */
const VOID_TAGS = new Set(["br", "hr", "wbr", "img"]);
const TAG = /<(\/?)([a-z][\w-]*)\b[^>]*?(\/?)>/gi;
/** Sticky: tested where a block would start. */
const REDIRECT = /\s*#\s*redirect/iy;

/** Whether what was read since the last cut leaves anything open. */
class OpenConstructs {
  private depth = 0;
  private comments = 0;
  private readonly tags = new Map<string, number>();
  private openTags = 0;
  /** something closed that was never opened here: no cut until the end */
  private broken = false;

  read(text: string): void {
    if (this.broken) return;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // { and [ open, } and ] close: one depth for both, so a mismatch can only keep blocks together.
      if (code === 123 || code === 91) this.depth += 1;
      else if (code === 125 || code === 93) {
        this.depth -= 1;
        if (this.depth < 0) this.broken = true;
      }
    }
    this.comments += count(text, "<!--") - count(text, "-->");
    if (this.comments < 0) this.broken = true;
    for (const [, closing, rawName, selfClosing] of text.matchAll(TAG)) {
      const name = rawName.toLowerCase();
      if (VOID_TAGS.has(name) || selfClosing) continue;
      const open = (this.tags.get(name) ?? 0) + (closing ? -1 : 1);
      if (open < 0) this.broken = true;
      this.openTags += closing ? -1 : 1;
      this.tags.set(name, open);
    }
  }

  get closed(): boolean {
    return !this.broken && this.depth === 0 && this.comments === 0 && this.openTags === 0;
  }
}

function count(text: string, what: string): number {
  let n = 0;
  for (let at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length)) n += 1;
  return n;
}

/**
 * `source` cut into blocks that parse alone as they parse in the page; joined,
 * they are `source`. A block starts with the blank lines before it, so a
 * paragraph added at the end of a page leaves the block before it unchanged.
 */
export function blocksOf(source: string): string[] {
  const blocks: string[] = [];
  let open = new OpenConstructs();
  let start = 0;
  let pieceStart = 0;
  const pieceEnds = [...source.matchAll(/\n\n+/g)].map((match) => match.index as number);
  for (const end of [...pieceEnds, source.length]) {
    if (end <= pieceStart) continue;
    open.read(source.slice(pieceStart, end));
    pieceStart = end;
    REDIRECT.lastIndex = end;
    if (end < source.length && (!open.closed || REDIRECT.test(source))) continue;
    blocks.push(source.slice(start, end));
    start = end;
    open = new OpenConstructs();
  }
  return blocks;
}

/**
 * The parsed blocks of a page's last revision: the next revision of the same
 * page takes each unchanged block's tree from here instead of parsing it
 * again (the importer only reads trees, never changes them). Holds one
 * revision's blocks, so its memory is about one page's.
 */
export class BlockMemo {
  private trees = new Map<string, WNode[]>();

  /** The page tree of `source`, parsing only the blocks the last revision did not have. */
  parse(source: string): WNode {
    const next = new Map<string, WNode[]>();
    const childNodes: WNode[] = [];
    for (const block of blocksOf(source)) {
      const children = next.get(block) ?? this.trees.get(block) ?? parseWikitext(block).childNodes;
      next.set(block, children);
      childNodes.push(...children);
    }
    this.trees = next;
    return { type: "root", childNodes, toString: () => source };
  }
}
