import type { Actor, Decision } from "./policy";

/*
 * Who may keep a watchlist and read notifications. Both are the user's own
 * business: any signed-in user, a blocked one included (a block stops
 * editing, not reading, and MediaWiki lets blocked users keep their
 * watchlist). One user's notifications are another's only when the ids
 * match: a notification of someone else is answered as missing (404), never
 * 403, so ids cannot be probed. Pure.
 */

/** What can be done with one's own watchlist and inbox. */
export type PersonalAction = "watch" | "read_notifications" | "set_notification_preferences";

const WORDS: Record<PersonalAction, string> = {
  watch: "watch articles",
  read_notifications: "read your notifications",
  set_notification_preferences: "change your notification preferences",
};

/** May `actor` act on their own watchlist or inbox? Signed out is 401; nothing else refuses. */
export function decidePersonal(actor: Actor | null, action: PersonalAction): Decision {
  if (!actor)
    return { allowed: false, status: 401, code: "unauthorized", reason: `You need to sign in to ${WORDS[action]}.` };
  return { allowed: true };
}

/** Whether a notification may be shown to or changed by `actor`: only its recipient. */
export function ownsNotification(actor: Actor | null, notification: { recipientId: number }): boolean {
  return actor !== null && actor.id === notification.recipientId;
}
