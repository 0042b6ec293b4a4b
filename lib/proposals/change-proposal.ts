import "server-only";
import type { TEditRequestParsed } from "../contracts/articles";
import { authorize } from "../authz/assert";
import type { Actor } from "../authz/policy";
import { getDb, type Db, type Tx } from "../db/client";
import { WikiError } from "../errors";
import { appendProposalVersion } from "./append-version";
import { notifyProposalComment } from "./proposal-notifications";
import { ProposalStatus, REVISABLE_PROPOSAL_STATUSES } from "./status";

const REVISABLE: string[] = REVISABLE_PROPOSAL_STATUSES.slice();

/** The proposal as its author may change it: theirs (403 otherwise) and still open or sent back (409 otherwise). */
async function findOwnRevisable(db: Db | Tx, proposalId: number, author: Actor, verb: "revise" | "withdraw") {
  const proposal = await db.proposal.findUnique({ where: { id: proposalId } });
  if (!proposal) throw new WikiError("not_found", `There is no proposal #${proposalId}.`);
  if (proposal.authorId !== author.id)
    throw new WikiError("forbidden", `Only the author of a proposal can ${verb} it.`);
  if (!REVISABLE.includes(proposal.status)) throw notRevisable(proposal.status, verb);
  return proposal;
}

function notRevisable(status: string, verb: "revise" | "withdraw"): WikiError {
  const message =
    verb === "revise"
      ? `This proposal is ${status.replace("_", " ")} and can no longer be revised.`
      : `This proposal is already ${status.replace("_", " ")}.`;
  return new WikiError("conflict", message, { status });
}

/**
 * The proposer revises an open proposal (or one sent back for changes): the
 * change is applied to the proposal's latest version and kept as a new
 * version, based on the given article revision (so a stale proposal can be
 * rebased by its author). Only its author may. The proposal moves to the new
 * version by a compare-and-set on the version the change was built on: if a
 * reviewer decided or another revision landed meanwhile, nothing is written
 * (409), so no version is ever built on one it did not see.
 */
export async function reviseProposal(options: {
  actor: Actor | null;
  proposalId: number;
  request: TEditRequestParsed;
  /** refuse (409) unless this is still the proposal's current version: the change was built on it */
  expectedVersion?: number;
  /** more writes that stand or fall with the new version (e.g. marking a suggestion applied) */
  afterWrite?: (tx: Tx, version: number) => Promise<void>;
  db?: Db;
}) {
  const db = options.db ?? getDb();
  const author = authorize(options.actor, "propose");
  const proposal = await findOwnRevisable(db, options.proposalId, author, "revise");
  if (options.expectedVersion !== undefined && options.expectedVersion !== proposal.currentVersion)
    throw new WikiError(
      "conflict",
      `The proposal is at version ${proposal.currentVersion}, not ${options.expectedVersion}; reload it.`,
      {
        status: proposal.status,
        reason: "stale_version",
        seenVersion: options.expectedVersion,
        currentVersion: proposal.currentVersion,
      },
    );
  return appendProposalVersion(db, {
    proposal,
    expectedVersion: proposal.currentVersion,
    authorId: author.id,
    request: options.request,
    notRevisable: (status) => notRevisable(status, "revise"),
    staleMessage: "The proposal got a newer version while you revised it; reload it and revise that.",
    afterWrite: options.afterWrite,
  });
}

/** The proposer withdraws an open proposal; it stays readable. A decision that got in first wins (compare-and-set on the status). */
export async function withdrawProposal(options: { actor: Actor | null; proposalId: number; db?: Db }) {
  const db = options.db ?? getDb();
  const author = authorize(options.actor, "propose");
  const proposal = await findOwnRevisable(db, options.proposalId, author, "withdraw");
  const withdrawn = await db.proposal.updateMany({
    where: { id: proposal.id, status: { in: REVISABLE } },
    data: { status: ProposalStatus.withdrawn, updatedAt: new Date() },
  });
  if (withdrawn.count === 0)
    throw notRevisable(
      (await db.proposal.findUniqueOrThrow({ where: { id: proposal.id }, select: { status: true } })).status,
      "withdraw",
    );
  return { proposalId: proposal.id, status: ProposalStatus.withdrawn };
}

/** Adds a comment to a proposal's public discussion (any signed-in user who is not blocked). */
export async function commentOnProposal(options: { actor: Actor | null; proposalId: number; body: string; db?: Db }) {
  const db = options.db ?? getDb();
  const commenter = authorize(options.actor, "comment");
  const body = options.body.trim();
  if (!body) throw new WikiError("bad_request", "A comment cannot be empty.");
  const proposal = await db.proposal.findUnique({
    where: { id: options.proposalId },
    select: { id: true, authorId: true, articleId: true },
  });
  if (!proposal) throw new WikiError("not_found", `There is no proposal #${options.proposalId}.`);
  const comment = await db.$transaction(async (tx) => {
    const created = await tx.proposalComment.create({
      data: { proposalId: proposal.id, authorId: commenter.id, body },
    });
    await notifyProposalComment(tx, proposal, commenter.id);
    return created;
  });
  return { id: comment.id };
}
