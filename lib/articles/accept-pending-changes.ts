import "server-only";
import { RecentChangeKind } from "../recent-changes/kinds";
import { recordChange } from "../recent-changes/record-change";
import type { Actor } from "../authz/policy";
import { assertAllowed } from "../authz/assert";
import { decideAcceptance } from "../authz/pending-changes";
import { getDb, queryPrepared, type Db } from "../db/client";
import { WikiError } from "../errors";
import { pendingChangesInForce } from "./pending-changes";
import { effectiveProtection } from "./protection";
import { articleNotFound, findArticle, findRevisionRow } from "./read-article";

/**
 * A reviewer accepts an article's pending changes up to `revisionId`, the
 * latest revision they saw (the `to` of the diff they read): what is accepted
 * is what was seen. An edit saved after it stays pending, for the next
 * review, rather than refusing the acceptance with a 409: the reviewer's work
 * on what they did see is kept, and nothing they did not see reaches readers.
 * The pointer moves by compare-and-set (only forward), with its log entry in
 * the same statement; a revision already accepted, by them or by another
 * reviewer meanwhile, is a 409 that says so.
 */
export async function acceptPendingChanges(options: {
  actor: Actor | null;
  slug: string;
  revisionId: number;
  db?: Db;
}): Promise<{ acceptedRevisionId: number; currentRevisionId: number }> {
  const db = options.db ?? getDb();
  const article = await findArticle(db, options.slug);
  if (!article) throw articleNotFound(options.slug);
  assertAllowed(decideAcceptance(options.actor, effectiveProtection(article).level));
  const reviewer = options.actor as Actor;
  if (!pendingChangesInForce(article))
    throw new WikiError(
      "conflict",
      "Pending changes are not on for this article: its latest revision is what readers see.",
    );
  const revision = await findRevisionRow(db, options.revisionId);
  if (!revision || revision.articleId !== article.id)
    throw new WikiError("not_found", `revisionId: revision ${options.revisionId} is not a revision of this article.`);
  const moved = await db.$transaction(async (tx) => {
    const [row] = await queryPrepared<{ acceptedRevisionId: number; currentRevisionId: number }>(tx, {
      name: "wiki-accept-pending-changes",
      text: `WITH moved AS (
        UPDATE "Article" SET "acceptedRevisionId" = $2::int
        WHERE "id" = $1::int AND "acceptedRevisionId" < $2::int
        RETURNING "acceptedRevisionId", "currentRevisionId"
      ), logged AS (
        INSERT INTO "PendingChangesLog" ("articleId", "actorId", "action", "revisionId") SELECT $1::int, $3::int, 'accept', $2::int FROM moved
      )
      SELECT "acceptedRevisionId", "currentRevisionId" FROM moved`,
      values: [article.id, options.revisionId, reviewer.id],
    });
    if (row)
      await recordChange(tx, {
        kind: RecentChangeKind["pending-changes"],
        action: "accept",
        actorId: reviewer.id,
        articleId: article.id,
        revisionId: row.acceptedRevisionId,
      });
    return row;
  });
  if (!moved)
    throw new WikiError(
      "conflict",
      `revisionId: revision ${options.revisionId} is already accepted; nothing up to it awaits review.`,
    );
  return moved;
}
