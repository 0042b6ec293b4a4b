import { diffArticles } from "@/lib/diff/article-diff";
import type { ArticleDiff } from "@/lib/diff/types";
import type { ArticleContent, DocJSON, Reference, Section } from "@/lib/document/model";
import { citationCounts, normalizeDoc } from "./sections";

/**
 * The model behind "Show changes" and the conflict panel's diff: the two
 * contents in one JSON spelling and their diff by the server's own engine.
 *
 * Why the spelling matters: the engine aligns blocks by their JSON text. The
 * article the editor starts from has come back from PostgreSQL (jsonb orders
 * keys by length: `text` before `type` before `marks`), the draft from
 * ProseMirror (`type`, `attrs`, `content`, `marks`, `text`). Compared as they
 * are, no block of an edited section matches, so every paragraph after an
 * insertion looked changed. Both sides of each edited section go through the
 * same schema first; the server compares two stored (jsonb) revisions, which
 * already agree.
 */
export interface ChangesModel {
  from: ArticleContent;
  to: ArticleContent;
  diff: ArticleDiff;
  /** citations the draft no longer has, per section, named by their reference */
  removedCitations: RemovedCitation[];
}

/** A citation of `reference` that a section had and the draft removed (`count` of its uses there). */
export interface RemovedCitation {
  sectionId: string;
  sectionTitle: string;
  refKey: string;
  reference: Reference | undefined;
  count: number;
}

function normalizedSection(section: Section): Section {
  return { ...section, body: normalizeDoc(section.body) };
}

/** `from` and `to` with every section whose body object differs written in ProseMirror's JSON spelling. */
export function sameSpelling(from: ArticleContent, to: ArticleContent): { from: ArticleContent; to: ArticleContent } {
  const fromById = new Map(from.sections.map((section) => [section.id, section]));
  const toById = new Map(to.sections.map((section) => [section.id, section]));
  // An untouched section is the very same object on both sides (the draft reuses it): leave it alone.
  const touched = (section: Section, other: Section | undefined) => !other || other.body !== section.body;
  return {
    from: {
      ...from,
      sections: from.sections.map((s) => (touched(s, toById.get(s.id)) ? normalizedSection(s) : s)),
    },
    to: { ...to, sections: to.sections.map((s) => (touched(s, fromById.get(s.id)) ? normalizedSection(s) : s)) },
  };
}

/** Citations each section of `from` has more of than the same section of `to` (a removed section loses all). */
export function removedCitations(from: ArticleContent, to: ArticleContent): RemovedCitation[] {
  const toById = new Map(to.sections.map((section) => [section.id, section]));
  const references = new Map(
    [...to.references, ...from.references].map((reference) => [reference.key, reference] as const),
  );
  const removed: RemovedCitation[] = [];
  for (const section of from.sections) {
    const after = toById.get(section.id);
    if (after && after.body === section.body) continue;
    const before = citationCounts([section.body]);
    const now = citationCounts(after ? [after.body] : ([] as DocJSON[]));
    for (const [refKey, count] of before) {
      const lost = count - (now.get(refKey) ?? 0);
      if (lost > 0)
        removed.push({
          sectionId: section.id,
          sectionTitle: section.title || "Lead",
          refKey,
          reference: references.get(refKey),
          count: lost,
        });
    }
  }
  return removed;
}

/** The diff of a draft against the revision it started from, as "Show changes" presents it. */
export function changesModel(base: ArticleContent, draft: ArticleContent): ChangesModel {
  const { from, to } = sameSpelling(base, draft);
  return { from, to, diff: diffArticles(from, to), removedCitations: removedCitations(from, to) };
}
