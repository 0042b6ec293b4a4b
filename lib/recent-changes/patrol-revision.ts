import "server-only";
import { assertAllowed } from "../authz/assert";
import { decidePatrol } from "../authz/patrol";
import type { Actor } from "../authz/policy";
import type { TPatrolResult } from "../contracts/recent-changes";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { RecentChangeKind, REVISION_KINDS } from "./kinds";
import { recordChange } from "./record-change";

/**
 * A reviewer marks an edit patrolled (MediaWiki's patrol): its row in recent changes stops showing "!",
 * and the patrol is logged. Idempotent: patrolling what is patrolled already (by them or someone else,
 * or an edit that never needed it) answers the same and logs nothing, so a double click or two
 * reviewers at once make one log entry (the UPDATE … WHERE NOT patrolled decides which).
 */
export async function patrolRevision(options: {
  actor: Actor | null;
  slug: string;
  revisionId: number;
  db?: Db;
}): Promise<TPatrolResult> {
  assertAllowed(decidePatrol(options.actor));
  const patroller = options.actor as Actor;
  const db = options.db ?? getDb();
  return db.$transaction(async (tx) => {
    const [change] = await tx.$queryRaw<
      Array<{ articleId: number; actorId: number | null; parentRevisionId: number | null; slug: string }>
    >`
      SELECT rc."articleId", rc."actorId", rc."parentRevisionId", a."slug" FROM "RecentChange" rc JOIN "Article" a ON a."id" = rc."articleId"
      WHERE rc."revisionId" = ${options.revisionId} AND rc."kind" = ANY(${[...REVISION_KINDS]}::text[])
      ORDER BY rc."id" LIMIT 1`;
    if (!change || change.slug !== options.slug)
      throw new WikiError("not_found", `revision ${options.revisionId} is not a revision of this article.`);
    const marked = await tx.$executeRaw`
      UPDATE "RecentChange" SET "patrolled" = true
      WHERE "revisionId" = ${options.revisionId} AND "kind" = ANY(${[...REVISION_KINDS]}::text[]) AND NOT "patrolled"`;
    if (marked > 0)
      await recordChange(tx, {
        kind: RecentChangeKind.patrol,
        action: "patrol",
        actorId: patroller.id,
        articleId: change.articleId,
        revisionId: options.revisionId,
        parentRevisionId: change.parentRevisionId,
        targetUserId: change.actorId,
      });
    return { revisionId: options.revisionId, patrolled: true, marked: marked > 0 };
  });
}
