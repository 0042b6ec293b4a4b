import type { ArticleContent, DocJSON } from "../document/model";
import { citedReferenceKeys } from "../document/prune";
import type { BlockPart } from "./block-parts";

/**
 * A part of a proposal a reviewer accepts or declines on its own. A block
 * part is one changed block of a changed section, `id` "history/p3"
 * (block-parts.ts); declining its section declines it too.
 */
export interface ProposalPart {
  kind: "section" | "reference" | "infobox" | "block";
  id: string;
}

/**
 * Accepting `dependant` needs `dependency` accepted too. `cites`: the
 * dependant (a section or the infobox) cites a reference the proposal adds or
 * changes, so publishing it without that reference would cite nothing or the
 * old source. `uncites`: the dependant is a reference the proposal removes,
 * and removing it needs the change to the section (or infobox) that stops
 * citing it; otherwise the kept text would cite a reference that is gone.
 * `within`: the dependant is a block of the dependency (a section), so
 * declining the section declines the block. In a section split into blocks,
 * the blocks, not the section, cite and uncite.
 */
export interface PartDependency {
  dependant: ProposalPart;
  dependency: ProposalPart;
  via: "cites" | "uncites" | "within";
}

/** The changed blocks of sections split into block parts, by section id (blockPlans). */
export type BlockPartsBySection = Map<string, { parts: Array<Pick<BlockPart, "id" | "from" | "to" | "label">> }>;

/** The parts a proposal version changes (as stored on the version). */
export interface ChangedParts {
  sections: string[];
  references: string[];
  infobox: boolean;
}

/** The key a part goes by in sets of accepted or declined parts. */
export const partKey = (part: ProposalPart) => `${part.kind}:${part.id}`;

const INFOBOX: ProposalPart = { kind: "infobox", id: "infobox" };

/**
 * Every dependency between the changed parts of a proposal (see
 * PartDependency), in a stable order: sections in proposal order, then the
 * infobox. Pure.
 */
export function partDependencies(
  base: ArticleContent,
  proposed: ArticleContent,
  changed: ChangedParts,
  blocks: BlockPartsBySection = new Map(),
): PartDependency[] {
  const changedReferences = new Set(changed.references);
  const proposedKeys = new Set(proposed.references.map((reference) => reference.key));
  const baseKeys = new Set(base.references.map((reference) => reference.key));
  const addedOrChanged = (key: string) => changedReferences.has(key) && proposedKeys.has(key);
  const removed = (key: string) => changedReferences.has(key) && !proposedKeys.has(key) && baseKeys.has(key);
  const dependencies: PartDependency[] = [];
  const relate = (
    part: ProposalPart,
    before: Pick<ArticleContent, "infobox" | "sections"> | null,
    after: Pick<ArticleContent, "infobox" | "sections"> | null,
  ) => {
    const citedAfter = after ? citedReferenceKeys(after) : new Set<string>();
    for (const key of citedAfter)
      if (addedOrChanged(key))
        dependencies.push({ dependant: part, dependency: { kind: "reference", id: key }, via: "cites" });
    const citedBefore = before ? citedReferenceKeys(before) : new Set<string>();
    for (const key of citedBefore)
      if (removed(key) && !citedAfter.has(key))
        dependencies.push({ dependant: { kind: "reference", id: key }, dependency: part, via: "uncites" });
  };
  const baseSections = new Map(base.sections.map((section) => [section.id, section]));
  const proposedSections = new Map(proposed.sections.map((section) => [section.id, section]));
  const changedSections = new Set(changed.sections);
  const order = [
    ...proposed.sections.map((section) => section.id),
    ...base.sections.map((section) => section.id).filter((id) => !proposedSections.has(id)),
  ];
  for (const id of order) {
    if (!changedSections.has(id)) continue;
    const before = baseSections.get(id);
    const after = proposedSections.get(id);
    const split = blocks.get(id);
    if (split) {
      const part = { kind: "section" as const, id };
      const asSection = (block: DocJSON | null) =>
        block
          ? { infobox: null, sections: [{ id, title: "", level: 2 as const, body: { type: "doc", content: [block] } }] }
          : null;
      for (const block of split.parts) {
        const blockPart = { kind: "block" as const, id: `${id}/${block.id}` };
        dependencies.push({ dependant: blockPart, dependency: part, via: "within" });
        relate(blockPart, asSection(block.from), asSection(block.to));
      }
      continue;
    }
    relate(
      { kind: "section", id },
      before ? { infobox: null, sections: [before] } : null,
      after ? { infobox: null, sections: [after] } : null,
    );
  }
  if (changed.infobox)
    relate(INFOBOX, { infobox: base.infobox, sections: [] }, { infobox: proposed.infobox, sections: [] });
  return dependencies;
}

/**
 * The declined parts with the blocks of declined sections added: a reviewer
 * who declines a section declines its blocks without naming them. Pure.
 */
export function withDeclinedBlocks(dependencies: PartDependency[], declined: Set<string>): Set<string> {
  const all = new Set(declined);
  for (const edge of dependencies)
    if (edge.via === "within" && declined.has(partKey(edge.dependency))) all.add(partKey(edge.dependant));
  return all;
}

/** The dependencies a reviewer's choice breaks: an accepted part that needs a declined one. Pure. */
export function brokenDependencies(dependencies: PartDependency[], declined: Set<string>): PartDependency[] {
  return dependencies.filter(
    (edge) => !declined.has(partKey(edge.dependant)) && declined.has(partKey(edge.dependency)),
  );
}

/**
 * The parts that must be declined along with `part` so that no accepted part
 * needs a declined one: everything that depends on it, transitively, the
 * part itself included. Pure.
 */
export function declinedWithDependants(dependencies: PartDependency[], part: ProposalPart): ProposalPart[] {
  const found = new Map([[partKey(part), part]]);
  const queue = [part];
  while (queue.length) {
    const current = partKey(queue.shift()!);
    for (const edge of dependencies) {
      if (partKey(edge.dependency) !== current || found.has(partKey(edge.dependant))) continue;
      found.set(partKey(edge.dependant), edge.dependant);
      queue.push(edge.dependant);
    }
  }
  return [...found.values()];
}

/**
 * The parts that must be accepted along with `part` so that it does not need
 * a declined one: everything it depends on, transitively, itself included. Pure.
 */
export function acceptedWithDependencies(dependencies: PartDependency[], part: ProposalPart): ProposalPart[] {
  const reversed = dependencies.map((edge) => ({ ...edge, dependant: edge.dependency, dependency: edge.dependant }));
  return declinedWithDependants(reversed, part);
}

/**
 * How a reviewer reads a part: "section ‘Background’", "reference ‘smith2024’",
 * "the infobox", "new paragraph 3 of section ‘Background’". Pure.
 */
export function describePart(
  part: ProposalPart,
  base: ArticleContent,
  proposed: ArticleContent,
  blocks: BlockPartsBySection = new Map(),
): string {
  if (part.kind === "infobox") return "the infobox";
  if (part.kind === "reference") return `reference ‘${part.id}’`;
  if (part.kind === "block") {
    const [sectionId, blockId] = splitBlockId(part.id);
    const label = blocks.get(sectionId)?.parts.find((block) => block.id === blockId)?.label ?? `block ${blockId}`;
    return `${label} of ${describePart({ kind: "section", id: sectionId }, base, proposed)}`;
  }
  const section = proposed.sections.find((s) => s.id === part.id) ?? base.sections.find((s) => s.id === part.id);
  return section?.title
    ? `section ‘${section.title}’`
    : part.id === "lead" || section?.level === 0
      ? "the lead"
      : `section ${part.id}`;
}

/** The sentence telling a reviewer why a choice cannot stand and how to fix it. Pure. */
export function explainBrokenDependency(edge: PartDependency, describe: (part: ProposalPart) => string): string {
  const dependant = describe(edge.dependant);
  const dependency = describe(edge.dependency);
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  if (edge.via === "within") return `${capital(dependant)} is part of ${dependency}, which you declined.`;
  if (edge.via === "cites")
    return `${capital(dependant)} cites ${dependency}, which you declined: decline ${edge.dependant.kind === "infobox" ? "the infobox change" : edge.dependant.kind === "block" ? "it" : "the section"} too or accept the reference.`;
  return `Removing ${dependant} needs the change to ${dependency} (which stops citing it), which you declined: decline the removal of ${dependant} too or accept the change to ${dependency}.`;
}

/** The section id and the block's own id of a block part's id ("history/p3"). Pure. */
export function splitBlockId(id: string): [string, string] {
  const slash = id.indexOf("/");
  return slash < 0 ? [id, ""] : [id.slice(0, slash), id.slice(slash + 1)];
}
