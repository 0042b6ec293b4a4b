import { planCitations } from "../document/citations";
import type { RevisionView } from "./read-article";

/** A revision's metadata as the JSON API gives it. */
export function presentRevisionMeta(view: RevisionView) {
  return {
    id: view.revision.id,
    parentId: view.revision.parentId,
    createdAt: view.revision.createdAt.toISOString(),
    author: view.revision.author.name,
    approvedBy: view.revision.approvedBy?.name ?? null,
    summary: view.revision.summary,
    minor: view.revision.minor,
    tags: view.revision.tags ?? [],
    sizeBytes: view.revision.sizeBytes,
    schemaVersion: view.revision.schemaVersion,
    isCurrent: view.isCurrent,
  };
}

/** The JSON API's shape of a revision: metadata, protection, content and the derived notes list. */
export function presentRevision(view: RevisionView) {
  const plan = planCitations(view.content);
  return {
    article: { slug: view.article.slug, title: view.article.title, currentRevisionId: view.article.currentRevisionId },
    protection: {
      level: view.protection.level,
      expiresAt: view.protection.expiresAt?.toISOString() ?? null,
      reason: view.protection.reason,
    },
    revision: presentRevisionMeta(view),
    title: view.content.title,
    infobox: view.content.infobox,
    sections: view.content.sections,
    references: plan.references.map((entry) => ({
      number: entry.number,
      timesCited: entry.citationIds.length,
      ...entry.reference,
    })),
    notes: plan.notes.map((note) => ({ label: note.label, content: note.content })),
  };
}
