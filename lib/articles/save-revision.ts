import "server-only";
import { getDb, type Db } from "../db/client";
import type { ArticleContent } from "../document/model";
import { WikiError } from "../errors";
import { commitRevision, type RevisionMeta } from "./commit-on-head";
import { loadContent } from "./content-store";
import { commitFirstRevision } from "./create-article";

export { isTransactionConflict, SAVE_TRANSACTION_LIMITS } from "./commit-on-head";

export interface SaveRevisionOptions extends RevisionMeta {
  slug: string;
  /** the revision the content was based on; null when creating the article */
  baseRevisionId: number | null;
  content: unknown;
  db?: Db;
}

export type SaveRevisionResult =
  | { status: "saved"; revisionId: number; articleId: number; bytesWritten: number }
  | { status: "unchanged"; revisionId: number; articleId: number };

/**
 * Saves content as of `baseRevisionId`, for seeds, imports and tests, which
 * know exactly what they replace: no merge, a 409 if the head is no longer
 * the base. A save identical to its base makes no revision. Authorization is
 * the caller's; the edit, approval and revert use cases commit through
 * commit-on-head.ts the same way.
 */
export async function saveRevision(options: SaveRevisionOptions): Promise<SaveRevisionResult> {
  const { db = getDb(), slug, baseRevisionId, content, ...meta } = options;
  if (baseRevisionId === null) return { status: "saved", ...(await commitFirstRevision(db, { slug, content, meta })) };
  const article = await db.article.findUnique({
    where: { slug },
    select: { id: true, slug: true, currentRevisionId: true },
  });
  if (!article || article.currentRevisionId === null)
    throw new WikiError("not_found", `There is no article "${slug}".`);
  const base = await db.revision.findUnique({ where: { id: baseRevisionId } });
  if (!base || base.articleId !== article.id)
    throw new WikiError("bad_request", `Revision ${baseRevisionId} is not a revision of this article.`);
  const committed = await commitRevision(db, {
    article: { ...article, currentRevisionId: article.currentRevisionId },
    base: { revisionId: base.id, content: await loadContent(db, base) },
    content,
    meta,
    onMovedHead: "refuse",
  });
  if (committed.status === "saved")
    return {
      status: "saved",
      revisionId: committed.revisionId,
      articleId: article.id,
      bytesWritten: committed.bytesWritten,
    };
  if (committed.status === "unchanged")
    return { status: "unchanged", revisionId: committed.revisionId, articleId: article.id };
  throw new WikiError("conflict", "The article was changed since your edit began.", {
    currentRevisionId: committed.currentRevisionId,
  });
}

export type { ArticleContent };
