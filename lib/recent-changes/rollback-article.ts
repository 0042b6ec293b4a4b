import "server-only";
import { notify } from "../notifications/notify";
import { NotificationType } from "../notifications/types";
import { acceptReviewedEdit } from "../articles/accept-reviewed-edit";
import { commitOnHead, isTransactionConflict, SAVE_TRANSACTION_LIMITS } from "../articles/commit-on-head";
import { loadContent } from "../articles/content-store";
import { effectiveProtection } from "../articles/protection";
import { articleNotFound, findArticle } from "../articles/read-article";
import { RevisionTag } from "../articles/revision-tags";
import { assertAllowed } from "../authz/assert";
import { decideRollback } from "../authz/patrol";
import type { Actor } from "../authz/policy";
import type { TRollbackResult } from "../contracts/recent-changes";
import { getDb, type Db, type Tx } from "../db/client";
import { WikiError } from "../errors";

/** The rollback's automatic summary, as MediaWiki writes it. */
export function rollbackSummary(rolledBack: string, restored: string): string {
  return `Reverted edits by ${rolledBack} (talk) to last revision by ${restored}`;
}

/**
 * Rollback (MediaWiki's): undoes ALL the consecutive latest edits of the article's last editor in one
 * action, restoring the last revision by someone else, as a new revision with an automatic summary,
 * through the one commit path (commit-on-head.ts) with the head the reviewer saw as its base: if anyone
 * saved since (`expectedHeadId` is no longer the head), nothing is written and the answer is 409. Refused
 * (400) when the last editor is the article's only one. Reviewers and administrators, only where they may
 * edit directly (lib/authz/patrol.ts), re-checked under the article's lock. The rolled-back edits count as
 * patrolled; the rollback itself is in recent changes and the log (kind "rollback", naming whose edits).
 */
export async function rollbackArticle(options: {
  actor: Actor | null;
  slug: string;
  expectedHeadId: number;
  db?: Db;
}): Promise<TRollbackResult> {
  const db = options.db ?? getDb();
  const article = await findArticle(db, options.slug);
  if (!article) throw articleNotFound(options.slug);
  assertAllowed(decideRollback(options.actor, effectiveProtection(article).level));
  const reviewer = options.actor as Actor;
  const stale = (currentRevisionId: number | null) =>
    new WikiError(
      "conflict",
      `expectedHeadId: the article was changed since you looked (its current revision is ${currentRevisionId}); look at its history again.`,
      { currentRevisionId },
    );
  if (article.currentRevisionId !== options.expectedHeadId) throw stale(article.currentRevisionId);
  const plan = await planRollback(db, article.id, options.expectedHeadId);
  let outcome: { revisionId: number; parentId: number };
  try {
    outcome = await db.$transaction(async (tx: Tx) => {
      const committed = await commitOnHead(tx, {
        articleId: article.id,
        base: { revisionId: plan.head.id, content: plan.headContent },
        content: plan.restoredContent,
        meta: {
          authorId: reviewer.id,
          summary: rollbackSummary(plan.head.authorName, plan.restored.authorName),
          tags: [RevisionTag.rollback],
          autoWatch: true,
          change: {
            kind: "rollback",
            targetUserId: plan.head.authorId,
            details: {
              restoredRevisionId: plan.restored.id,
              restoredUser: plan.restored.authorName,
              edits: plan.edits,
            },
          },
        },
        onMovedHead: "refuse",
        // The protection may have changed since it was read; the row is locked now.
        underLock: async (locked) => assertAllowed(decideRollback(reviewer, effectiveProtection(locked).level)),
      });
      if (committed.status === "moved" || committed.status === "conflict") throw stale(committed.currentRevisionId);
      if (committed.status === "unchanged")
        throw new WikiError(
          "bad_request",
          `Rolling back would change nothing: the text of revision ${plan.restored.id} is the current text already.`,
        );
      // The edits rolled back need no patrol any more: a reviewer has dealt with them.
      await tx.$executeRaw`
        UPDATE "RecentChange" SET "patrolled" = true
        WHERE "articleId" = ${article.id} AND "revisionId" > ${plan.restored.id} AND "revisionId" <= ${plan.head.id} AND NOT "patrolled"`;
      // "Your edit was undone", in this transaction, so it is sent exactly when the rollback lands; it leads
      // to the rollback's diff (from the last rolled-back edit to the rollback).
      await notify(tx, {
        type: NotificationType.edit_reverted,
        recipients: [plan.head.authorId],
        actorId: reviewer.id,
        articleId: article.id,
        fromRevisionId: plan.head.id,
        toRevisionId: committed.revisionId,
      });
      return { revisionId: committed.revisionId, parentId: plan.head.id };
    }, SAVE_TRANSACTION_LIMITS);
  } catch (error) {
    if (isTransactionConflict(error)) throw stale(null);
    throw error;
  }
  await acceptReviewedEdit(db, {
    article,
    editor: reviewer,
    revisionId: outcome.revisionId,
    parentId: outcome.parentId,
  });
  return {
    revisionId: outcome.revisionId,
    restoredRevisionId: plan.restored.id,
    rolledBackUser: plan.head.authorName,
    restoredUser: plan.restored.authorName,
    editsRolledBack: plan.edits,
  };
}

/**
 * What a rollback of the article at `headId` would restore: the newest revision by anyone but the head's
 * author (one index scan back along the article's history) and how many edits by the head's author
 * follow it. A 400 when the head's author wrote every revision. Also what the confirmation page shows.
 */
export async function findRollbackTarget(db: Db, articleId: number, headId: number) {
  const [head] = await db.$queryRaw<Array<{ id: number; authorId: number; authorName: string }>>`
    SELECT r."id", r."authorId", u."name" AS "authorName" FROM "Revision" r JOIN "User" u ON u."id" = r."authorId"
    WHERE r."id" = ${headId} AND r."articleId" = ${articleId}`;
  if (!head) throw new WikiError("not_found", `head: revision ${headId} is not a revision of this article.`);
  const [restored] = await db.$queryRaw<Array<{ id: number; authorName: string }>>`
    SELECT r."id", u."name" AS "authorName" FROM "Revision" r JOIN "User" u ON u."id" = r."authorId"
    WHERE r."articleId" = ${articleId} AND r."id" < ${headId} AND r."authorId" <> ${head.authorId}
    ORDER BY r."id" DESC LIMIT 1`;
  if (!restored)
    throw new WikiError(
      "bad_request",
      `Cannot roll back: ${head.authorName} is the only editor of this article, so there is no revision by someone else to restore.`,
    );
  const [{ edits }] = await db.$queryRaw<Array<{ edits: number }>>`
    SELECT count(*)::int AS "edits" FROM "Revision" WHERE "articleId" = ${articleId} AND "id" > ${restored.id} AND "id" <= ${headId}`;
  return { head, restored, edits };
}

/** The rollback's target and both contents (the head's, the restored revision's). */
async function planRollback(db: Db, articleId: number, headId: number) {
  const target = await findRollbackTarget(db, articleId, headId);
  const [headRow, restoredRow] = await Promise.all([
    db.revision.findUniqueOrThrow({ where: { id: headId } }),
    db.revision.findUniqueOrThrow({ where: { id: target.restored.id } }),
  ]);
  const [headContent, restoredContent] = await Promise.all([loadContent(db, headRow), loadContent(db, restoredRow)]);
  return { ...target, headContent, restoredContent };
}
