import canonicalize from "canonicalize";
import type { ArticleContent, Section } from "../document/model";
import { pruneUncitedReferences } from "../document/prune";

const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b);

/** The parts of an article a proposal changes against its base. Pure. */
export function touchedParts(
  base: ArticleContent,
  proposed: ArticleContent,
): { sections: string[]; references: string[]; infobox: boolean } {
  const baseSections = new Map(base.sections.map((section) => [section.id, section]));
  const proposedSections = new Map(proposed.sections.map((section) => [section.id, section]));
  const sections = new Set<string>();
  for (const [id, section] of proposedSections) if (!same(baseSections.get(id), section)) sections.add(id);
  for (const id of baseSections.keys()) if (!proposedSections.has(id)) sections.add(id);
  const baseOrder = base.sections.map((s) => s.id).filter((id) => proposedSections.has(id));
  const proposedOrder = proposed.sections.map((s) => s.id).filter((id) => baseSections.has(id));
  // A reordering touches every section whose place changed.
  baseOrder.forEach((id, index) => {
    if (proposedOrder[index] !== id) sections.add(id);
  });
  const baseReferences = new Map(base.references.map((reference) => [reference.key, reference]));
  const proposedReferences = new Map(proposed.references.map((reference) => [reference.key, reference]));
  const references = new Set<string>();
  for (const [key, reference] of proposedReferences) if (!same(baseReferences.get(key), reference)) references.add(key);
  for (const key of baseReferences.keys()) if (!proposedReferences.has(key)) references.add(key);
  return { sections: [...sections], references: [...references], infobox: !same(base.infobox, proposed.infobox) };
}

/**
 * The proposal with only the accepted parts applied to its base: accepted
 * sections take the proposed version (or are added / removed as proposed),
 * declined ones stay as in the base. Accepted references take the proposed
 * version, declined ones stay as in the base: a declined reference is never
 * published. References nothing in the result cites are pruned (so an accepted
 * new reference whose citing section was declined is simply left out). The
 * caller refuses choices where an accepted part needs a declined one first
 * (part-dependencies.ts), so the result cites nothing that is missing.
 * `merged` holds accepted sections some of whose blocks were declined
 * (block-parts.ts mergeSectionBlocks): they are published as merged. Pure.
 */
export function acceptedContent(
  base: ArticleContent,
  proposed: ArticleContent,
  accept: { sections: Set<string>; references: Set<string>; infobox: boolean; merged?: Map<string, Section> },
): ArticleContent {
  const proposedById = new Map(proposed.sections.map((section) => [section.id, section]));
  const baseById = new Map(base.sections.map((section) => [section.id, section]));
  const order: string[] = [];
  for (const section of proposed.sections) {
    if (baseById.has(section.id) || accept.sections.has(section.id)) order.push(section.id);
  }
  // Sections the proposal removes stay unless their removal was accepted.
  base.sections.forEach((section, index) => {
    if (proposedById.has(section.id) || accept.sections.has(section.id)) return;
    let anchor = -1;
    for (let k = index - 1; k >= 0 && anchor < 0; k--) anchor = order.indexOf(base.sections[k].id);
    order.splice(anchor + 1, 0, section.id);
  });
  const sections = order.map((id) =>
    accept.sections.has(id)
      ? (accept.merged?.get(id) ?? proposedById.get(id) ?? baseById.get(id)!)
      : (baseById.get(id) ?? proposedById.get(id)!),
  );
  const infobox = accept.infobox ? proposed.infobox : base.infobox;
  const merged = { title: base.title, infobox, sections };
  const references = new Map(base.references.map((reference) => [reference.key, reference]));
  const proposedReferences = new Map(proposed.references.map((reference) => [reference.key, reference]));
  for (const key of accept.references) {
    const reference = proposedReferences.get(key);
    if (reference) references.set(key, reference);
    else references.delete(key);
  }
  return pruneUncitedReferences({ ...merged, references: [...references.values()] });
}

/**
 * The proposal moved onto a newer revision for its author to resolve: where
 * the article changed in the same places, the author's version is kept (they
 * compare it with the current text and merge by hand); everything else comes
 * from the newer revision. Pure.
 */
export function rebaseKeepingMine(
  base: ArticleContent,
  mine: ArticleContent,
  theirs: ArticleContent,
  merge: (
    base: ArticleContent,
    mine: ArticleContent,
    theirs: ArticleContent,
  ) =>
    | { ok: true; content: ArticleContent }
    | { ok: false; conflict: { sectionIds: string[]; referenceKeys: string[]; infobox: boolean } },
): { content: ArticleContent; conflictingSections: string[] } {
  const first = merge(base, mine, theirs);
  if (first.ok) return { content: first.content, conflictingSections: [] };
  const { sectionIds, referenceKeys, infobox } = first.conflict;
  const baseSections = new Map(base.sections.map((section) => [section.id, section]));
  const baseReferences = new Map(base.references.map((reference) => [reference.key, reference]));
  // Pretend the other side left the contested parts alone, so that mine wins there.
  const softened: ArticleContent = {
    ...theirs,
    infobox: infobox ? base.infobox : theirs.infobox,
    sections: theirs.sections.map((section) =>
      sectionIds.includes(section.id) && baseSections.has(section.id) ? baseSections.get(section.id)! : section,
    ),
    references: theirs.references.map((reference) =>
      referenceKeys.includes(reference.key) && baseReferences.has(reference.key)
        ? baseReferences.get(reference.key)!
        : reference,
    ),
  };
  const second = merge(base, mine, softened);
  return { content: second.ok ? second.content : mine, conflictingSections: sectionIds };
}
