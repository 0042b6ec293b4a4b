import "server-only";
import { assertAllowed } from "../authz/assert";
import { decidePersonal, ownsNotification } from "../authz/notifications";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { notificationPath, type NotificationType } from "./types";

/**
 * Following a notification from the inbox: marks it read and says where it
 * leads. Someone else's notification is answered as missing (404), as one
 * that does not exist is.
 */
export async function openNotification(options: {
  actor: Actor | null;
  notificationId: number;
  db?: Db;
}): Promise<{ path: string }> {
  assertAllowed(decidePersonal(options.actor, "read_notifications"));
  const db = options.db ?? getDb();
  const row = await db.notification.findUnique({
    where: { id: options.notificationId },
    select: {
      recipientId: true,
      type: true,
      readAt: true,
      proposalId: true,
      fromRevisionId: true,
      toRevisionId: true,
      talkTopicId: true,
      talkPostId: true,
      articleId: true,
    },
  });
  if (!row || !ownsNotification(options.actor, row))
    throw new WikiError("not_found", `There is no notification #${options.notificationId} of yours.`);
  if (row.readAt === null)
    await db.notification.updateMany({
      where: { id: options.notificationId, readAt: null },
      data: { readAt: new Date() },
    });
  const article =
    row.articleId === null
      ? null
      : await db.article.findUnique({ where: { id: row.articleId }, select: { slug: true } });
  return { path: notificationPath({ ...row, type: row.type as NotificationType, articleSlug: article?.slug ?? null }) };
}
