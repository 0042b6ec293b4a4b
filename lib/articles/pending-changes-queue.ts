import "server-only";
import type { Db, Tx } from "../db/client";
import { getReadDb } from "../db/replicas";

/**
 * How many revisions await review between the accepted revision and the
 * latest: revision ids only grow within an article, so it is a count of ids
 * in that range (one indexed query, run only while changes are pending; the
 * answer is fixed by the pair, so a cached page keyed by it stays right).
 */
export async function countPendingRevisions(
  db: Db | Tx,
  articleId: number,
  pending: { acceptedRevisionId: number; currentRevisionId: number },
): Promise<number> {
  return db.revision.count({
    where: { articleId, id: { gt: pending.acceptedRevisionId, lte: pending.currentRevisionId } },
  });
}

/** One article of the pending-changes queue. */
export interface PendingArticle {
  slug: string;
  title: string;
  acceptedRevisionId: number;
  currentRevisionId: number;
  pendingCount: number;
  /** when the oldest revision not yet accepted was saved: the queue's order */
  oldestPendingAt: Date;
}

/**
 * Articles whose pending changes await review, oldest waiting first (as
 * Special:PendingChanges lists them): pending changes on and unexpired, the
 * head past the accepted revision, the article not deleted (accepting is
 * refused there; its edits wait for its restoring). One statement, bounded by `limit`.
 */
export async function listPendingChanges(options: { limit?: number; db?: Db } = {}): Promise<PendingArticle[]> {
  const db = options.db ?? getReadDb();
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
  const rows = await db.$queryRaw<
    Array<Omit<PendingArticle, "pendingCount"> & { pendingCount: bigint | number }>
  >`SELECT a."slug", a."title", a."acceptedRevisionId", a."currentRevisionId", p."pendingCount", p."oldestPendingAt"
      FROM "Article" a
      CROSS JOIN LATERAL (
        SELECT count(*) AS "pendingCount", min(r."createdAt") AS "oldestPendingAt" FROM "Revision" r
        WHERE r."articleId" = a."id" AND r."id" > a."acceptedRevisionId" AND r."id" <= a."currentRevisionId"
      ) p
      WHERE a."pendingChanges" AND a."acceptedRevisionId" < a."currentRevisionId" AND a."deletedAt" IS NULL
        AND (a."pendingChangesExpiresAt" IS NULL OR a."pendingChangesExpiresAt" > now())
      ORDER BY p."oldestPendingAt" ASC, a."id" ASC
      LIMIT ${limit}`;
  return rows.map((row) => ({ ...row, pendingCount: Number(row.pendingCount) }));
}
