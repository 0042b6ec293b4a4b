import "server-only";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import type { ArticleContent } from "../document/model";
import { WikiError } from "../errors";
import { commitRevision, type CommitOutcome } from "./commit-on-head";
import { loadContent } from "./content-store";
import type { TEditConflictDetails, TEditRequestParsed } from "../contracts/articles";
import { assertEditSize, buildEditedContent } from "./edit-request";
import { findRevisionRow } from "./read-article";

/** What saving an edit did (a user who may only propose gets a proposal instead: lib/editing). */
export type SavedEdit =
  | { status: "saved"; revisionId: number; parentId: number | null; summary: string; mergedWith: number | null }
  | { status: "unchanged"; revisionId: number };

/** The article an edit is made on, as read before it. */
export interface EditedArticle {
  id: number;
  slug: string;
  currentRevisionId: number;
}

/**
 * An edit request worked out on the revision it names as its base: the base's
 * content and the content the request makes of it (400 when the base is not a
 * revision of this article, 409 when the request would create an article that
 * exists, 413 when the result is too large).
 */
export async function readEdit(options: {
  article: EditedArticle;
  request: TEditRequestParsed;
  db?: Db;
}): Promise<{ base: { revisionId: number; content: ArticleContent }; mine: ArticleContent }> {
  const { article, request } = options;
  if (request.baseRevisionId === null)
    throw new WikiError("conflict", "This article already exists; start your edit from its current revision.", {
      currentRevisionId: article.currentRevisionId,
    });
  const revision = await findRevisionRow(options.db ?? getDb(), request.baseRevisionId);
  if (!revision || revision.articleId !== article.id)
    throw new WikiError("bad_request", `Revision ${request.baseRevisionId} is not a revision of this article.`);
  const base = await loadContent(options.db ?? getDb(), revision);
  const mine = buildEditedContent(base, request);
  assertEditSize(mine);
  return { base: { revisionId: request.baseRevisionId, content: base }, mine };
}

/**
 * Saves an edit by a user allowed to edit (authorization is the caller's).
 * Based on an older revision, it is merged section by section with what
 * changed since; when the same section, reference or the infobox changed on
 * both sides, it is refused with 409 and both versions, so nothing typed is
 * lost.
 */
export async function saveEdit(options: {
  editor: Actor;
  article: EditedArticle;
  base: { revisionId: number; content: ArticleContent };
  mine: ArticleContent;
  request: TEditRequestParsed;
  db?: Db;
}): Promise<SavedEdit> {
  const { request } = options;
  const committed = await commitRevision(options.db ?? getDb(), {
    article: options.article,
    base: options.base,
    content: options.mine,
    meta: { authorId: options.editor.id, summary: request.summary, minor: request.minor, autoWatch: true },
    onMovedHead: "merge",
    labelMerge: true,
  });
  switch (committed.status) {
    case "saved":
      return {
        status: "saved",
        revisionId: committed.revisionId,
        parentId: committed.parentId,
        summary: committed.summary,
        mergedWith: committed.mergedWith,
      };
    case "unchanged":
      return committed;
    default:
      throw editConflict(committed, options.mine);
  }
}

/** The 409 for an edit that cannot land: the parts changed on both sides, and both versions. */
function editConflict(
  outcome: Exclude<CommitOutcome, { status: "saved" | "unchanged" }>,
  mine: ArticleContent,
): WikiError {
  // An edit merges, so its head never comes back "moved"; kept for the type's sake.
  if (outcome.status === "moved")
    return new WikiError("conflict", "The article was changed since your edit began; try saving again.");
  const { conflict, theirs } = outcome;
  const details: TEditConflictDetails = {
    currentRevisionId: outcome.currentRevisionId,
    conflictingSectionIds: conflict.sectionIds,
    conflictingReferenceKeys: conflict.referenceKeys,
    infoboxConflict: conflict.infobox,
    theirs,
    yours: mine,
  };
  const titleOf = (id: string) =>
    theirs.sections.find((s) => s.id === id)?.title || mine.sections.find((s) => s.id === id)?.title || id;
  const what = [
    conflict.sectionIds.length
      ? `section${conflict.sectionIds.length > 1 ? "s" : ""} ${conflict.sectionIds.map((id) => `“${titleOf(id)}”`).join(", ")}`
      : null,
    conflict.referenceKeys.length
      ? `reference${conflict.referenceKeys.length > 1 ? "s" : ""} ${conflict.referenceKeys.join(", ")}`
      : null,
    conflict.infobox ? "the infobox" : null,
  ].filter(Boolean);
  return new WikiError(
    "conflict",
    `Someone else changed ${what.join(" and ")} since you started editing. Both versions are shown so you can merge them; your text is kept.`,
    details,
  );
}
