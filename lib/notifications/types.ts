import { z } from "zod";

/**
 * Every kind of notification, the one list the code, the preferences page and
 * the database's CHECK constraints (prisma/migrations/*_watchlist_notifications)
 * agree on. Pure: no database.
 */
export const NOTIFICATION_TYPES = [
  "proposal_approved",
  "proposal_partially_approved",
  "proposal_rejected",
  "proposal_changes_requested",
  "proposal_commented",
  "proposal_outdated",
  "proposal_new",
  "talk_reply",
  "talk_mention",
  "edit_reverted",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
export const ZNotificationType = z.enum(NOTIFICATION_TYPES);
/** The types by name (`NotificationType.proposal_approved`), so a misspelt one fails the type check. */
export const NotificationType = ZNotificationType.enum;

/** How each type is named on the preferences page, and whether it is on for web and email until the user chooses. */
export const NOTIFICATION_TYPE_INFO: Record<NotificationType, { label: string; web: boolean; email: boolean }> = {
  proposal_approved: { label: "Your proposal was approved", web: true, email: true },
  proposal_partially_approved: { label: "Your proposal was partially approved", web: true, email: true },
  proposal_rejected: { label: "Your proposal was rejected", web: true, email: true },
  proposal_changes_requested: { label: "Your proposal was sent back for changes", web: true, email: true },
  proposal_commented: { label: "Someone commented on your proposal", web: true, email: false },
  proposal_outdated: { label: "Your proposal no longer applies to the article", web: true, email: true },
  proposal_new: { label: "A new proposal on an article you watch (reviewers)", web: true, email: false },
  talk_reply: { label: "A reply to you in a talk thread", web: true, email: false },
  talk_mention: { label: "You were mentioned on a talk page", web: true, email: true },
  edit_reverted: { label: "Your edit was undone", web: true, email: true },
};

/** What a notification points at, as stored (ids only; the reader joins names). */
export interface NotificationTarget {
  type: NotificationType;
  articleSlug: string | null;
  proposalId: number | null;
  fromRevisionId: number | null;
  toRevisionId: number | null;
  talkTopicId: number | null;
  talkPostId: number | null;
}

/**
 * Where following a notification leads: a decision that published goes to its
 * diff, other proposal events to the proposal, an undone edit to the undo's
 * diff, talk events to the talk thread. Pure, so the inbox and the email agree.
 */
export function notificationPath(target: NotificationTarget): string {
  const slug = target.articleSlug === null ? null : encodeURIComponent(target.articleSlug);
  if (slug && target.fromRevisionId !== null && target.toRevisionId !== null)
    return `/wiki/${slug}/diff?from=${target.fromRevisionId}&to=${target.toRevisionId}`;
  if (slug && target.toRevisionId !== null) return `/wiki/${slug}?oldid=${target.toRevisionId}`;
  if (target.type === "talk_reply" || target.type === "talk_mention") {
    if (slug)
      return `/wiki/${slug}/talk${target.talkPostId !== null ? `#post-${target.talkPostId}` : target.talkTopicId !== null ? `#topic-${target.talkTopicId}` : ""}`;
  }
  if (target.proposalId !== null) return `/proposals/${target.proposalId}`;
  return slug ? `/wiki/${slug}` : "/notifications";
}

/** One line saying what happened, for the inbox and the email subject. */
export function notificationText(
  type: NotificationType,
  names: { actor: string | null; article: string | null; proposalId: number | null },
): string {
  const who = names.actor ?? "Someone";
  const proposal = names.proposalId !== null ? `proposal #${names.proposalId}` : "proposal";
  const on = names.article ? ` to “${names.article}”` : "";
  const article = names.article ? `“${names.article}”` : "an article";
  switch (type) {
    case "proposal_approved":
      return `${who} approved your ${proposal}${on}.`;
    case "proposal_partially_approved":
      return `${who} partially approved your ${proposal}${on}.`;
    case "proposal_rejected":
      return `${who} rejected your ${proposal}${on}.`;
    case "proposal_changes_requested":
      return `${who} sent your ${proposal}${on} back for changes.`;
    case "proposal_commented":
      return `${who} commented on your ${proposal}${on}.`;
    case "proposal_outdated":
      return `Your ${proposal}${on} no longer applies: the article changed in the same places.`;
    case "proposal_new":
      return `${who} proposed a change to ${article}, which you watch.`;
    case "talk_reply":
      return `${who} replied to you on the talk page of ${article}.`;
    case "talk_mention":
      return `${who} mentioned you on the talk page of ${article}.`;
    case "edit_reverted":
      return `${who} undid your edit of ${article}.`;
  }
}
