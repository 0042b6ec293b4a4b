import "server-only";
import type { Tx } from "../db/client";
import { notify } from "../notifications/notify";
import { NotificationType } from "../notifications/types";
import { ProposalStatus } from "./status";

/*
 * What a proposal's author is told, and when: each call runs inside the
 * transaction of the event (lib/notifications/notify.ts), so a notification
 * exists exactly when what it reports does.
 */

interface ProposalRef {
  id: number;
  authorId: number;
  articleId: number;
}

/** Someone else commented on the proposal (its discussion, or a review thread on it). */
export function notifyProposalComment(tx: Tx, proposal: ProposalRef, commenterId: number) {
  return notify(tx, {
    type: NotificationType.proposal_commented,
    recipients: [proposal.authorId],
    actorId: commenterId,
    articleId: proposal.articleId,
    proposalId: proposal.id,
  });
}

const DECISION_TYPES: Partial<Record<string, NotificationType>> = {
  [ProposalStatus.approved]: NotificationType.proposal_approved,
  [ProposalStatus.partially_approved]: NotificationType.proposal_partially_approved,
  [ProposalStatus.rejected]: NotificationType.proposal_rejected,
  [ProposalStatus.changes_requested]: NotificationType.proposal_changes_requested,
};

/**
 * A reviewer decided: approved (the notification points at the diff the
 * approval published), partially approved, rejected or sent back.
 */
export async function notifyDecision(
  tx: Tx,
  decision: {
    proposal: ProposalRef;
    status: string;
    reviewerId: number;
    revisionId: number | null;
    parentRevisionId: number | null;
  },
) {
  const type = DECISION_TYPES[decision.status];
  if (!type) return;
  const published = decision.revisionId !== null && decision.parentRevisionId !== null;
  await notify(tx, {
    type,
    recipients: [decision.proposal.authorId],
    actorId: decision.reviewerId,
    articleId: decision.proposal.articleId,
    proposalId: decision.proposal.id,
    fromRevisionId: published ? decision.parentRevisionId : null,
    toRevisionId: published ? decision.revisionId : null,
  });
}

/**
 * The proposal no longer applies: an approval found that the article changed
 * in the same places since it was made. Told once until read (a second
 * reviewer trying meanwhile adds nothing new).
 */
export async function notifyOutdated(tx: Tx, proposal: ProposalRef, reviewerId: number) {
  const unread = await tx.notification.findFirst({
    where: {
      recipientId: proposal.authorId,
      type: NotificationType.proposal_outdated,
      proposalId: proposal.id,
      readAt: null,
    },
    select: { id: true },
  });
  if (unread) return;
  await notify(tx, {
    type: NotificationType.proposal_outdated,
    recipients: [proposal.authorId],
    actorId: reviewerId,
    articleId: proposal.articleId,
    proposalId: proposal.id,
  });
}
