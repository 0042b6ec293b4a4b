import "server-only";
import type { Db, Tx } from "../db/client";
import { scheduleEmailDelivery } from "./email-outbox";
import { scheduleFanoutExpansion } from "./fanout-jobs";
import { writeNotifications, type NotifyEvent } from "./notification-writer";

export type { NotifyEvent };

/** Recipients written inside the change's transaction; more are written just after it (`WIKI_NOTIFY_INLINE_MAX`). */
export const inlineMax = () => Number(process.env.WIKI_NOTIFY_INLINE_MAX ?? 200);

/**
 * THE way anything notifies anyone: call it inside the transaction of the
 * change it reports, so the notification exists exactly when the change does.
 * ONE statement, however many recipients (notification-writer.ts): the
 * recipients chosen, the actor left out, preferences applied, the rows
 * inserted with one INSERT ... SELECT, emails queued for the background
 * sender (email-outbox.ts), so mail never slows or fails the change. An
 * audience larger than `inlineMax()` (a proposal on an article thousands of
 * reviewers watch) is not written row by row in the change's transaction:
 * the same statement stores the event once (NotificationFanout, committed
 * with the change) and fanout-jobs.ts writes the rows right after the commit,
 * so a save's cost does not grow with its audience (MediaWiki's Echo does
 * the same with its job queue).
 */
export async function notify(
  tx: Tx | Db,
  event: NotifyEvent,
): Promise<{ notified: number; mailed: number; deferred: number }> {
  const row = await writeNotifications(tx, event, inlineMax());
  if (row.mailed > 0) scheduleEmailDelivery();
  if (row.deferred > 0) scheduleFanoutExpansion();
  return row;
}
