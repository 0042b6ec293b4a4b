import { locatorKey } from "../document/extensions/citation";
import type { ArticleDiff, BlockDiff, Token, TokenRun } from "./types";

/** Where in a diff an alert points: a block of a section, a reference, or an infobox row. */
export type AlertPlace =
  | { at: "block"; sectionId: string; blockIndex: number }
  | { at: "reference"; key: string }
  | { at: "infobox"; label: string };

/**
 * What a reviewer should look at first in a change, computed from the
 * structured diff alone (pure): the edits that weaken an article's sourcing
 * while its text reads the same.
 */
export type ReviewAlert =
  /** the sentence stays, its citation went (and was not placed elsewhere) */
  | { kind: "citation-removed"; refKey: string; claim: string; place: AlertPlace }
  /** a citation left one claim and now supports another */
  | { kind: "citation-moved"; refKey: string; fromClaim: string; toClaim: string; place: AlertPlace }
  /** a reference's URL now points at another site */
  | { kind: "reference-domain-changed"; refKey: string; fromHost: string; toHost: string; place: AlertPlace }
  /** the words inside a quote box changed: a quotation must stay what was said */
  | { kind: "quote-changed"; place: AlertPlace }
  /** a citation now points at a source the reliability list deprecates or blacklists (lib/sources) */
  | {
      kind: "source-rated";
      refKey: string;
      domain: string;
      status: "deprecated" | "blacklisted";
      reason: string;
      place: AlertPlace;
    }
  /** an infobox figure changed and the row cites nothing */
  | { kind: "infobox-figure-uncited"; label: string; from: string; to: string; place: AlertPlace };

/** Words of claim text shown with a citation alert. */
const CLAIM_WORDS = 12;
/** Infobox cells that are plain text (lib/diff/fields.ts diffInfobox), where a citation cannot go. */
const UNCITABLE_CELLS = new Set(["Title", "Date"]);
const SENTENCE_END = /[.!?…]["'”’)]*$/;

/** One citation as it stands in a token sequence, with the claim it supports (the words before it in its sentence). */
interface CitationUse {
  refKey: string;
  /** its locator's key ("" for none) */
  locator: string;
  place: AlertPlace;
  /** where it stands: its side of the block and its token index there */
  side: SideTokens;
  index: number;
  /** its claim's token indexes and text, found on first use (claimOfUse, claimKept): a blanked or rewritten
   * article loses thousands of citations whose claims nobody reads */
  claimAt?: number[];
  claim?: string;
}

type Side = "from" | "to";

/**
 * The tokens of one side of a block's diff and the op each came from: a
 * whole block inserted or deleted is its own token list under one op (no copy:
 * a blanking or a revert of a 1M-character article is every block).
 */
interface SideTokens {
  tokens: Token[];
  /** each token's op; null when every token has `wholeOp` */
  ops: TokenRun["op"][] | null;
  wholeOp: TokenRun["op"];
}

const NO_TOKENS: SideTokens = { tokens: [], ops: [], wholeOp: "equal" };
const opAt = (side: SideTokens, index: number) => (side.ops ? side.ops[index] : side.wholeOp);

function sideTokens(block: BlockDiff, side: Side): SideTokens {
  switch (block.op) {
    case "insert":
      return side === "to" ? { tokens: block.tokens, ops: null, wholeOp: "insert" } : NO_TOKENS;
    case "delete":
      return side === "from" ? { tokens: block.tokens, ops: null, wholeOp: "delete" } : NO_TOKENS;
    case "change":
    case "move-in": {
      if (!block.runs) return NO_TOKENS;
      const tokens: Token[] = [];
      const ops: TokenRun["op"][] = [];
      for (const run of block.runs) {
        if (!(run.op === "equal" || (run.op === "insert") === (side === "to"))) continue;
        for (const token of run.tokens) {
          tokens.push(token);
          ops.push(run.op);
        }
      }
      return { tokens, ops, wholeOp: "equal" };
    }
    default:
      return NO_TOKENS;
  }
}

/** The claim of the citation at `index`: the tokens before it back to its sentence's start, citations stacked after it skipped. */
function claimBefore(side: SideTokens, index: number): number[] {
  const claim: number[] = [];
  let hasWords = false;
  for (let i = index - 1; i >= 0; i--) {
    const before = side.tokens[i];
    if (before.kind === "break") break;
    if (before.kind === "citation" || before.kind === "note" || before.kind === "tag") {
      if (hasWords) break;
      continue; // citations stacked after one claim share it
    }
    // The sentence before ends the claim once it has words: spaces alone (citations stacked with a space) are none.
    if (before.kind === "text" && SENTENCE_END.test(before.text) && hasWords) break;
    claim.push(i);
    if (before.kind === "text" && before.text.trim()) hasWords = true;
  }
  return claim.reverse();
}

/** A use's claim: the indexes of its tokens, found once. */
function claimIndexes(use: CitationUse): number[] {
  use.claimAt ??= claimBefore(use.side, use.index);
  return use.claimAt;
}

/** A use's claim as text, made once. */
function claimOfUse(use: CitationUse): string {
  use.claim ??= claimText(claimIndexes(use).map((i) => use.side.tokens[i]));
  return use.claim;
}

/** Whether every word of a lost citation's claim is unchanged by the edit (a whole block inserted or deleted keeps none). */
function claimKept(use: CitationUse): boolean {
  const { side } = use;
  if (!side.ops) return false;
  const words = claimIndexes(use).filter((i) => {
    const word = side.tokens[i];
    return word.kind === "text" && word.text.trim() !== "";
  });
  return words.length > 0 && words.every((i) => opAt(side, i) === "equal");
}

/** The citations a side gained (side "to", op insert) or lost (side "from", op delete). */
function citationUses(side: SideTokens, lostOrGained: TokenRun["op"], place: AlertPlace): CitationUse[] {
  const uses: CitationUse[] = [];
  const { tokens } = side;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.kind !== "citation" || opAt(side, index) !== lostOrGained) continue;
    uses.push({ refKey: token.refKey, locator: token.locator ? locatorKey(token.locator) : "", place, side, index });
  }
  return uses;
}

/** Whether any token of these sides is a citation. */
const citesAny = (sides: SideTokens[]) => sides.some((side) => side.tokens.some((token) => token.kind === "citation"));

/**
 * The citations lost and gained across the blocks, in reading order. A
 * whole block's lost citations can raise an alert only as moves (its claim
 * went with it), so they are read only when something gained a citation,
 * and a whole block's gains only when something lost one: blanking or
 * restoring a 1M-character article reads one side, not 200,000 tokens twice.
 */
function lostAndGained(blocks: Array<{ place: AlertPlace; from: SideTokens; to: SideTokens }>): {
  lost: CitationUse[];
  gained: CitationUse[];
} {
  const partial = (side: SideTokens) => side.ops !== null;
  const partialLost = blocks.map((block) =>
    partial(block.from) ? citationUses(block.from, "delete", block.place) : null,
  );
  const partialGained = blocks.map((block) =>
    partial(block.to) ? citationUses(block.to, "insert", block.place) : null,
  );
  const wholeFrom = blocks.filter((block) => !partial(block.from)).map((block) => block.from);
  const wholeTo = blocks.filter((block) => !partial(block.to)).map((block) => block.to);
  const size = (sides: SideTokens[]) => sides.reduce((sum, side) => sum + side.tokens.length, 0);
  // Read the smaller whole side first: when neither it nor the partial blocks hold a citation, skip the other.
  let readFrom = true;
  let readTo = true;
  if (size(wholeFrom) <= size(wholeTo)) readTo = partialLost.some((uses) => uses?.length) || citesAny(wholeFrom);
  else readFrom = partialGained.some((uses) => uses?.length) || citesAny(wholeTo);
  const lost: CitationUse[] = [];
  const gained: CitationUse[] = [];
  blocks.forEach((block, i) => {
    lost.push(...(partialLost[i] ?? (readFrom ? citationUses(block.from, "delete", block.place) : [])));
    gained.push(...(partialGained[i] ?? (readTo ? citationUses(block.to, "insert", block.place) : [])));
  });
  return { lost, gained };
}

const claimText = (claim: Token[]) => {
  const text = claim
    .map((token) => (token.kind === "text" ? token.text : ""))
    .join("")
    .trim()
    .replace(/\s+/g, " ");
  const words = text.split(" ");
  return words.length > CLAIM_WORDS ? `… ${words.slice(-CLAIM_WORDS).join(" ")}` : text;
};

/** The text of a cell's runs of one op, spaces collapsed: runs apart in the cell ("200 … killed") stay apart. */
function changedText(runs: TokenRun[], op: "insert" | "delete"): string {
  return runs
    .filter((run) => run.op === op)
    .map((run) => run.tokens.map((token) => (token.kind === "text" ? token.text : "")).join(""))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

/** How the source reliability list rates a URL (lib/sources/reliability.ts rateUrls), as the alerts need it. */
export interface UrlRating {
  domain: string;
  status: string;
  reason: string;
}

/** The reference URLs a diff adds or changes to: the ones whose rating the alerts ask for. */
export function urlsToRate(diff: ArticleDiff): string[] {
  return diff.references.flatMap((change) =>
    change.op === "added" || (change.op === "changed" && change.fields.some((f) => f.field === "url"))
      ? change.to.url
        ? [change.to.url]
        : []
      : [],
  );
}

/** The host a reference URL names, without "www.", or null for no or unparsable URL. */
export function urlHost(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

/**
 * The review alerts of a diff, in reading order: sections first, then the
 * infobox, then references. A removed citation whose reference is cited
 * again elsewhere by the same change counts as moved, not removed; a
 * citation removed together with its whole claim is an ordinary deletion
 * and raises nothing.
 */
export function reviewAlerts(
  diff: ArticleDiff,
  options: { ratings?: ReadonlyMap<string, UrlRating> } = {},
): ReviewAlert[] {
  const alerts: ReviewAlert[] = [];
  const blocks: Array<{ place: AlertPlace; from: SideTokens; to: SideTokens }> = [];
  for (const section of diff.sections) {
    section.blocks.forEach((block, blockIndex) => {
      if (block.op === "equal" || block.op === "move-out") return;
      const place: AlertPlace = { at: "block", sectionId: section.id, blockIndex };
      blocks.push({ place, from: sideTokens(block, "from"), to: sideTokens(block, "to") });
      const quoteChanged =
        block.type === "quoteBox" &&
        (block.op === "change" || block.op === "move-in") &&
        (block.runs === null ||
          block.runs.some((run) => run.op !== "equal" && run.tokens.some((token) => token.kind === "text")));
      if (quoteChanged) alerts.push({ kind: "quote-changed", place });
    });
  }
  const { lost, gained } = lostAndGained(blocks);
  // Each lost citation is matched to a gained one of the same reference: at the same locator first, then
  // on the same claim (a kept citation whose page changed: no alert), then anywhere (a move). The gains wait
  // by reference, in reading order, so a rewrite that loses and gains thousands compares only namesakes.
  const unmatchedGains = new Map<string, CitationUse[]>();
  for (const gain of gained) {
    const same = unmatchedGains.get(gain.refKey);
    if (same) same.push(gain);
    else unmatchedGains.set(gain.refKey, [gain]);
  }
  const matchOf = new Map<CitationUse, CitationUse>();
  const passes: Array<(use: CitationUse, gain: CitationUse) => boolean> = [
    (use, gain) => gain.locator === use.locator,
    (use, gain) => claimOfUse(gain) === claimOfUse(use),
    () => true,
  ];
  for (const pass of passes) {
    for (const use of lost) {
      if (matchOf.has(use)) continue;
      const candidates = unmatchedGains.get(use.refKey);
      const match = candidates ? candidates.findIndex((gain) => pass(use, gain)) : -1;
      if (match >= 0) matchOf.set(use, candidates!.splice(match, 1)[0]);
    }
  }
  for (const use of lost) {
    const gain = matchOf.get(use);
    if (gain) {
      const fromClaim = claimOfUse(use);
      const toClaim = claimOfUse(gain);
      // The same citation re-placed on the same words is an edit around it, not a move.
      if (fromClaim !== toClaim)
        alerts.push({ kind: "citation-moved", refKey: use.refKey, fromClaim, toClaim, place: gain.place });
      continue;
    }
    if (claimKept(use))
      alerts.push({ kind: "citation-removed", refKey: use.refKey, claim: claimOfUse(use), place: use.place });
  }

  for (const cell of diff.infobox?.cells ?? []) {
    // Title and Date are plain fields that cannot hold a citation: nothing to ask of them.
    if (cell.op !== "changed" || UNCITABLE_CELLS.has(cell.label)) continue;
    const from = changedText(cell.runs, "delete");
    const to = changedText(cell.runs, "insert");
    const cited = cell.runs.some((run) => run.op !== "delete" && run.tokens.some((token) => token.kind === "citation"));
    if (/\d/.test(from + to) && !cited)
      alerts.push({
        kind: "infobox-figure-uncited",
        label: cell.label,
        from,
        to,
        place: { at: "infobox", label: cell.label },
      });
  }

  for (const change of diff.references) {
    // A reference added, or whose URL changed, to a source the list warns against.
    const url =
      change.op === "added"
        ? change.to.url
        : change.op === "changed" && change.fields.some((f) => f.field === "url")
          ? change.to.url
          : undefined;
    const rating = url ? options.ratings?.get(url) : undefined;
    if (rating && (rating.status === "deprecated" || rating.status === "blacklisted"))
      alerts.push({
        kind: "source-rated",
        refKey: change.key,
        domain: rating.domain,
        status: rating.status,
        reason: rating.reason,
        place: { at: "reference", key: change.key },
      });
    if (change.op !== "changed") continue;
    const fromHost = urlHost(change.from.url ?? null);
    const toHost = urlHost(change.to.url ?? null);
    if (fromHost && toHost && fromHost !== toHost)
      alerts.push({
        kind: "reference-domain-changed",
        refKey: change.key,
        fromHost,
        toHost,
        place: { at: "reference", key: change.key },
      });
  }
  return alerts;
}

/** The element id a place has in a rendered diff (components/diff), for an alert's link. */
export function alertAnchor(place: AlertPlace): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, "-");
  switch (place.at) {
    case "block":
      return `diff-${safe(place.sectionId)}-${place.blockIndex}`;
    case "reference":
      return `diff-ref-${safe(place.key)}`;
    case "infobox":
      return `diff-infobox-${safe(place.label)}`;
  }
}
