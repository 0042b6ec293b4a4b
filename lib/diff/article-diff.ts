import { planCitations } from "../document/citations";
import type { ArticleContent, DocJSON, Section } from "../document/model";
import { citedReferenceKeys } from "../document/prune";
import { diffInfobox, diffReferences } from "./fields";
import { alignExact, BagIndex, bagOf, diffTokens, TokenIds, type WordBag } from "./sequence";
import { blockTokens, countWords, docTokens } from "./tokens";
import type { ArticleDiff, BlockDiff, NoteDiff, SectionDiff, Token, TokenRun } from "./types";

/** Default time budget of one diff; past it, changed blocks are compared as wholes. */
export const DIFF_BUDGET_MS = 400;

// Blocks at least this alike are shown as one changed block rather than a deletion and an insertion.
const CHANGE_SIMILARITY = 0.5;
// A block found elsewhere at least this alike is shown as moved.
const MOVE_SIMILARITY = 0.7;
// A changed block whose word diff would touch more than this share of its words is shown whole.
const MAX_WORD_EDIT_SHARE = 0.6;
// Fuzzy move search compares every unmatched deletion with every insertion; bound it.
// (A near-total rewrite has nothing to find there, and this bound keeps it fast.)
const MAX_MOVE_PAIRS = 10_000;

interface LooseBlock {
  sectionId: string;
  index: number;
  block: DocJSON;
  key: string;
  tokens: Token[] | null;
  bag?: WordBag;
}

const meta = (section: Section): Omit<Section, "body"> => ({
  id: section.id,
  title: section.title,
  level: section.level,
});
const blocksOf = (section: Section | undefined): DocJSON[] => section?.body.content ?? [];

/**
 * The structured diff of two revisions (pure). Sections are aligned by their
 * stable ids; inside a changed section, blocks are aligned exactly first, then
 * similar leftovers are paired as changed blocks with a word diff, and a block
 * found in another place is shown as moved. Citations, notes and tags are
 * tokens of their own. Bounded by a time budget: when it runs out, changed
 * blocks are shown whole (`coarse`).
 */
export function diffArticles(
  from: ArticleContent,
  to: ArticleContent,
  options: { budgetMs?: number; clock?: () => number } = {},
): ArticleDiff {
  const clock = options.clock ?? (() => performance.now());
  const deadline = clock() + (options.budgetMs ?? DIFF_BUDGET_MS);
  let coarse = false;
  const wordDiff = (a: Token[], b: Token[]): TokenRun[] | null => {
    if (clock() > deadline) {
      coarse = true;
      return null;
    }
    return diffTokens(a, b, MAX_WORD_EDIT_SHARE);
  };

  const fromById = new Map(from.sections.map((section) => [section.id, section]));
  const toById = new Map(to.sections.map((section) => [section.id, section]));
  const order = sectionOrder(from, to);
  const movedIds = movedSections(from, to);

  // First pass: exact block alignment per section; leftovers are collected for pairing.
  const plans = new Map<string, { pairs: Array<[number, number]>; deleted: LooseBlock[]; inserted: LooseBlock[] }>();
  const allDeleted: LooseBlock[] = [];
  const allInserted: LooseBlock[] = [];
  for (const id of order) {
    const before = fromById.get(id);
    const after = toById.get(id);
    // Stored content is shared and frozen, so an unchanged section of two revisions read through
    // the cache is often the same object.
    if (before && after && before.body === after.body) continue;
    const fromBlocks = blocksOf(before);
    const toBlocks = blocksOf(after);
    const fromKeys = fromBlocks.map((block) => JSON.stringify(block));
    const toKeys = toBlocks.map((block) => JSON.stringify(block));
    if (
      before &&
      after &&
      fromKeys.length === toKeys.length &&
      fromKeys.every((key, index) => key === toKeys[index]) &&
      sameBodyOutsideBlocks(before, after)
    )
      continue;
    const pairs = alignExact(fromKeys, toKeys);
    const matchedFrom = new Set(pairs.map(([i]) => i));
    const matchedTo = new Set(pairs.map(([, j]) => j));
    const deleted = fromBlocks.flatMap((block, index) =>
      matchedFrom.has(index) ? [] : [{ sectionId: id, index, block, key: fromKeys[index], tokens: null }],
    );
    const inserted = toBlocks.flatMap((block, index) =>
      matchedTo.has(index) ? [] : [{ sectionId: id, index, block, key: toKeys[index], tokens: null }],
    );
    plans.set(id, { pairs, deleted, inserted });
    allDeleted.push(...deleted);
    allInserted.push(...inserted);
  }
  const tokensOf = (loose: LooseBlock) => (loose.tokens ??= blockTokens(loose.block));
  const tokenIds = new TokenIds();
  const bagFor = (loose: LooseBlock) => (loose.bag ??= bagOf(tokensOf(loose), tokenIds));

  // Pairing: identical blocks elsewhere are moves; similar blocks in the same gap are changes; similar blocks elsewhere are moves with changes.
  const pairedWith = new Map<LooseBlock, { other: LooseBlock; kind: "change" | "move"; moveId?: string }>();
  let moveCounter = 0;
  const link = (deleted: LooseBlock, inserted: LooseBlock, kind: "change" | "move") => {
    const moveId = kind === "move" ? `move-${++moveCounter}` : undefined;
    pairedWith.set(deleted, { other: inserted, kind, moveId });
    pairedWith.set(inserted, { other: deleted, kind, moveId });
  };
  const byKey = new Map<string, LooseBlock[]>();
  for (const deleted of allDeleted) byKey.set(deleted.key, [...(byKey.get(deleted.key) ?? []), deleted]);
  for (const inserted of allInserted) {
    const candidates = byKey.get(inserted.key);
    const match = candidates?.find((candidate) => !pairedWith.has(candidate));
    if (match) link(match, inserted, "move");
  }
  for (const [, plan] of plans) pairWithinGaps(plan, pairedWith, bagFor, link);
  const restDeleted = allDeleted.filter((block) => !pairedWith.has(block));
  const restInserted = allInserted.filter((block) => !pairedWith.has(block));
  if (restDeleted.length * restInserted.length <= MAX_MOVE_PAIRS) {
    const candidates = new BagIndex(restInserted.map(bagFor));
    for (const deleted of restDeleted) {
      if (clock() > deadline) {
        coarse = true;
        break;
      }
      // The most similar unpaired insertion of the same type (the later one on a tie).
      let best = -1;
      let bestScore = MOVE_SIMILARITY;
      for (const [j, score] of candidates.scores(bagFor(deleted))) {
        const inserted = restInserted[j];
        if (pairedWith.has(inserted) || deleted.block.type !== inserted.block.type) continue;
        if (score > bestScore || (score === bestScore && j > best)) {
          best = j;
          bestScore = score;
        }
      }
      if (best >= 0) link(deleted, restInserted[best], "move");
    }
  }

  // Second pass: lay out each section's blocks in reading order.
  const stats = {
    sectionsChanged: 0,
    blocksInserted: 0,
    blocksDeleted: 0,
    blocksChanged: 0,
    blocksMoved: 0,
    wordsInserted: 0,
    wordsDeleted: 0,
  };
  const countRuns = (runs: TokenRun[] | null, a: Token[], b: Token[]) => {
    if (!runs) {
      stats.wordsDeleted += countWords(a);
      stats.wordsInserted += countWords(b);
      return;
    }
    for (const run of runs) {
      if (run.op === "insert") stats.wordsInserted += countWords(run.tokens);
      if (run.op === "delete") stats.wordsDeleted += countWords(run.tokens);
    }
  };
  const sections: SectionDiff[] = order.map((id) => {
    const before = fromById.get(id);
    const after = toById.get(id);
    const status: SectionDiff["status"] = !before
      ? "added"
      : !after
        ? "removed"
        : plans.has(id)
          ? "changed"
          : "unchanged";
    const renamed = Boolean(before && after && before.title !== after.title);
    const relevelled = Boolean(before && after && before.level !== after.level);
    const plan = plans.get(id);
    const blocks: BlockDiff[] = [];
    if (plan) {
      const fromBlocks = blocksOf(before);
      const toBlocks = blocksOf(after);
      const deletedAt = new Map(plan.deleted.map((block) => [block.index, block]));
      const insertedAt = new Map(plan.inserted.map((block) => [block.index, block]));
      let i = 0;
      let j = 0;
      const flushDeleted = (until: number) => {
        for (; i < until; i++) {
          const deleted = deletedAt.get(i)!;
          const pair = pairedWith.get(deleted);
          if (pair?.kind === "change") continue;
          if (pair?.kind === "move") {
            blocks.push({
              op: "move-out",
              type: deleted.block.type!,
              from: deleted.block,
              tokens: tokensOf(deleted),
              moveId: pair.moveId!,
              toSectionId: pair.other.sectionId,
            });
          } else {
            blocks.push({ op: "delete", type: deleted.block.type!, from: deleted.block, tokens: tokensOf(deleted) });
            stats.blocksDeleted += 1;
            stats.wordsDeleted += countWords(tokensOf(deleted));
          }
        }
      };
      const flushInserted = (until: number) => {
        for (; j < until; j++) {
          const inserted = insertedAt.get(j)!;
          const pair = pairedWith.get(inserted);
          if (pair?.kind === "change") {
            const runs = wordDiff(tokensOf(pair.other), tokensOf(inserted));
            countRuns(runs, tokensOf(pair.other), tokensOf(inserted));
            blocks.push({ op: "change", type: inserted.block.type!, from: pair.other.block, to: inserted.block, runs });
            stats.blocksChanged += 1;
          } else if (pair?.kind === "move") {
            const same = pair.other.key === inserted.key;
            const runs = same
              ? [{ op: "equal" as const, tokens: tokensOf(inserted) }]
              : wordDiff(tokensOf(pair.other), tokensOf(inserted));
            if (!same) countRuns(runs, tokensOf(pair.other), tokensOf(inserted));
            blocks.push({
              op: "move-in",
              type: inserted.block.type!,
              from: pair.other.block,
              to: inserted.block,
              runs,
              moveId: pair.moveId!,
              fromSectionId: pair.other.sectionId,
            });
            stats.blocksMoved += 1;
          } else {
            blocks.push({ op: "insert", type: inserted.block.type!, to: inserted.block, tokens: tokensOf(inserted) });
            stats.blocksInserted += 1;
            stats.wordsInserted += countWords(tokensOf(inserted));
          }
        }
      };
      for (const [a, b] of plan.pairs) {
        flushDeleted(a);
        flushInserted(b);
        blocks.push({ op: "equal", type: toBlocks[b].type!, from: fromBlocks[a], to: toBlocks[b] });
        i = a + 1;
        j = b + 1;
      }
      flushDeleted(fromBlocks.length);
      flushInserted(toBlocks.length);
    }
    if (status !== "unchanged" || renamed || relevelled || movedIds.has(id)) stats.sectionsChanged += 1;
    return {
      id,
      status,
      from: before ? meta(before) : null,
      to: after ? meta(after) : null,
      renamed,
      relevelled,
      moved: movedIds.has(id),
      blocks,
    };
  });

  const fromCited = citedReferenceKeys(from);
  const toKeys = new Set(to.references.map((reference) => reference.key));
  return {
    title: from.title === to.title ? null : { from: from.title, to: to.title },
    sections,
    references: diffReferences(from.references, to.references, fromCited),
    infobox:
      JSON.stringify(from.infobox) === JSON.stringify(to.infobox)
        ? null
        : { from: from.infobox, to: to.infobox, cells: diffInfobox(from.infobox, to.infobox, wordDiff) },
    notes: diffNotes(from, to, wordDiff),
    flags: {
      droppedReferences: from.references
        .filter((reference) => fromCited.has(reference.key) && !toKeys.has(reference.key))
        .map((reference) => reference.key),
      danglingCitations: [...citedReferenceKeys(to)].filter((key) => !toKeys.has(key)),
    },
    coarse,
    stats,
  };
}

/** Whether two section bodies whose blocks are equal are equal as a whole (a body is a doc: its blocks, in practice nothing else). */
function sameBodyOutsideBlocks(before: Section, after: Section): boolean {
  const { content: _fromBlocks, ...fromRest } = before.body;
  const { content: _toBlocks, ...toRest } = after.body;
  return JSON.stringify(fromRest) === JSON.stringify(toRest);
}

/** Pairs similar deletions and insertions that sit in the same gap between aligned blocks. */
function pairWithinGaps(
  plan: { pairs: Array<[number, number]>; deleted: LooseBlock[]; inserted: LooseBlock[] },
  pairedWith: Map<LooseBlock, unknown>,
  bagFor: (block: LooseBlock) => WordBag,
  link: (deleted: LooseBlock, inserted: LooseBlock, kind: "change") => void,
) {
  const gapOf = (index: number, side: 0 | 1) => plan.pairs.filter((pair) => pair[side] < index).length;
  const unpaired = plan.deleted.filter((deleted) => !pairedWith.has(deleted));
  if (unpaired.length === 0 || plan.inserted.length === 0) return;
  const candidates = new BagIndex(plan.inserted.map(bagFor));
  const insertedGaps = plan.inserted.map((inserted) => gapOf(inserted.index, 1));
  for (const deleted of unpaired) {
    const gap = gapOf(deleted.index, 0);
    // The most similar unpaired insertion of the same type in the same gap (the later one on a tie).
    let best = -1;
    let bestScore = CHANGE_SIMILARITY;
    for (const [j, score] of candidates.scores(bagFor(deleted))) {
      const inserted = plan.inserted[j];
      if (pairedWith.has(inserted) || insertedGaps[j] !== gap || inserted.block.type !== deleted.block.type) continue;
      if (score > bestScore || (score === bestScore && j > best)) {
        best = j;
        bestScore = score;
      }
    }
    if (best >= 0) link(deleted, plan.inserted[best], "change");
  }
}

/** The order sections are shown in: the new order, with removed sections where they were. */
function sectionOrder(from: ArticleContent, to: ArticleContent): string[] {
  const order = to.sections.map((section) => section.id);
  const present = new Set(order);
  from.sections.forEach((section, index) => {
    if (present.has(section.id)) return;
    let anchor = -1;
    for (let k = index - 1; k >= 0 && anchor < 0; k--) anchor = order.indexOf(from.sections[k].id);
    order.splice(anchor + 1, 0, section.id);
    present.add(section.id);
  });
  return order;
}

/** Sections whose position relative to the others changed (not on the longest kept order). */
function movedSections(from: ArticleContent, to: ArticleContent): Set<string> {
  const toIds = new Set(to.sections.map((section) => section.id));
  const fromIds = new Set(from.sections.map((section) => section.id));
  const a = from.sections.map((section) => section.id).filter((id) => toIds.has(id));
  const b = to.sections.map((section) => section.id).filter((id) => fromIds.has(id));
  const kept = new Set(alignExact(a, b).map(([i]) => a[i]));
  return new Set(a.filter((id) => !kept.has(id)));
}

function diffNotes(
  from: ArticleContent,
  to: ArticleContent,
  wordDiff: (a: Token[], b: Token[]) => TokenRun[] | null,
): NoteDiff[] {
  const noteTokens = (content: ArticleContent) =>
    planCitations(content).notes.map((note) =>
      docTokens({ type: "doc", content: [{ type: "paragraph", content: note.content }] }),
    );
  const before = noteTokens(from);
  const after = noteTokens(to);
  const pairs = alignExact(
    before.map((t) => JSON.stringify(t)),
    after.map((t) => JSON.stringify(t)),
  );
  const diffs: NoteDiff[] = [];
  let i = 0;
  let j = 0;
  const flush = (untilI: number, untilJ: number) => {
    while (i < untilI && j < untilJ) {
      diffs.push({
        op: "changed",
        runs: wordDiff(before[i], after[j]) ?? [
          { op: "delete", tokens: before[i] },
          { op: "insert", tokens: after[j] },
        ],
      });
      i++;
      j++;
    }
    for (; i < untilI; i++) diffs.push({ op: "removed", runs: [{ op: "delete", tokens: before[i] }] });
    for (; j < untilJ; j++) diffs.push({ op: "added", runs: [{ op: "insert", tokens: after[j] }] });
  };
  for (const [a, b] of pairs) {
    flush(a, b);
    i = a + 1;
    j = b + 1;
  }
  flush(before.length, after.length);
  return diffs;
}

/** Rebuilds the newer revision from the older one and their diff (the diff is complete). */
export function applyDiff(from: ArticleContent, diff: ArticleDiff, referenceOrder: string[]): ArticleContent {
  const fromById = new Map(from.sections.map((section) => [section.id, section]));
  const sections: Section[] = diff.sections
    .filter((section) => section.status !== "removed")
    .map((section) => ({
      ...section.to!,
      body:
        section.status === "unchanged"
          ? fromById.get(section.id)!.body
          : {
              ...(fromById.get(section.id)?.body ?? { type: "doc" }),
              type: "doc",
              content: section.blocks.flatMap((block) => ("to" in block ? [block.to] : [])),
            },
    }));
  const references = new Map(from.references.map((reference) => [reference.key, reference]));
  for (const change of diff.references) {
    if (change.op === "removed") references.delete(change.key);
    else references.set(change.key, change.to);
  }
  return {
    title: diff.title?.to ?? from.title,
    infobox: diff.infobox ? diff.infobox.to : from.infobox,
    sections,
    references: referenceOrder.map((key) => references.get(key)!),
  };
}
