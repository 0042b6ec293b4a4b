import "server-only";
import { effectiveProtection } from "../articles/protection";
import { authorize } from "../authz/assert";
import type { Actor } from "../authz/policy";
import type { TEditRequestParsed } from "../contracts/articles";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { appendProposalVersion } from "./append-version";
import { REVISABLE_PROPOSAL_STATUSES } from "./status";

const REVISABLE: string[] = REVISABLE_PROPOSAL_STATUSES.slice();

/** The 409 for an amendment of a proposal that was decided or withdrawn. */
function notAmendable(status: string): WikiError {
  return new WikiError("conflict", `This proposal is ${status.replace("_", " ")}; it can no longer be amended.`, {
    status,
  });
}

/**
 * A reviewer amends a proposal before approving it: their change becomes the
 * proposal's next version, recorded as written by them, and approves nothing
 * by itself. Only someone who could approve it now may (the reviewer right,
 * and the approve right at the article's protection level, read from the
 * database; the author is never a reviewer of their own proposal, and revises
 * it through /versions instead). The amendment is pinned to the version the
 * reviewer saw: if another version was posted since, nothing is written (409)
 * and the reviewer's draft stays in their editor; a decided or withdrawn
 * proposal is 409 too.
 */
export async function amendProposal(options: {
  actor: Actor | null;
  proposalId: number;
  /** the proposal version the reviewer amended (what the editor opened) */
  version: number;
  request: TEditRequestParsed;
  db?: Db;
}) {
  const db = options.db ?? getDb();
  const proposal = await db.proposal.findUnique({
    where: { id: options.proposalId },
    select: { id: true, articleId: true, authorId: true, status: true, currentVersion: true, article: true },
  });
  if (!proposal) throw new WikiError("not_found", `There is no proposal #${options.proposalId}.`);
  // The actor's rights are read from the database by mutation(); the protection is the article's now.
  const protection = effectiveProtection(proposal.article).level;
  const reviewer = authorize(options.actor, "approve", { protection, ownerId: proposal.authorId });
  if (!REVISABLE.includes(proposal.status)) throw notAmendable(proposal.status);
  if (options.version > proposal.currentVersion)
    throw new WikiError(
      "bad_request",
      `version: proposal #${proposal.id} has no version ${options.version}; its latest is version ${proposal.currentVersion}.`,
    );
  if (options.version < proposal.currentVersion)
    throw new WikiError(
      "conflict",
      `The proposal changed since you opened it: you amended version ${options.version}, it is now version ${proposal.currentVersion}. Nothing was saved; your text is still in the editor.`,
      {
        status: proposal.status,
        reason: "stale_version",
        seenVersion: options.version,
        currentVersion: proposal.currentVersion,
      },
    );
  return appendProposalVersion(db, {
    proposal,
    expectedVersion: options.version,
    authorId: reviewer.id,
    request: options.request,
    notRevisable: notAmendable,
    staleMessage: "Another version of the proposal was posted while you amended it. Nothing was saved; reload it.",
  });
}
