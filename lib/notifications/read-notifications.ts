import "server-only";
import { assertAllowed } from "../authz/assert";
import { decidePersonal } from "../authz/notifications";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { notificationPath, notificationText, type NotificationType } from "./types";

/** One notification as the inbox shows it. */
export interface InboxItem {
  id: number;
  type: NotificationType;
  text: string;
  /** where following it leads (lib/notifications/types.ts notificationPath) */
  path: string;
  createdAt: Date;
  read: boolean;
}

/** The most notifications the inbox shows at once. */
export const INBOX_LIMIT = 100;

/**
 * The signed-in user's inbox: unread first, then the rest, each newest first,
 * at most INBOX_LIMIT. Two index range reads on (recipientId, …): the unread
 * ones, then the newest read ones, never the whole history.
 */
export async function readNotifications(options: { actor: Actor | null; db?: Db }): Promise<InboxItem[]> {
  assertAllowed(decidePersonal(options.actor, "read_notifications"));
  const actor = options.actor as Actor;
  const db = options.db ?? getDb();
  const rows = await db.$queryRaw<
    Array<{
      id: number;
      type: NotificationType;
      createdAt: Date;
      readAt: Date | null;
      actorName: string | null;
      articleTitle: string | null;
      articleSlug: string | null;
      proposalId: number | null;
      fromRevisionId: number | null;
      toRevisionId: number | null;
      talkTopicId: number | null;
      talkPostId: number | null;
    }>
  >`
    WITH picked AS (
      (SELECT * FROM "Notification" WHERE "recipientId" = ${actor.id} AND "readAt" IS NULL ORDER BY "id" DESC LIMIT ${INBOX_LIMIT})
      UNION ALL
      (SELECT * FROM "Notification" WHERE "recipientId" = ${actor.id} AND "readAt" IS NOT NULL ORDER BY "id" DESC LIMIT ${INBOX_LIMIT})
    )
    SELECT n."id", n."type", n."createdAt", n."readAt", u."name" AS "actorName", a."title" AS "articleTitle", a."slug" AS "articleSlug",
      n."proposalId", n."fromRevisionId", n."toRevisionId", n."talkTopicId", n."talkPostId"
    FROM picked n
    LEFT JOIN "User" u ON u."id" = n."actorId"
    LEFT JOIN "Article" a ON a."id" = n."articleId"
    ORDER BY (n."readAt" IS NULL) DESC, n."id" DESC
    LIMIT ${INBOX_LIMIT}`;
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    text: notificationText(row.type, { actor: row.actorName, article: row.articleTitle, proposalId: row.proposalId }),
    path: notificationPath(row),
    createdAt: row.createdAt,
    read: row.readAt !== null,
  }));
}

/** Unread notifications counted up to this; the header shows "99+" beyond it. */
export const UNREAD_CAP = 100;

/**
 * How many unread notifications the user has, counted only up to UNREAD_CAP:
 * one index range read on (recipientId, readAt) that stops there, so a flood
 * of notifications cannot make every page slower.
 */
export async function countUnread(db: Db, userId: number): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS "count" FROM (
      SELECT 1 FROM "Notification" WHERE "recipientId" = ${userId} AND "readAt" IS NULL LIMIT ${UNREAD_CAP}
    ) unread`;
  return row?.count ?? 0;
}
