import "server-only";
import { assertAllowed } from "../authz/assert";
import type { Actor } from "../authz/policy";
import { decideThreadAction } from "../authz/threads";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { findThread } from "./thread-store";

/**
 * Resolves (`resolved: true`) or reopens a review thread: the proposal's
 * author, the thread's starter or a reviewer may. A compare-and-set on the
 * thread's state makes a double click, or two people at once, one change
 * (the second gets 409); each change is kept in the thread as a public entry.
 */
export async function setThreadResolved(options: {
  actor: Actor | null;
  proposalId: number;
  threadId: number;
  resolved: boolean;
  body?: string;
  db?: Db;
}) {
  const db = options.db ?? getDb();
  const thread = await findThread(db, options.proposalId, options.threadId);
  const action = options.resolved ? "resolve" : "reopen";
  const decision = decideThreadAction(options.actor, action, {
    proposalAuthorId: thread.proposal.authorId,
    threadAuthorId: thread.authorId,
  });
  assertAllowed(decision);
  const actor = options.actor as Actor;
  return db.$transaction(async (tx) => {
    const changed = await tx.reviewThread.updateMany({
      where: { id: thread.id, resolvedAt: options.resolved ? null : { not: null } },
      data: options.resolved
        ? { resolvedAt: new Date(), resolvedById: actor.id }
        : { resolvedAt: null, resolvedById: null },
    });
    if (changed.count === 0)
      throw new WikiError("conflict", `Thread #${thread.id} is already ${options.resolved ? "resolved" : "open"}.`);
    await tx.reviewThreadComment.create({
      data: {
        threadId: thread.id,
        authorId: actor.id,
        kind: action,
        body: options.body?.trim() ?? "",
        version: thread.proposal.currentVersion,
      },
    });
    return { id: thread.id, resolved: options.resolved };
  });
}
