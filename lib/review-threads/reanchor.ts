import { diffArticles } from "../diff/article-diff";
import type { ArticleContent, DocJSON, Section } from "../document/model";
import { anchorText, citedKeys, type StoredAnchor } from "./anchor";

/*
 * Threads carried to the newest version of a proposal. A thread is anchored
 * to the version it was made on; when the proposal gets new versions, its
 * place on the newest one is found at read time by the diff engine's block
 * alignment (lib/diff) between the two versions: a block kept equal, changed
 * in place or moved keeps its threads; a deleted block makes them outdated,
 * shown with the text they referred to. Pure: both versions are immutable, so
 * the answer for a pair of versions never changes and can be cached by them.
 */

/** Where a block of the older version is in the newer one, and whether it was changed on the way. */
export interface BlockPlace {
  sectionId: string;
  index: number;
  changed: boolean;
}

/** Each older block's place in the newer version (null: deleted), by section id and block index. */
export type BlockMapping = Map<string, Array<BlockPlace | null>>;

/** A thread's place on the newest version. */
export type ThreadPlace =
  | {
      state: "current";
      sectionId: string | null;
      blockIndex: number | null;
      rangeStart: number | null;
      rangeEnd: number | null;
      /** the anchored block changed since the thread was made (it still applies to it) */
      changed: boolean;
    }
  | { state: "outdated"; reason: string };

const blocksOf = (section: Section | undefined): DocJSON[] => section?.body.content ?? [];

/**
 * Where each block of the named sections of `older` went in `newer`. An
 * identical section maps onto itself without a diff; otherwise the sections
 * are diffed alone (no time budget: a proposal's sections are bounded) and the
 * blocks are matched by identity with the diff's equal, changed and moved
 * pairs. A block moved to a section not named here counts as deleted.
 */
export function mapBlocks(older: ArticleContent, newer: ArticleContent, sectionIds: Iterable<string>): BlockMapping {
  const mapping: BlockMapping = new Map();
  const olderById = new Map(older.sections.map((section) => [section.id, section]));
  const newerById = new Map(newer.sections.map((section) => [section.id, section]));
  const toDiff: string[] = [];
  for (const id of new Set(sectionIds)) {
    const before = olderById.get(id);
    const after = newerById.get(id);
    if (!before) continue;
    if (after && (after.body === before.body || JSON.stringify(after.body) === JSON.stringify(before.body))) {
      mapping.set(
        id,
        blocksOf(before).map((_, index) => ({ sectionId: id, index, changed: false })),
      );
    } else {
      mapping.set(
        id,
        blocksOf(before).map(() => null),
      );
      if (after) toDiff.push(id);
    }
  }
  if (toDiff.length === 0) return mapping;
  const only = (content: ArticleContent): ArticleContent => ({
    title: content.title,
    infobox: null,
    references: [],
    sections: toDiff.flatMap((id) => content.sections.filter((section) => section.id === id)),
  });
  const fromPlace = new Map<DocJSON, { sectionId: string; index: number }>();
  const toPlace = new Map<DocJSON, { sectionId: string; index: number }>();
  for (const id of toDiff) {
    blocksOf(olderById.get(id)).forEach((block, index) => fromPlace.set(block, { sectionId: id, index }));
    blocksOf(newerById.get(id)).forEach((block, index) => toPlace.set(block, { sectionId: id, index }));
  }
  const diff = diffArticles(only(older), only(newer), { budgetMs: Number.POSITIVE_INFINITY });
  for (const section of diff.sections) {
    for (const block of section.blocks) {
      if (block.op !== "equal" && block.op !== "change" && block.op !== "move-in") continue;
      const from = fromPlace.get(block.from);
      const to = toPlace.get(block.to);
      if (!from || !to) continue;
      const places = mapping.get(from.sectionId);
      if (places)
        places[from.index] = {
          sectionId: to.sectionId,
          index: to.index,
          changed: block.op === "change" || JSON.stringify(block.from) !== JSON.stringify(block.to),
        };
    }
  }
  return mapping;
}

/**
 * A thread's place on the newest version, given the mapping of its version's
 * blocks onto it (null when the thread is on the newest version itself). A
 * range follows its quoted words inside a changed block, a citation thread
 * needs its citation still in the block, a reference thread its reference.
 */
export function placeThread(anchor: StoredAnchor, newest: ArticleContent, mapping: BlockMapping | null): ThreadPlace {
  const current = {
    state: "current" as const,
    sectionId: anchor.sectionId,
    blockIndex: anchor.blockIndex,
    rangeStart: anchor.rangeStart,
    rangeEnd: anchor.rangeEnd,
    changed: false,
  };
  switch (anchor.anchorKind) {
    case "infobox":
      return newest.infobox ? current : { state: "outdated", reason: "The infobox was removed." };
    case "reference":
      return newest.references.some((reference) => reference.key === anchor.refKey)
        ? current
        : { state: "outdated", reason: `The reference "${anchor.refKey}" was removed.` };
  }
  if (!mapping) return current;
  const place = mapping.get(anchor.sectionId ?? "")?.[anchor.blockIndex ?? -1] ?? null;
  if (!place) return { state: "outdated", reason: "The text it refers to was removed or rewritten." };
  const moved = { ...current, sectionId: place.sectionId, blockIndex: place.index, changed: place.changed };
  if (!place.changed) return moved;
  const block = newest.sections.find((section) => section.id === place.sectionId)?.body.content?.[place.index];
  if (!block) return { state: "outdated", reason: "The text it refers to was removed or rewritten." };
  if (anchor.anchorKind === "citation" && !citedKeys(block).includes(anchor.refKey ?? ""))
    return { state: "outdated", reason: `The citation of "${anchor.refKey}" was removed from the paragraph.` };
  if (anchor.anchorKind === "range") {
    const at = anchorText(block).indexOf(anchor.quote);
    if (at < 0) return { state: "outdated", reason: "The words it refers to were changed." };
    return { ...moved, rangeStart: at, rangeEnd: at + anchor.quote.length };
  }
  return moved;
}
