import "server-only";
import type { Tx } from "../db/client";
import { notify } from "../notifications/notify";
import { NotificationType } from "../notifications/types";
import { RecentChangeKind } from "../recent-changes/kinds";
import { recordChange } from "../recent-changes/record-change";

/** What happened on a talk page, as the one hook after a post sees it. */
export interface TalkPostEvent {
  /** "topic": a new topic and its first post; "reply": a reply in an existing topic */
  kind: "topic" | "reply";
  articleId: number;
  topicId: number;
  /** the topic's title, as recent changes and notifications name it */
  topicTitle: string;
  postId: number;
  authorId: number;
  /** the author of the post replied to (null for a new topic); may be the author themself */
  parentAuthorId: number | null;
  /** the users the post mentions (@name), resolved and distinct; may include the author */
  mentionedUserIds: number[];
  createdAt: Date;
}

/**
 * THE call site for what follows a talk post, inside the transaction that
 * wrote it, so its recent-changes row and its notifications (a reply to the
 * post's author, a mention to each user named; never to the poster: notify()
 * leaves out the actor) exist exactly when the post does.
 */
export async function afterTalkPost(tx: Tx, event: TalkPostEvent): Promise<void> {
  await recordChange(tx, {
    kind: RecentChangeKind.talk,
    action: event.kind,
    actorId: event.authorId,
    articleId: event.articleId,
    details: { topicId: event.topicId, topicTitle: event.topicTitle, postId: event.postId },
    createdAt: event.createdAt,
  });
  const target = {
    actorId: event.authorId,
    articleId: event.articleId,
    talkTopicId: event.topicId,
    talkPostId: event.postId,
  };
  // A mention says more than a reply: someone both replied to and mentioned hears of it once, as a mention.
  const mentioned = new Set(event.mentionedUserIds);
  if (mentioned.size) await notify(tx, { type: NotificationType.talk_mention, recipients: [...mentioned], ...target });
  if (event.parentAuthorId !== null && !mentioned.has(event.parentAuthorId))
    await notify(tx, { type: NotificationType.talk_reply, recipients: [event.parentAuthorId], ...target });
}
