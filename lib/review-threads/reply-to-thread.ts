import "server-only";
import { authorize } from "../authz/assert";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { commentBody, findThread } from "./thread-store";
import { notifyProposalComment } from "../proposals/proposal-notifications";

/** Replies to a review thread, whatever version it was started on (anyone who may comment). */
export async function replyToThread(options: {
  actor: Actor | null;
  proposalId: number;
  threadId: number;
  body: string;
  db?: Db;
}) {
  const db = options.db ?? getDb();
  const commenter = authorize(options.actor, "comment");
  const body = commentBody(options.body);
  const thread = await findThread(db, options.proposalId, options.threadId);
  const comment = await db.$transaction(async (tx) => {
    const created = await tx.reviewThreadComment.create({
      data: { threadId: thread.id, authorId: commenter.id, body, version: thread.proposal.currentVersion },
    });
    await notifyProposalComment(tx, thread.proposal, commenter.id);
    return created;
  });
  return { id: comment.id, threadId: thread.id };
}
