import "server-only";
import type { Db } from "../db/client";

/** The last version of the proposal the user viewed, or null if they never opened it. */
export async function lastViewedVersion(db: Db, proposalId: number, userId: number): Promise<number | null> {
  const row = await db.proposalView.findUnique({
    where: { proposalId_userId: { proposalId, userId } },
    select: { version: true },
  });
  return row?.version ?? null;
}

/**
 * Remembers that a reviewer viewed `version` of a proposal: one upsert that
 * never moves backwards (GREATEST), so a repeated or reordered request
 * changes nothing. It is written on a GET, which a foreign site could make a
 * reviewer's browser send: the worst it can do is mark as seen a version the
 * page was about to show them anyway.
 */
export async function recordProposalView(
  db: Db,
  view: { proposalId: number; userId: number; version: number },
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "ProposalView" ("proposalId", "userId", "version", "viewedAt")
    VALUES (${view.proposalId}, ${view.userId}, ${view.version}, now())
    ON CONFLICT ("proposalId", "userId") DO UPDATE
      SET "version" = GREATEST("ProposalView"."version", EXCLUDED."version"), "viewedAt" = EXCLUDED."viewedAt"`;
}
