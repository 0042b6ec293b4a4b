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
  claim: Token[];
  /** whether every word of the claim is unchanged by the edit */
  claimKept: boolean;
  place: AlertPlace;
}

type Side = "from" | "to";
type Marked = { token: Token; op: TokenRun["op"] };

/** The tokens of one side of a block's diff, each with the run it came from. */
function sideTokens(block: BlockDiff, side: Side): Marked[] {
  const all = (tokens: Token[], op: TokenRun["op"]) => tokens.map((token) => ({ token, op }));
  switch (block.op) {
    case "insert":
      return side === "to" ? all(block.tokens, "insert") : [];
    case "delete":
      return side === "from" ? all(block.tokens, "delete") : [];
    case "change":
    case "move-in":
      if (!block.runs) return [];
      return block.runs.flatMap((run) =>
        run.op === "equal" || (run.op === "insert") === (side === "to") ? all(run.tokens, run.op) : [],
      );
    default:
      return [];
  }
}

/** The citations a side gained (side "to", op insert) or lost (side "from", op delete), each with its claim. */
function citationUses(marked: Marked[], lostOrGained: TokenRun["op"], place: AlertPlace): CitationUse[] {
  const uses: CitationUse[] = [];
  marked.forEach(({ token, op }, index) => {
    if (token.kind !== "citation" || op !== lostOrGained) return;
    const claim: Marked[] = [];
    for (let i = index - 1; i >= 0; i--) {
      const before = marked[i].token;
      if (before.kind === "break") break;
      if (before.kind === "citation" || before.kind === "note" || before.kind === "tag") {
        if (claim.some((word) => word.token.kind === "text" && word.token.text.trim())) break;
        continue; // citations stacked after one claim share it
      }
      if (before.kind === "text" && SENTENCE_END.test(before.text) && claim.length) break;
      claim.unshift(marked[i]);
    }
    const words = claim.filter((word) => word.token.kind === "text" && word.token.text.trim() !== "");
    uses.push({
      refKey: token.refKey,
      locator: token.locator ? locatorKey(token.locator) : "",
      claim: claim.map((word) => word.token),
      claimKept: words.length > 0 && words.every((word) => word.op === "equal"),
      place,
    });
  });
  return uses;
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

function changedText(runs: TokenRun[], op: "insert" | "delete"): string {
  return runs
    .filter((run) => run.op === op)
    .flatMap((run) => run.tokens)
    .map((token) => (token.kind === "text" ? token.text : ""))
    .join("");
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
  const lost: CitationUse[] = [];
  const gained: CitationUse[] = [];
  for (const section of diff.sections) {
    section.blocks.forEach((block, blockIndex) => {
      if (block.op === "equal" || block.op === "move-out") return;
      const place: AlertPlace = { at: "block", sectionId: section.id, blockIndex };
      lost.push(...citationUses(sideTokens(block, "from"), "delete", place));
      gained.push(...citationUses(sideTokens(block, "to"), "insert", place));
      const quoteChanged =
        block.type === "quoteBox" &&
        (block.op === "change" || block.op === "move-in") &&
        (block.runs === null ||
          block.runs.some((run) => run.op !== "equal" && run.tokens.some((token) => token.kind === "text")));
      if (quoteChanged) alerts.push({ kind: "quote-changed", place });
    });
  }
  // Each lost citation is matched to a gained one of the same reference: at the same locator first, then
  // on the same claim (a kept citation whose page changed: no alert), then anywhere (a move).
  const unmatchedGains = [...gained];
  const matchOf = new Map<CitationUse, CitationUse>();
  const passes: Array<(use: CitationUse, gain: CitationUse) => boolean> = [
    (use, gain) => gain.locator === use.locator,
    (use, gain) => claimText(gain.claim) === claimText(use.claim),
    () => true,
  ];
  for (const pass of passes) {
    for (const use of lost) {
      if (matchOf.has(use)) continue;
      const match = unmatchedGains.findIndex((gain) => gain.refKey === use.refKey && pass(use, gain));
      if (match >= 0) matchOf.set(use, unmatchedGains.splice(match, 1)[0]);
    }
  }
  for (const use of lost) {
    const gain = matchOf.get(use);
    if (gain) {
      const fromClaim = claimText(use.claim);
      const toClaim = claimText(gain.claim);
      // The same citation re-placed on the same words is an edit around it, not a move.
      if (fromClaim !== toClaim)
        alerts.push({ kind: "citation-moved", refKey: use.refKey, fromClaim, toClaim, place: gain.place });
      continue;
    }
    if (use.claimKept)
      alerts.push({ kind: "citation-removed", refKey: use.refKey, claim: claimText(use.claim), place: use.place });
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
        from: from.trim(),
        to: to.trim(),
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
