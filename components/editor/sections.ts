import { REF_KEY_PATTERN } from "@/lib/document/extensions/citation";
import type { ArticleContent, DocJSON, Reference, Section } from "@/lib/document/model";
import { SECTION_ID_PATTERN } from "@/lib/document/ids";
import { documentSchema } from "@/lib/document/schema";
import { walkArticleDocs, walkDoc } from "@/lib/document/walk";

/**
 * Conversion between an article's sections and the one document the editor
 * edits (a heading carrying `sectionId` opens each section), and the small
 * pure helpers around it. No React, no DOM: unit-tested beside this file.
 */

/** What the editor edits: the whole article, or one section (by id). */
export type EditScope = { kind: "whole" } | { kind: "section"; sectionId: string };

/**
 * Whether the scope edits the infobox too: the whole article, or the lead
 * (the infobox stands beside the lead on the page, so editing the lead is
 * where one expects to change it).
 */
export function editsInfobox(content: Pick<ArticleContent, "sections">, scope: EditScope): boolean {
  return scope.kind === "whole" || (content.sections[0]?.id === scope.sectionId && content.sections[0]?.level === 0);
}

/** The body of an empty section. */
export function emptyBody(): DocJSON {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

/** A fresh section id, `sec-` and 8 random base-36 characters. */
export function randomSectionId(random: () => number = Math.random): string {
  let id = "";
  while (id.length < 8) id += Math.floor(random() * 36).toString(36);
  return `sec-${id}`;
}

/** A document in ProseMirror's own JSON form, so two spellings of the same content compare equal. */
export function normalizeDoc(doc: DocJSON): DocJSON {
  try {
    return documentSchema.nodeFromJSON(doc).toJSON() as DocJSON;
  } catch {
    return doc;
  }
}

/** Whether two documents have the same content (after normalization). */
export function sameDoc(a: DocJSON | undefined, b: DocJSON | undefined): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify(normalizeDoc(a)) === JSON.stringify(normalizeDoc(b));
}

function headingOf(section: Section): DocJSON {
  return {
    type: "heading",
    attrs: { level: section.level, sectionId: section.id },
    content: section.title ? [{ type: "text", text: section.title }] : [],
  };
}

/** The editor document of `sections`: each non-lead section opens with its heading, then its body blocks. */
export function docFromSections(sections: Section[]): DocJSON {
  const content: DocJSON[] = [];
  for (const section of sections) {
    if (section.level > 0) content.push(headingOf(section));
    content.push(...(section.body.content ?? []));
  }
  return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
}

/** The plain text of a node's inline content (a heading's title). */
export function inlineText(node: DocJSON): string {
  let text = "";
  walkDoc(node, (child) => {
    if (child.type === "text") text += child.text ?? "";
  });
  return text.replace(/\s+/g, " ").trim();
}

function isEmptyBlocks(blocks: DocJSON[]): boolean {
  return blocks.every((block) => block.type === "paragraph" && !(block.content ?? []).length);
}

/** Options of `sectionsFromDoc`. */
export interface SplitOptions {
  scope: EditScope;
  /** the section the editing started from: the lead in whole mode, the edited one in section mode */
  first: Section;
  /** ids that must not appear in this document (other sections of the article in section mode) */
  foreignIds?: Iterable<string>;
  random?: () => number;
}

/** Sections split from the editor document, with problems that would make the server refuse them. */
export interface SplitResult {
  sections: Section[];
  problems: string[];
}

/**
 * Splits the editor document back into sections at its headings. A heading
 * keeps its `sectionId`; a new, duplicated (pasted) or foreign one gets a new
 * id. Content before the first heading is the lead in whole mode, or the
 * edited section's own body in section mode (dropped there when empty and the
 * section is not the lead, since its heading then comes later).
 */
export function sectionsFromDoc(doc: DocJSON, options: SplitOptions): SplitResult {
  const { first, scope } = options;
  const blocks = doc.content ?? [];
  const used = new Set<string>();
  const foreign = new Set(options.foreignIds ?? []);
  const fresh = () => {
    let id = randomSectionId(options.random);
    // A poor random source must not loop forever: fall back to a counter suffix.
    for (let attempt = 1; used.has(id) || foreign.has(id); attempt++)
      id = attempt < 20 ? randomSectionId(options.random) : `${id.slice(0, 12)}${attempt.toString(36)}`;
    return id;
  };
  const sections: Section[] = [];
  const problems: string[] = [];
  let index = 0;
  const before: DocJSON[] = [];
  while (index < blocks.length && blocks[index].type !== "heading") before.push(blocks[index++]);

  const keepFirst = scope.kind === "whole" || first.level === 0 || !isEmptyBlocks(before) || index === blocks.length;
  if (keepFirst) {
    used.add(first.id);
    sections.push({
      ...first,
      body: before.length && !isEmptyBlocks(before) ? { type: "doc", content: before } : emptyBody(),
    });
  }

  while (index < blocks.length) {
    const heading = blocks[index++];
    const body: DocJSON[] = [];
    while (index < blocks.length && blocks[index].type !== "heading") body.push(blocks[index++]);
    const wanted = heading.attrs?.sectionId;
    const id =
      typeof wanted === "string" && SECTION_ID_PATTERN.test(wanted) && !used.has(wanted) && !foreign.has(wanted)
        ? wanted
        : fresh();
    used.add(id);
    const level = [2, 3, 4].includes(Number(heading.attrs?.level)) ? (Number(heading.attrs?.level) as 2 | 3 | 4) : 2;
    const title = inlineText(heading);
    if (!title) problems.push("A section heading is empty: give it a title or turn it back into a paragraph.");
    sections.push({
      id,
      title,
      level,
      body: body.length && !isEmptyBlocks(body) ? { type: "doc", content: body } : emptyBody(),
    });
  }
  return { sections, problems: [...new Set(problems)] };
}

/** `sections` with each section that did not change replaced by the base's own object, so the server sees it untouched. */
export function reuseUnchanged(sections: Section[], base: Section[]): Section[] {
  const byId = new Map(base.map((section) => [section.id, section]));
  return sections.map((section) => {
    const old = byId.get(section.id);
    return old && old.title === section.title && old.level === section.level && sameDoc(old.body, section.body)
      ? old
      : section;
  });
}

/** The article's sections with the section `sectionId` replaced by `replacement`. */
export function replaceSection(sections: Section[], sectionId: string, replacement: Section[]): Section[] {
  const index = sections.findIndex((section) => section.id === sectionId);
  if (index < 0) return sections;
  return [...sections.slice(0, index), ...replacement, ...sections.slice(index + 1)];
}

/** Reference keys cited in `docs`, in order of first use (notes included, where they stand). */
export function citedKeys(docs: DocJSON[]): string[] {
  const keys = new Set<string>();
  for (const doc of docs) {
    walkDoc(doc, (node) => {
      if (node.type === "citation" && typeof node.attrs?.refKey === "string") keys.add(node.attrs.refKey);
    });
  }
  return [...keys];
}

/** How many times `docs` cite each reference key. */
export function citationCounts(docs: DocJSON[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    walkDoc(doc, (node) => {
      if (node.type === "citation" && typeof node.attrs?.refKey === "string")
        counts.set(node.attrs.refKey, (counts.get(node.attrs.refKey) ?? 0) + 1);
    });
  }
  return counts;
}

/** Number of notes in `docs`. */
export function countNotes(docs: DocJSON[]): number {
  let count = 0;
  for (const doc of docs) walkDoc(doc, (node) => void (node.type === "note" && count++));
  return count;
}

/**
 * What a reader meets before section `sectionId`: the keys of existing
 * references in order of first citation (infobox first, then the earlier
 * sections) and the number of notes, so the section editor numbers as the page does.
 */
export function citationsBefore(content: ArticleContent, sectionId: string): { keys: string[]; notes: number } {
  const index = content.sections.findIndex((section) => section.id === sectionId);
  const known = new Set(content.references.map((reference) => reference.key));
  const docs: DocJSON[] = [];
  walkArticleDocs(
    { infobox: content.infobox, sections: content.sections.slice(0, Math.max(index, 0)) },
    (doc) => void docs.push(doc),
  );
  return { keys: citedKeys(docs).filter((key) => known.has(key)), notes: countNotes(docs) };
}

/** Every rich-text document of an infobox, in reading order. */
export function infoboxDocs(infobox: ArticleContent["infobox"]): DocJSON[] {
  const docs: DocJSON[] = [];
  if (infobox) walkArticleDocs({ infobox, sections: [] }, (doc) => void docs.push(doc));
  return docs;
}

/** A readable reference key made from a title, unique among `taken`. */
export function referenceKeyFor(title: string, taken: Set<string>): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  const base = slug && REF_KEY_PATTERN.test(slug) ? slug : "ref";
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** The references the content cites, taken from `pool` (the draft's references by key), in first-cited order. */
export function referencesCitedBy(docs: DocJSON[], pool: Map<string, Reference>): Reference[] {
  return citedKeys(docs).flatMap((key) => (pool.has(key) ? [pool.get(key)!] : []));
}
