import "server-only";
import type { Actor } from "../authz/policy";
import { getDb, type Db, type Tx } from "../db/client";
import { WikiError } from "../errors";
import { RecentChangeKind } from "../recent-changes/kinds";
import { recordChange } from "../recent-changes/record-change";
import { authorizeArticleAdmin, rebuildSearchDocument, redirectSlugsOf, touchLinkersOf } from "./article-admin-store";
import { lockArticle } from "./commit-on-head";
import { articleNotFound, findArticle, findArticleFate } from "./read-article";
import type { TArticleStateResult } from "../contracts/articles";

/**
 * Restores a deleted article (administrators) exactly as it was: the deletion state cleared, so the same row,
 * head, history, protection and talk page are back; its search document rebuilt from the head; the pages
 * linking to it told their links are blue again; the restoration recorded in recent changes and the log. One
 * transaction under the article's row lock. 409 when the article is not deleted, 404 when there is none.
 */
export async function restoreArticle(options: {
  actor: Actor | null;
  slug: string;
  reason: string;
  db?: Db;
}): Promise<TArticleStateResult> {
  const admin = authorizeArticleAdmin(options.actor, "restore");
  const db = options.db ?? getDb();
  return db.$transaction(async (tx: Tx) => {
    const fate = await findArticleFate(tx, options.slug);
    if (fate?.kind !== "deleted") {
      const live = await findArticle(tx, options.slug);
      if (live) throw new WikiError("conflict", `“${live.title}” is not deleted; there is nothing to restore.`);
      throw articleNotFound(options.slug);
    }
    const article = await lockArticle(tx, fate.article.id);
    if (!article.deletedAt || article.currentRevisionId === null)
      throw new WikiError("conflict", `“${article.title}” is not deleted; there is nothing to restore.`);
    await tx.article.update({
      where: { id: article.id },
      data: { deletedAt: null, deletedById: null, deletionReason: null },
    });
    await rebuildSearchDocument(tx, article.id, article.currentRevisionId);
    await touchLinkersOf(tx, [article.slug, ...(await redirectSlugsOf(tx, article.id))]);
    await recordChange(tx, {
      kind: RecentChangeKind.restore,
      actorId: admin.id,
      articleId: article.id,
      revisionId: article.currentRevisionId,
      summary: options.reason,
      details: { title: article.title, slug: article.slug },
    });
    return { slug: article.slug, title: article.title, deleted: false, deletedAt: null };
  });
}
