import "server-only";
import type { Actor } from "../authz/policy";
import { getDb, type Db, type Tx } from "../db/client";
import { WikiError } from "../errors";
import { RecentChangeKind } from "../recent-changes/kinds";
import { recordChange } from "../recent-changes/record-change";
import { assertExpectedHead, authorizeArticleAdmin, redirectSlugsOf, touchLinkersOf } from "./article-admin-store";
import { lockArticle } from "./commit-on-head";
import { findArticle, missingArticle } from "./read-article";
import type { TArticleStateResult } from "../contracts/articles";

/**
 * Deletes an article (administrators): a state of its row (`deletedAt`, who, why), never a removal, so every
 * revision and blob stays and `restoreArticle` brings it back exactly. In one transaction under the article's
 * row lock (so no edit, approval or move lands beside it): the state set, its search document dropped (a
 * deleted article is found by no search), the pages linking to its title and to its old titles told their
 * links turned red, and the deletion recorded in recent changes and the log. `expectedHeadId`: the head the
 * administrator looked at (409 when it moved on since). `reason` is the schema's trimmed one-line reason.
 */
export async function deleteArticle(options: {
  actor: Actor | null;
  slug: string;
  reason: string;
  expectedHeadId?: number;
  db?: Db;
}): Promise<TArticleStateResult> {
  const admin = authorizeArticleAdmin(options.actor, "delete");
  const db = options.db ?? getDb();
  return db.$transaction(async (tx: Tx) => {
    const found = await findArticle(tx, options.slug);
    if (!found) throw await missingArticle(tx, options.slug);
    const article = await lockArticle(tx, found.id);
    if (article.deletedAt) throw new WikiError("conflict", `“${article.title}” has already been deleted.`);
    assertExpectedHead(article.currentRevisionId, options.expectedHeadId, article.title);
    const { deletedAt } = await tx.article.update({
      where: { id: article.id },
      data: { deletedAt: new Date(), deletedById: admin.id, deletionReason: options.reason },
      select: { deletedAt: true },
    });
    await tx.searchDocument.deleteMany({ where: { articleId: article.id } });
    await touchLinkersOf(tx, [article.slug, ...(await redirectSlugsOf(tx, article.id))]);
    await recordChange(tx, {
      kind: RecentChangeKind.deletion,
      actorId: admin.id,
      articleId: article.id,
      revisionId: article.currentRevisionId,
      summary: options.reason,
      details: { title: article.title, slug: article.slug },
    });
    return { slug: article.slug, title: article.title, deleted: true, deletedAt: deletedAt!.toISOString() };
  });
}
