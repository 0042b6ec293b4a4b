import "server-only";
import type { Db, Tx } from "../db/client";
import { smtpConfig } from "./email-config";
import { NOTIFICATION_TYPE_INFO, type NotificationType } from "./types";

/** What happened, to whom, and what it points at; ids only, names are joined when read. */
export interface NotifyEvent {
  type: NotificationType;
  /** these users (a proposal's author, the mentioned, the author of an undone edit) */
  recipients?: number[];
  /**
   * and/or everyone watching this article (unexpired watches); with
   * `reviewersOnly`, only those who may review proposals (granted reviewer or
   * admin, not blocked: lib/authz/policy.ts's "review" rule, in SQL)
   */
  watchersOf?: { articleId: number; reviewersOnly?: boolean };
  /** who caused it: never notified of their own action; null for the system */
  actorId: number | null;
  articleId?: number | null;
  proposalId?: number | null;
  fromRevisionId?: number | null;
  toRevisionId?: number | null;
  talkTopicId?: number | null;
  talkPostId?: number | null;
}

/** The granted groups whose members may review proposals (policy.ts `decide(actor, "review")`). */
const REVIEWING_GROUPS = ["reviewer", "admin"];

/**
 * The one statement that writes an event's notifications (notify.ts inside the
 * change's transaction, fanout-jobs.ts after it): the recipients (listed,
 * and/or the article's watchers, optionally only those who may review)
 * chosen, the actor left out, each recipient's preference for the type
 * applied (a type turned off writes no row), the rows inserted with one
 * INSERT ... SELECT, and, when SMTP is configured, one outbox row per
 * notification whose recipient has an address and wants the type by email.
 * With `inlineMax`, more than that many recipients write nothing but one
 * NotificationFanout row holding the event, expanded after the commit.
 */
export async function writeNotifications(
  tx: Tx | Db,
  event: NotifyEvent,
  inlineMax: number | null,
): Promise<{ notified: number; mailed: number; deferred: number }> {
  const recipients = [...new Set(event.recipients ?? [])];
  if (!recipients.length && !event.watchersOf) return { notified: 0, mailed: 0, deferred: 0 };
  const defaults = NOTIFICATION_TYPE_INFO[event.type];
  const emailOn = smtpConfig() !== null;
  const [row] = await (tx as Tx).$queryRawUnsafe<Array<{ notified: number; mailed: number; deferred: number }>>(
    `WITH candidates AS (
        -- UNION ALL with the listed users left out of the watchers (the list has no duplicates): no
        -- de-duplication of the whole audience, so the LIMIT below stops the scan of a large one early.
        SELECT unnest($1::int[]) AS "userId"
        UNION ALL
        SELECT w."userId" FROM "Watch" w
        WHERE $2::int IS NOT NULL AND w."articleId" = $2::int AND (w."expiresAt" IS NULL OR w."expiresAt" > now())
          AND w."userId" <> ALL($1::int[])
          AND ($3::text[] IS NULL OR EXISTS (
            SELECT 1 FROM "UserGroup" g JOIN "User" u ON u."id" = g."userId"
            WHERE g."userId" = w."userId" AND g."group" = ANY($3::text[])
              AND (u."blockedAt" IS NULL OR u."blockExpiresAt" <= now())))
      ), chosen AS (
        SELECT c."userId", COALESCE(p."email", $5::boolean) AS "wantsEmail" FROM candidates c
        LEFT JOIN "NotificationPreference" p ON p."userId" = c."userId" AND p."type" = $4::text
        WHERE c."userId" IS DISTINCT FROM $6::int AND COALESCE(p."web", $7::boolean)
        LIMIT $15::int
      ), too_many AS (
        SELECT $15::int IS NOT NULL AND (SELECT count(*) FROM chosen) >= $15::int AS "defer"
      ), inserted AS (
        INSERT INTO "Notification" ("recipientId", "type", "actorId", "articleId", "proposalId",
          "fromRevisionId", "toRevisionId", "talkTopicId", "talkPostId")
        SELECT c."userId", $4::text, $6::int, $8::int, $9::int, $10::int, $11::int, $12::int, $13::int
        FROM chosen c WHERE NOT (SELECT "defer" FROM too_many)
        RETURNING "id", "recipientId"
      ), deferred AS (
        INSERT INTO "NotificationFanout" ("event") SELECT $16::jsonb WHERE (SELECT "defer" FROM too_many)
        RETURNING 1
      ), mailed AS (
        INSERT INTO "EmailOutbox" ("notificationId")
        SELECT i."id" FROM inserted i
        JOIN chosen c ON c."userId" = i."recipientId"
        JOIN "User" u ON u."id" = i."recipientId"
        WHERE $14::boolean AND c."wantsEmail" AND u."email" IS NOT NULL
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM inserted)::int AS "notified", (SELECT count(*) FROM mailed)::int AS "mailed",
        (SELECT count(*) FROM deferred)::int AS "deferred"`,
    recipients,
    event.watchersOf?.articleId ?? null,
    event.watchersOf?.reviewersOnly ? REVIEWING_GROUPS : null,
    event.type,
    defaults.email,
    event.actorId,
    defaults.web,
    event.articleId ?? event.watchersOf?.articleId ?? null,
    event.proposalId ?? null,
    event.fromRevisionId ?? null,
    event.toRevisionId ?? null,
    event.talkTopicId ?? null,
    event.talkPostId ?? null,
    emailOn,
    inlineMax === null ? null : inlineMax + 1,
    JSON.stringify(event),
  );
  return row;
}
