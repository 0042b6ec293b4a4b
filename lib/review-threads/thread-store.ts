import "server-only";
import type { Db, Tx } from "../db/client";
import { WikiError } from "../errors";
import type { ThreadAnchorKind } from "./anchor-kinds";

/** A thread of a proposal with the proposal's author, current version and status; 404 when the pair does not exist. */
export async function findThread(db: Db | Tx, proposalId: number, threadId: number) {
  const thread = await db.reviewThread.findUnique({
    where: { id: threadId },
    include: {
      proposal: { select: { id: true, authorId: true, articleId: true, currentVersion: true, status: true } },
    },
  });
  if (!thread || thread.proposalId !== proposalId)
    throw new WikiError("not_found", `Proposal #${proposalId} has no review thread #${threadId}.`);
  // The database's CHECK constraint holds anchorKind to the list.
  return { ...thread, anchorKind: thread.anchorKind as ThreadAnchorKind };
}

/** A comment's text, trimmed; an empty one is refused with 400 naming the field. */
export function commentBody(body: string, field = "body"): string {
  const text = body.trim();
  if (!text) throw new WikiError("bad_request", `${field}: a comment cannot be empty.`, { field });
  return text;
}
