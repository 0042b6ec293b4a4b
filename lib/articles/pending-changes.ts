import { z } from "zod";

/*
 * Pending changes (Wikipedia's FlaggedRevs, "pending changes protection"):
 * a per-article setting under which anyone allowed to edit still saves as
 * usual, but readers are shown the last ACCEPTED revision until a reviewer
 * accepts the newer ones.
 *
 * Model: one pointer on the article, `Article.acceptedRevisionId`, rather
 * than a flag on each revision. Revisions are immutable (a trigger refuses
 * UPDATE), and a revision id only grows within an article, so "accepted up
 * to R" is one number and "pending" is every revision after it; accepting is
 * moving the pointer forward with a compare-and-set, as the head moves. The
 * pointer is set to the head when the setting is turned on, so what readers
 * saw then stays what they see. Pure: the read path, the views and the
 * components all decide with these functions.
 */

/** The pending-changes log's actions (PendingChangesLog.action; a CHECK constraint holds the same list). */
export const PENDING_CHANGES_ACTIONS = ["enable", "disable", "accept"] as const;
export type PendingChangesAction = (typeof PENDING_CHANGES_ACTIONS)[number];
export const ZPendingChangesAction = z.enum(PENDING_CHANGES_ACTIONS);

/** An article's pending-changes columns as stored. */
export interface StoredPendingChanges {
  currentRevisionId: number | null;
  pendingChanges: boolean;
  pendingChangesExpiresAt: Date | null;
  acceptedRevisionId: number | null;
}

/**
 * Whether pending changes apply at `now`: on, not expired and with an
 * accepted revision. An expired setting simply stops applying (as protection
 * does): readers get the head again, with no job needed.
 */
export function pendingChangesInForce(stored: StoredPendingChanges, now = new Date()): boolean {
  if (!stored.pendingChanges || stored.acceptedRevisionId === null) return false;
  return !(stored.pendingChangesExpiresAt && stored.pendingChangesExpiresAt <= now);
}

/** The accepted and latest revisions when edits await review at `now`; null when readers see the head anyway. */
export function pendingReview(
  stored: StoredPendingChanges,
  now = new Date(),
): { acceptedRevisionId: number; currentRevisionId: number } | null {
  if (!pendingChangesInForce(stored, now) || stored.currentRevisionId === null) return null;
  const accepted = stored.acceptedRevisionId as number;
  if (accepted >= stored.currentRevisionId) return null;
  return { acceptedRevisionId: accepted, currentRevisionId: stored.currentRevisionId };
}

/**
 * The revision `/wiki/{slug}` shows: the latest to whoever sees the latest
 * (people who may edit the article or review it: they edit and review the
 * head, with a "pending review" notice), the accepted one to everyone else
 * (signed-out readers, blocked users, users the protection keeps out), as
 * Wikipedia shows readers the stable version by default.
 */
export function shownRevisionId(
  stored: StoredPendingChanges & { currentRevisionId: number },
  seesLatest: boolean,
  now = new Date(),
): number {
  const pending = pendingReview(stored, now);
  return pending && !seesLatest ? pending.acceptedRevisionId : stored.currentRevisionId;
}

/** The diff from the accepted revision to the latest, at the public diff URL. */
export function pendingDiffUrl(slug: string, pending: { acceptedRevisionId: number; currentRevisionId: number }) {
  return `/wiki/${encodeURIComponent(slug)}/diff?from=${pending.acceptedRevisionId}&to=${pending.currentRevisionId}`;
}
