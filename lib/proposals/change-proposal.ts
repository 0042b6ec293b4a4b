import "server-only";
import { loadContent } from "../articles/content-store";
import { buildEditedContent } from "../articles/edit-article";
import type { TEditRequestParsed } from "../articles/edit-contract";
import { assertAllowed } from "../authz/assert";
import { decide, type Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { loadProposalVersion, writeProposalVersion } from "./proposal-store";
import { ProposalStatus } from "./status";

const REVISABLE: string[] = [ProposalStatus.open, ProposalStatus.changes_requested];

async function lockProposal(tx: Parameters<Parameters<Db["$transaction"]>[0]>[0], id: number) {
  const rows = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM "Proposal" WHERE id = ${id} FOR UPDATE`;
  if (!rows.length) throw new WikiError("not_found", `There is no proposal #${id}.`);
  return tx.proposal.findUniqueOrThrow({ where: { id } });
}

/**
 * The proposer revises an open proposal (or one sent back for changes): the
 * change is applied to the proposal's latest version and kept as a new
 * version, based on the given article revision (so a stale proposal can be
 * rebased by its author). Only its author may.
 */
export async function reviseProposal(options: { actor: Actor | null; proposalId: number; request: TEditRequestParsed; db?: Db }) {
  const db = options.db ?? getDb();
  assertAllowed(decide(options.actor, "propose"));
  const proposal = await db.proposal.findUnique({ where: { id: options.proposalId }, include: { article: true } });
  if (!proposal) throw new WikiError("not_found", `There is no proposal #${options.proposalId}.`);
  if (proposal.authorId !== options.actor!.id) throw new WikiError("forbidden", "Only the author of a proposal can revise it.");
  if (!REVISABLE.includes(proposal.status)) throw new WikiError("conflict", `This proposal is ${proposal.status.replace("_", " ")} and can no longer be revised.`, { status: proposal.status });
  const latest = await loadProposalVersion(db, proposal.id, proposal.currentVersion);
  const baseRevisionId = options.request.baseRevisionId ?? latest.baseRevisionId;
  const baseRevision = await db.revision.findUnique({ where: { id: baseRevisionId } });
  if (!baseRevision || baseRevision.articleId !== proposal.articleId) throw new WikiError("bad_request", `Revision ${baseRevisionId} is not a revision of this article.`);
  const content = buildEditedContent(latest.content, options.request);
  const base = await loadContent(db, baseRevision);
  return db.$transaction(async (tx) => {
    const locked = await lockProposal(tx, proposal.id);
    if (!REVISABLE.includes(locked.status)) throw new WikiError("conflict", `This proposal is ${locked.status.replace("_", " ")} and can no longer be revised.`, { status: locked.status });
    const version = locked.currentVersion + 1;
    await writeProposalVersion(tx, { proposalId: proposal.id, version, baseRevisionId, base, content, summary: options.request.summary });
    await tx.proposal.update({ where: { id: proposal.id }, data: { currentVersion: version, status: ProposalStatus.open, updatedAt: new Date(), ...(options.request.summary ? { summary: options.request.summary } : {}) } });
    return { proposalId: proposal.id, version };
  });
}

/** The proposer withdraws an open proposal; it stays readable. */
export async function withdrawProposal(options: { actor: Actor | null; proposalId: number; db?: Db }) {
  const db = options.db ?? getDb();
  assertAllowed(decide(options.actor, "propose"));
  return db.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, options.proposalId);
    if (proposal.authorId !== options.actor!.id) throw new WikiError("forbidden", "Only the author of a proposal can withdraw it.");
    if (!REVISABLE.includes(proposal.status)) throw new WikiError("conflict", `This proposal is already ${proposal.status.replace("_", " ")}.`, { status: proposal.status });
    await tx.proposal.update({ where: { id: proposal.id }, data: { status: ProposalStatus.withdrawn, updatedAt: new Date() } });
    return { proposalId: proposal.id, status: ProposalStatus.withdrawn };
  });
}

/** Adds a comment to a proposal's public discussion (any signed-in user who is not blocked). */
export async function commentOnProposal(options: { actor: Actor | null; proposalId: number; body: string; db?: Db }) {
  const db = options.db ?? getDb();
  assertAllowed(decide(options.actor, "comment"));
  const body = options.body.trim();
  if (!body) throw new WikiError("bad_request", "A comment cannot be empty.");
  const proposal = await db.proposal.findUnique({ where: { id: options.proposalId }, select: { id: true } });
  if (!proposal) throw new WikiError("not_found", `There is no proposal #${options.proposalId}.`);
  const comment = await db.proposalComment.create({ data: { proposalId: proposal.id, authorId: options.actor!.id, body } });
  return { id: comment.id };
}

export { lockProposal };
