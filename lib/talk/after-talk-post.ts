import "server-only";
import type { Tx } from "../db/client";

/** What happened on a talk page, as the one hook after a post sees it. */
export interface TalkPostEvent {
  /** "topic": a new topic and its first post; "reply": a reply in an existing topic */
  kind: "topic" | "reply";
  articleId: number;
  topicId: number;
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
 * wrote it (so a notification, watchlist entry or recent-changes row exists
 * exactly when the post does): notifications of the reply and mentions, the
 * watchlist and recent changes hook in here. Does nothing yet.
 */
export async function afterTalkPost(_tx: Tx, _event: TalkPostEvent): Promise<void> {}
