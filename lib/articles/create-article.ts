import "server-only";
import { authorize } from "../authz/assert";
import type { Actor } from "../authz/policy";
import { getDb, type Db, type Tx } from "../db/client";
import { WikiError } from "../errors";
import {
  appendRevisions,
  checkContent,
  isTransactionConflict,
  type RevisionMeta,
  type RevisionToAppend,
  SAVE_TRANSACTION_LIMITS,
} from "./commit-on-head";
import type { TEditRequestParsed } from "../contracts/articles";
import { touchArticlesLinkingTo } from "./links";
import { assertNoBlacklistedLinks } from "../sources/check-sources";
import { missingArticle } from "./read-article";
import { assertEditSize, buildNewArticleContent } from "./edit-request";
import type { SavedEdit } from "./edit-article";
import { normalizeTitle, slugOfTitle, titleOfSlug, titleProblem, titleSkeleton } from "./titles";

/**
 * Creates the article at `slug` from an edit request (any signed-in user who
 * is not blocked): its title from the request or the address, refused when it
 * is malformed, names another address, or looks like an existing title.
 */
export async function createArticle(options: {
  actor: Actor | null;
  slug: string;
  request: TEditRequestParsed;
  db?: Db;
}): Promise<SavedEdit> {
  const creator = authorize(options.actor, "create");
  const { request, slug } = options;
  // An edit of an article that is not there (deleted, moved): say which.
  if (request.baseRevisionId !== null) throw await missingArticle(options.db ?? getDb(), slug);
  const title = normalizeTitle(request.title ?? titleOfSlug(slug));
  const problem = titleProblem(title);
  if (problem) throw new WikiError("bad_request", problem);
  if (slugOfTitle(title) !== slug)
    throw new WikiError("bad_request", `The title "${title}" does not match the address /wiki/${slug}.`);
  const content = buildNewArticleContent(title, request);
  assertEditSize(content);
  await assertNoBlacklistedLinks(options.db ?? getDb(), null, content);
  const saved = await commitFirstRevision(options.db ?? getDb(), {
    slug,
    content,
    meta: { authorId: creator.id, summary: request.summary, minor: request.minor, autoWatch: true },
  });
  return { status: "saved", revisionId: saved.revisionId, parentId: null, summary: request.summary, mergedWith: null };
}

/**
 * The article row and its first revision, in one transaction. Two creations
 * of one article race on its unique slug, a look-alike created at the same
 * moment on the unique title skeleton: the loser gets a 409.
 */
export async function commitFirstRevision(
  db: Db,
  article: { slug: string; content: unknown; meta: RevisionMeta },
): Promise<{ revisionId: number; articleId: number; bytesWritten: number }> {
  const checked = checkContent(article.slug, article.content);
  const created = await commitNewArticle(db, { slug: article.slug, revisions: [{ checked, meta: article.meta }] });
  return { revisionId: created.revisionIds[0], articleId: created.articleId, bytesWritten: created.bytesWritten };
}

/**
 * `commitFirstRevision` with a history: the article row and a chain of
 * revisions (the first one creates it; a dump's page, lib/articles/import-dump.ts),
 * checked by `checkContent` already, in one transaction with what
 * `alsoInTransaction` writes (an import's record of what it imported).
 */
export async function commitNewArticle(
  db: Db,
  article: {
    slug: string;
    revisions: RevisionToAppend[];
    alsoInTransaction?: (tx: Tx, saved: { articleId: number; revisionIds: number[] }) => Promise<void>;
  },
): Promise<{ revisionIds: number[]; articleId: number; bytesWritten: number }> {
  const title = article.revisions[0].checked.content.title;
  try {
    return await db.$transaction(async (tx: Tx) => {
      const existing = await tx.article.findUnique({
        where: { slug: article.slug },
        select: { currentRevisionId: true, title: true, deletedAt: true },
      });
      // A deleted article keeps its title (an administrator may restore it): no new article takes it meanwhile.
      if (existing?.deletedAt)
        throw new WikiError(
          "conflict",
          `The article “${existing.title}” was deleted; an administrator can restore it, but it cannot be started again.`,
          { deleted: true },
        );
      if (existing)
        throw new WikiError("conflict", "The article was created since your edit began.", {
          currentRevisionId: existing.currentRevisionId,
        });
      const skeleton = titleSkeleton(title);
      const original = await tx.article.findUnique({ where: { titleSkeleton: skeleton }, select: { title: true } });
      if (original) {
        throw new WikiError("conflict", `The title "${title}" looks like the existing article '${original.title}'.`, {
          field: "title",
          original: original.title,
        });
      }
      const created = await tx.article.create({
        data: { slug: article.slug, title, titleSkeleton: skeleton },
        select: { id: true },
      });
      // An old title of a moved article gives way to the article created at it (lib/articles/move-article.ts).
      await tx.articleRedirect.deleteMany({ where: { slug: article.slug } });
      // Pages that link to the new title show it as a link from now on (lib/articles/links.ts).
      await touchArticlesLinkingTo(tx, article.slug);
      // Nothing else can have moved the head of a row this transaction just made.
      const appended = (await appendRevisions(tx, {
        articleId: created.id,
        headRevisionId: null,
        revisions: article.revisions,
      }))!;
      await article.alsoInTransaction?.(tx, { articleId: created.id, revisionIds: appended.revisionIds });
      return { ...appended, articleId: created.id };
    }, SAVE_TRANSACTION_LIMITS);
  } catch (error) {
    if (isTransactionConflict(error)) throw new WikiError("conflict", "The article was created since your edit began.");
    throw error;
  }
}
