import canonicalize from "canonicalize";
import type { ArticleContent, Reference, Section } from "../document/model";
import { citedReferenceKeys, pruneUncitedReferences } from "../document/prune";

/**
 * Section-by-section three-way merge of article revisions (pure). Sections
 * are matched by their stable ids, references by key, the infobox as one
 * value. Changes on both sides to different sections combine; the same
 * section (or reference, or the infobox) changed differently on both sides is
 * a conflict, never silently resolved.
 */

const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b);

export interface MergeConflict {
  sectionIds: string[];
  referenceKeys: string[];
  infobox: boolean;
}

export type MergeResult = { ok: true; content: ArticleContent } | { ok: false; conflict: MergeConflict };

function keyed<T>(items: T[], keyOf: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [keyOf(item), item]));
}

/** Keys whose value differs between `base` and `side` (added, removed or changed). */
function changedKeys<T>(base: Map<string, T>, side: Map<string, T>): Set<string> {
  const changed = new Set<string>();
  for (const [key, value] of side) if (!base.has(key) || !same(base.get(key), value)) changed.add(key);
  for (const key of base.keys()) if (!side.has(key)) changed.add(key);
  return changed;
}

function sharedOrder(order: string[], keep: Set<string>): string[] {
  return order.filter((id) => keep.has(id));
}

/** Merges the keyed values three ways; returns the merged map and the conflicting keys. */
function mergeKeyed<T>(
  base: Map<string, T>,
  mine: Map<string, T>,
  theirs: Map<string, T>,
): { merged: Map<string, T | undefined>; conflicts: string[] } {
  const mineChanged = changedKeys(base, mine);
  const theirsChanged = changedKeys(base, theirs);
  const merged = new Map<string, T | undefined>();
  const conflicts: string[] = [];
  for (const key of new Set([...base.keys(), ...mine.keys(), ...theirs.keys()])) {
    if (mineChanged.has(key) && theirsChanged.has(key)) {
      if (same(mine.get(key), theirs.get(key))) merged.set(key, theirs.get(key));
      else conflicts.push(key);
    } else if (mineChanged.has(key)) merged.set(key, mine.get(key));
    else merged.set(key, theirs.get(key));
  }
  return { merged, conflicts };
}

/** The merged section order: theirs, with my additions placed after their predecessor in my version. */
function mergeOrder(base: string[], mine: string[], theirs: string[], present: Set<string>): string[] | null {
  const baseSet = new Set(base);
  const mineMoved = !same(sharedOrder(mine, baseSet), sharedOrder(base, new Set(mine)));
  const theirsMoved = !same(sharedOrder(theirs, baseSet), sharedOrder(base, new Set(theirs)));
  if (mineMoved && theirsMoved) return null;
  const [primary, secondary] = mineMoved ? [mine, theirs] : [theirs, mine];
  const order = primary.filter((id) => present.has(id));
  secondary.forEach((id, index) => {
    if (!present.has(id) || order.includes(id)) return;
    // Place it after the nearest preceding section that is already placed.
    let anchor = -1;
    for (let i = index - 1; i >= 0 && anchor < 0; i--) anchor = order.indexOf(secondary[i]);
    order.splice(anchor + 1, 0, id);
  });
  return order;
}

/** Merges `mine` and `theirs`, both based on `base`. */
export function mergeContent(base: ArticleContent, mine: ArticleContent, theirs: ArticleContent): MergeResult {
  const sections = mergeKeyed(
    keyed(base.sections, (s) => s.id),
    keyed(mine.sections, (s) => s.id),
    keyed(theirs.sections, (s) => s.id),
  );
  const references = mergeKeyed(
    keyed(base.references, (r) => r.key),
    keyed(mine.references, (r) => r.key),
    keyed(theirs.references, (r) => r.key),
  );
  const infoboxMine = !same(base.infobox, mine.infobox);
  const infoboxTheirs = !same(base.infobox, theirs.infobox);
  const infoboxConflict = infoboxMine && infoboxTheirs && !same(mine.infobox, theirs.infobox);
  const present = new Set([...sections.merged].filter(([, section]) => section !== undefined).map(([id]) => id));
  const order = mergeOrder(
    base.sections.map((s) => s.id),
    mine.sections.map((s) => s.id),
    theirs.sections.map((s) => s.id),
    present,
  );
  const orderConflict = order === null ? mine.sections.map((s) => s.id).filter((id) => present.has(id)) : [];
  if (sections.conflicts.length || references.conflicts.length || infoboxConflict || orderConflict.length) {
    return {
      ok: false,
      conflict: {
        sectionIds: [...new Set([...sections.conflicts, ...orderConflict])],
        referenceKeys: references.conflicts,
        infobox: infoboxConflict,
      },
    };
  }
  const merged = {
    title: theirs.title,
    infobox: infoboxMine ? mine.infobox : theirs.infobox,
    sections: order!.map((id) => sections.merged.get(id) as Section),
  };
  // A side "removes" a reference only because it stopped citing it; if the
  // merged text still cites it (the other side does), it stays.
  const referenceMaps = [theirs, mine, base].map((side) => keyed(side.references, (r) => r.key));
  const referenceList: Reference[] = [...references.merged.values()].filter(
    (reference): reference is Reference => reference !== undefined,
  );
  const listed = new Set(referenceList.map((reference) => reference.key));
  for (const key of citedReferenceKeys(merged)) {
    const restored = listed.has(key) ? undefined : referenceMaps.map((map) => map.get(key)).find(Boolean);
    if (restored) referenceList.push(restored);
  }
  return { ok: true, content: pruneUncitedReferences({ ...merged, references: referenceList }) };
}

/** Ids of sections that differ between two revisions (added, removed or changed). */
export function changedSectionIds(from: ArticleContent, to: ArticleContent): string[] {
  return [
    ...changedKeys(
      keyed(from.sections, (s) => s.id),
      keyed(to.sections, (s) => s.id),
    ),
  ];
}
