import "server-only";
import { effectiveProtection, type ProtectionLevel } from "../articles/protection";
import { decide } from "../authz/policy";
import { getDb, type Db, type Tx } from "../db/client";
import { WikiError } from "../errors";
import { loadActor } from "../users/load-actor";
import {
  CURRENT_REQUIREMENTS_SQL,
  currentRequirements,
  requirementsFrom,
  type Requirements,
} from "./review-requirements";
import { ProposalStatus } from "./status";

/** Where a version stands: who approved it and who of them counts now, and how many approvals it needs. */
export interface ApprovalCount {
  required: number;
  /** reviewers whose approval of this version counts now (ids) */
  counted: number[];
  protection: ProtectionLevel;
  requirements: Requirements;
}

/**
 * Records `reviewerId`'s approval of the version they saw and counts the
 * approvals of that version, inside the decision's transaction. Returns
 * whether this approval completes the count (then the caller publishes and
 * records the ReviewDecision) or leaves the proposal open with one more vote.
 *
 * Exactly one approval publishes, even when reviewers approve at once: the
 * first statement is the proposal's compare-and-set (still open, still at this
 * version), an UPDATE that holds the proposal's row until the transaction ends,
 * so approvals of one proposal are counted one after another and each count
 * (a new statement, a new snapshot) sees every vote committed before it. The
 * primary key (proposal, version, reviewer) refuses a second vote by the same
 * reviewer (409). A vote counts only if its reviewer may still approve at the
 * article's protection now (a reviewer blocked, demoted or outranked by a
 * raised protection since no longer counts; the vote stays on record).
 */
export async function castApprovalVote(
  tx: Tx,
  vote: {
    proposal: { id: number; currentVersion: number; authorId: number; articleId: number };
    reviewerId: number;
    comment: string;
  },
): Promise<ApprovalCount & { complete: boolean }> {
  const { proposal } = vote;
  const claimed = await tx.proposal.updateMany({
    where: { id: proposal.id, status: ProposalStatus.open, currentVersion: proposal.currentVersion },
    data: { updatedAt: new Date() },
  });
  if (claimed.count === 0) throw await lostRaceError(tx, proposal);
  const inserted = await tx.$executeRaw`
    INSERT INTO "ProposalApproval" ("proposalId", "version", "reviewerId", "comment")
    VALUES (${proposal.id}, ${proposal.currentVersion}, ${vote.reviewerId}, ${vote.comment})
    ON CONFLICT DO NOTHING`;
  if (inserted === 0)
    throw new WikiError(
      "conflict",
      `You already approved version ${proposal.currentVersion} of this proposal; an approval counts once per reviewer. Another reviewer must approve it.`,
      { reason: "already_approved" },
    );
  const count = await countApprovals(tx, proposal);
  return { ...count, complete: count.counted.length >= count.required };
}

/**
 * The 409 for a decision whose compare-and-set on the proposal found it moved
 * on: a new version (with the versions, so the form can reload) or a decision
 * or withdrawal that got in first (with the status now).
 */
export async function lostRaceError(tx: Tx, proposal: { id: number; currentVersion: number }): Promise<WikiError> {
  const now = await tx.proposal.findUniqueOrThrow({
    where: { id: proposal.id },
    select: { status: true, currentVersion: true },
  });
  if (now.status === ProposalStatus.open)
    return new WikiError(
      "conflict",
      `The author changed the proposal while you decided: it is now version ${now.currentVersion}. Nothing was decided; review the new version and decide again.`,
      {
        status: ProposalStatus.open,
        reason: "stale_version",
        seenVersion: proposal.currentVersion,
        currentVersion: now.currentVersion,
      },
    );
  return new WikiError(
    "conflict",
    `This proposal was already decided or withdrawn (${now.status.replace("_", " ")}).`,
    {
      status: now.status,
    },
  );
}

/** The approvals of a proposal's version that count now, and the number required at the article's protection. */
async function countApprovals(
  tx: Tx,
  proposal: { id: number; currentVersion: number; authorId: number; articleId: number },
): Promise<ApprovalCount> {
  const [row] = await tx.$queryRawUnsafe<
    Array<{
      protectionLevel: string;
      protectionExpiresAt: Date | null;
      requirements: Array<{ level: string; approvals: number }>;
      voters: number[];
    }>
  >(
    `SELECT a."protectionLevel", a."protectionExpiresAt",
      COALESCE((SELECT json_agg(r) FROM (${CURRENT_REQUIREMENTS_SQL}) r), '[]') AS "requirements",
      COALESCE((SELECT array_agg(pa."reviewerId" ORDER BY pa."createdAt") FROM "ProposalApproval" pa
        WHERE pa."proposalId" = $1 AND pa."version" = $2), '{}') AS "voters"
    FROM "Article" a WHERE a."id" = $3`,
    proposal.id,
    proposal.currentVersion,
    proposal.articleId,
  );
  const protection = effectiveProtection({ ...row, protectionReason: null }).level;
  const requirements = requirementsFrom(row.requirements);
  const actors = await Promise.all(row.voters.map((id) => loadActor(tx, id)));
  const counted = actors
    .filter((actor) => decide(actor, "approve", { protection, ownerId: proposal.authorId }).allowed)
    .map((actor) => actor!.id);
  return { required: requirements[protection], counted, protection, requirements };
}

/**
 * Under the article's lock, before the approval that completes the count
 * publishes: the protection may have been raised since the votes were counted
 * (a level needing more approvals, or one only administrators approve). Then
 * nothing is published and the reviewer is told to try again.
 */
export function assertCountStands(count: ApprovalCount, protectionNow: ProtectionLevel): void {
  if (protectionNow !== count.protection)
    throw new WikiError(
      "conflict",
      `The article's protection changed while you approved (${count.protection} → ${protectionNow}); nothing was recorded. Reload the proposal and approve again.`,
    );
}

/**
 * Every approval of a proposal, all versions, oldest first, for its page:
 * who approved which version and what they said. Approvals are public, as
 * decisions are. The approvals required come with the article's protection.
 */
export async function listApprovals(options: { proposalId: number; db?: Db }) {
  const db = options.db ?? getDb();
  const [approvals, requirements] = await Promise.all([
    db.proposalApproval.findMany({
      where: { proposalId: options.proposalId },
      orderBy: { createdAt: "asc" },
      include: { reviewer: { select: { name: true } } },
    }),
    currentRequirements(db),
  ]);
  return {
    requirements,
    approvals: approvals.map((approval) => ({
      version: approval.version,
      reviewer: approval.reviewer.name,
      comment: approval.comment,
      createdAt: approval.createdAt,
    })),
  };
}
