import "server-only";
import { notifyProposalComment } from "../proposals/proposal-notifications";
import { assertAllowed, authorize } from "../authz/assert";
import type { Actor } from "../authz/policy";
import { decideThreadAction } from "../authz/threads";
import type { TStartThreadRequest } from "../contracts/review-threads";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { loadProposalVersion } from "../proposals/proposal-store";
import { isBlockAnchor, resolveAnchor } from "./anchor";
import { suggestionBlocks } from "./suggestion";
import { commentBody } from "./thread-store";

/**
 * Starts a review thread anchored in the proposal's current version, with
 * its first comment and, from a reviewer on a block, a suggested replacement.
 * The anchor and the suggestion are checked against that version's content
 * (400 naming the field); a thread on any other version is refused (409):
 * the commenter did not see the text as it is now (a reply is how an older
 * thread goes on). The version is re-read under a share lock as the thread is
 * written, so a new version cannot slip in between the check and the write.
 */
export async function startThread(options: {
  actor: Actor | null;
  proposalId: number;
  request: TStartThreadRequest;
  db?: Db;
}) {
  const db = options.db ?? getDb();
  const commenter = authorize(options.actor, "comment");
  const { request } = options;
  const body = commentBody(request.body);
  const proposal = await db.proposal.findUnique({
    where: { id: options.proposalId },
    select: { id: true, authorId: true, articleId: true, currentVersion: true },
  });
  if (!proposal) throw new WikiError("not_found", `There is no proposal #${options.proposalId}.`);
  const notCurrent = (current: number) =>
    new WikiError(
      "conflict",
      `version: this proposal is at version ${current}; a new thread goes on the current version (reload it), and an older thread goes on with a reply.`,
      { field: "version", currentVersion: current },
    );
  if (request.version !== proposal.currentVersion) throw notCurrent(proposal.currentVersion);
  if (request.suggestion !== undefined) {
    if (!isBlockAnchor(request.anchor.kind))
      throw new WikiError("bad_request", "suggestion: a suggested change replaces a block; anchor it to one.", {
        field: "suggestion",
      });
    assertAllowed(
      decideThreadAction(commenter, "suggest", { proposalAuthorId: proposal.authorId, threadAuthorId: commenter.id }),
    );
  }
  const { content } = await loadProposalVersion(db, proposal.id, request.version);
  const resolved = resolveAnchor(content, request.version, request.anchor);
  if (!resolved.ok)
    throw new WikiError("bad_request", `${resolved.problem.field}: ${resolved.problem.message}`, {
      field: resolved.problem.field,
    });
  if (request.suggestion !== undefined) {
    const suggestion = suggestionBlocks(request.suggestion, content);
    if (!suggestion.ok)
      throw new WikiError("invalid_document", `${suggestion.problem.field}: ${suggestion.problem.message}`, {
        field: suggestion.problem.field,
      });
  }
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ currentVersion: number }>>`
      SELECT "currentVersion" FROM "Proposal" WHERE "id" = ${proposal.id} FOR SHARE`;
    if (locked.currentVersion !== request.version) throw notCurrent(locked.currentVersion);
    const thread = await tx.reviewThread.create({
      data: {
        proposalId: proposal.id,
        version: request.version,
        authorId: commenter.id,
        ...resolved.anchor,
        suggestion: request.suggestion?.trim() ?? null,
        comments: { create: { authorId: commenter.id, body, version: request.version } },
      },
    });
    await notifyProposalComment(tx, proposal, commenter.id);
    return { id: thread.id, version: thread.version, anchor: resolved.anchor };
  });
}
