import type { TEditRequest } from "@/lib/contracts/articles";
import type { ArticleContent, DocJSON, Infobox, InfoboxRow, Reference, Section } from "@/lib/document/model";
import type { StoredDraft } from "./use-draft";
import {
  docFromSections,
  editsInfobox,
  infoboxDocs,
  referencesCitedBy,
  replaceSection,
  reuseUnchanged,
  sameDoc,
  sectionsFromDoc,
  type EditScope,
} from "./sections";

/** Everything the user is editing, apart from the text of the main editor. */
export interface DraftParts {
  doc: DocJSON;
  /** every reference known to the draft (the article's and new ones), edited ones included */
  references: Reference[];
  infobox: Infobox | null;
}

/** The draft as the server would store it, plus the sections the editor produced. */
export interface ComposedDraft {
  /** the sections produced by the editor (all of them in whole mode, the replacement in section mode) */
  sections: Section[];
  /** the full article with the draft applied (for preview, diff and a whole-article save) */
  content: ArticleContent;
  problems: string[];
}

/** Whether two references are the same, field by field. */
export function sameReference(a: Reference | undefined, b: Reference | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function sameRow(a: InfoboxRow, b: InfoboxRow): boolean {
  if (a.kind !== b.kind || a.label !== b.label) return false;
  if (a.kind === "field" && b.kind === "field") return sameDoc(a.value, b.value);
  if (a.kind === "sides" && b.kind === "sides")
    return (
      a.sides.length === b.sides.length &&
      a.sides.every((side, i) => sameDoc(side, b.sides[i])) &&
      sameDoc(a.footer, b.footer)
    );
  return false;
}

/** Whether two infoboxes have the same content (rich text compared after normalization). */
export function sameInfobox(a: Infobox | null, b: Infobox | null): boolean {
  if (!a || !b) return a === b;
  const { rows: rowsA, partOf: partA, imageCaption: capA, ...restA } = a;
  const { rows: rowsB, partOf: partB, imageCaption: capB, ...restB } = b;
  return (
    JSON.stringify(restA) === JSON.stringify(restB) &&
    sameDoc(partA, partB) &&
    sameDoc(capA, capB) &&
    rowsA.length === rowsB.length &&
    rowsA.every((row, i) => sameRow(row, rowsB[i]))
  );
}

/** Applies the editor's state to the base article. */
export function composeDraft(base: ArticleContent, scope: EditScope, parts: DraftParts): ComposedDraft {
  const first =
    scope.kind === "whole" ? base.sections[0] : base.sections.find((section) => section.id === scope.sectionId)!;
  const foreignIds =
    scope.kind === "section"
      ? base.sections.filter((section) => section.id !== scope.sectionId).map((section) => section.id)
      : [];
  const split = sectionsFromDoc(parts.doc, { scope, first, foreignIds });
  const sections = reuseUnchanged(split.sections, base.sections);
  const allSections = scope.kind === "whole" ? sections : replaceSection(base.sections, scope.sectionId, sections);
  const infobox = editsInfobox(base, scope)
    ? sameInfobox(parts.infobox, base.infobox)
      ? base.infobox
      : parts.infobox
    : base.infobox;
  const pool = new Map(parts.references.map((reference) => [reference.key, reference]));
  const docs = [...infoboxDocs(infobox), ...allSections.map((section) => section.body)];
  // Existing references keep the article's order (the stored list is hashed as it is); new ones follow in citation order.
  const baseOrder = new Map(base.references.map((reference, index) => [reference.key, index]));
  const references = referencesCitedBy(docs, pool)
    .map((reference, index) => ({ reference, rank: baseOrder.get(reference.key) ?? base.references.length + index }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ reference }) => reference);
  return {
    sections,
    content: { title: base.title, sections: allSections, references, infobox },
    problems: split.problems,
  };
}

/** References of the draft that are new or differ from the base article's. */
export function changedReferences(base: ArticleContent, draft: ArticleContent): Reference[] {
  const old = new Map(base.references.map((reference) => [reference.key, reference]));
  return draft.references.filter((reference) => !sameReference(old.get(reference.key), reference));
}

/** The body of `POST /api/articles/{slug}/edits` for this draft (lib/contracts/articles.ts). */
export function editRequest(options: {
  base: ArticleContent;
  scope: EditScope;
  draft: ComposedDraft;
  baseRevisionId: number | null;
  summary: string;
  minor: boolean;
}): TEditRequest {
  const { base, scope, draft, baseRevisionId, summary, minor } = options;
  const common = { baseRevisionId, summary: summary.trim(), minor };
  if (scope.kind === "section") {
    return {
      ...common,
      sectionEdit: { sectionId: scope.sectionId, sections: draft.sections },
      references: changedReferences(base, draft.content),
      // Editing the lead edits the infobox too; sent only when it changed, so a concurrent infobox edit is not undone.
      ...(editsInfobox(base, scope) && draft.content.infobox !== base.infobox
        ? { infobox: draft.content.infobox }
        : {}),
    };
  }
  const { title, sections, references, infobox } = draft.content;
  return {
    ...common,
    ...(baseRevisionId === null ? { title } : {}),
    content: { title, sections, references, infobox },
  };
}

/** A section editor's stored draft, as found by the whole-article editor. */
export interface SectionDraft {
  sectionId: string;
  draft: StoredDraft;
}

/** What carrying section drafts into the whole article gives: the whole draft, and which sections went in. */
export interface CarriedDrafts {
  draft: StoredDraft;
  /** section ids whose drafts are now in `draft` (their own copies may go) */
  carried: string[];
  /** section ids whose drafts could not be carried (another base revision, or the section changed in the whole draft) */
  kept: string[];
}

function sameSection(a: Section, b: Section): boolean {
  return a.title === b.title && a.level === b.level && sameDoc(a.body, b.body);
}

/**
 * Switching from a section editor to the whole article must not drop what was
 * typed (issue 19): the section drafts made on the same revision are put into
 * the whole-article draft (`whole`, or the article itself), each in place of
 * its section. A section the whole draft changed too is left alone (its draft
 * is kept for its own editor), so nothing typed anywhere is overwritten.
 * Null when there is nothing to carry.
 */
export function carrySectionDrafts(options: {
  content: ArticleContent;
  baseRevisionId: number | null;
  whole: StoredDraft | null;
  sections: SectionDraft[];
  now?: Date;
}): CarriedDrafts | null {
  const { content, baseRevisionId, whole } = options;
  const lead = content.sections[0];
  if (!lead) return null;
  let sections = whole
    ? reuseUnchanged(sectionsFromDoc(whole.doc, { scope: { kind: "whole" }, first: lead }).sections, content.sections)
    : content.sections;
  let references = whole?.references ?? [];
  const summaries = whole?.summary ? [whole.summary] : [];
  let minor = whole?.minor ?? true;
  let infobox = whole?.infobox ?? null;
  const carried: string[] = [];
  const kept: string[] = [];
  for (const { sectionId, draft } of options.sections) {
    const original = content.sections.find((section) => section.id === sectionId);
    const current = sections.find((section) => section.id === sectionId);
    if (draft.baseRevisionId !== baseRevisionId || !original || !current || !sameSection(original, current)) {
      kept.push(sectionId);
      continue;
    }
    const foreignIds = sections.filter((section) => section.id !== sectionId).map((section) => section.id);
    const split = sectionsFromDoc(draft.doc, { scope: { kind: "section", sectionId }, first: original, foreignIds });
    sections = replaceSection(sections, sectionId, split.sections);
    const byKey = new Map(references.map((reference) => [reference.key, reference]));
    for (const reference of draft.references) byKey.set(reference.key, reference);
    references = [...byKey.values()];
    // A lead draft may carry an infobox; the whole draft's own infobox change wins (it is the later editor's).
    if (draft.infobox && editsInfobox(content, { kind: "section", sectionId }) && !infobox) infobox = draft.infobox;
    if (draft.summary.trim() && !summaries.includes(draft.summary.trim())) summaries.push(draft.summary.trim());
    minor &&= draft.minor;
    carried.push(sectionId);
  }
  if (carried.length === 0) return null;
  return {
    draft: {
      version: 1,
      savedAt: (options.now ?? new Date()).toISOString(),
      baseRevisionId,
      doc: docFromSections(sections),
      references,
      infobox,
      summary: summaries.join("; ").slice(0, 500),
      minor,
    },
    carried,
    kept,
  };
}
