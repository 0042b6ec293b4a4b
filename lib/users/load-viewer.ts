import "server-only";
import type { SessionIdentity } from "../auth/session";
import { REVIEW_GROUPS, type Actor } from "../authz/policy";
import { queryPrepared, type Db } from "../db/client";
import { UNREAD_CAP } from "../notifications/read-notifications";
import { ACTOR_COLUMNS, ACTOR_WHERE, actorOfRow, actorValues, type ActorRow } from "./load-actor";

/** The signed-in reader of a page, with what every page's header and the article's star show. */
export interface Viewer {
  actor: Actor;
  /** unread notifications, counted up to UNREAD_CAP */
  unreadCount: number;
  /** open proposals, for a member of a reviewing group (null for anyone else) */
  openProposals: number | null;
  /** the star of the article asked for (`watchSlug`): watched now, and until when; null when none was asked */
  watch: { watched: boolean; expiresAt: Date | null } | null;
}

/**
 * `loadActor` for a page view: the actor, the header's counts and the
 * article's star in one statement, because every signed-in view pays for
 * it (the article row is the view's only other statement). The review
 * count is read only for members of REVIEW_GROUPS, the groups `decide()`
 * lets review, so a reader who may not review never pays for it.
 */
export async function loadViewer(
  db: Db,
  who: SessionIdentity | number | null,
  options: { watchSlug?: string } = {},
): Promise<Viewer | null> {
  if (who === null) return null;
  const [row] = await queryPrepared<
    ActorRow & { unreadCount: number; openProposals: number | null; watching: boolean; watchExpiresMs: string | null }
  >(db, {
    name: "wiki-load-viewer",
    text: `SELECT ${ACTOR_COLUMNS},
        (SELECT count(*)::int FROM (SELECT 1 FROM "Notification" n WHERE n."recipientId" = u."id" AND n."readAt" IS NULL LIMIT $4) unread) AS "unreadCount",
        CASE WHEN EXISTS (SELECT 1 FROM "UserGroup" g WHERE g."userId" = u."id" AND g."group" = ANY($5::text[]))
          THEN (SELECT count(*)::int FROM "Proposal" p JOIN "Article" a ON a."id" = p."articleId"
            WHERE p."status" = 'open' AND a."deletedAt" IS NULL) END AS "openProposals",
        w."articleId" IS NOT NULL AS "watching",
        (EXTRACT(EPOCH FROM w."expiresAt") * 1000)::bigint::text AS "watchExpiresMs"
      FROM "User" u
      LEFT JOIN LATERAL (
        SELECT w."articleId", w."expiresAt" FROM "Watch" w JOIN "Article" a ON a."id" = w."articleId"
        WHERE $6::text IS NOT NULL AND a."slug" = $6 AND w."userId" = u."id" AND (w."expiresAt" IS NULL OR w."expiresAt" > now())
      ) w ON true
      WHERE ${ACTOR_WHERE}`,
    values: [...actorValues(who), UNREAD_CAP, [...REVIEW_GROUPS], options.watchSlug ?? null],
  });
  if (!row) return null;
  return {
    actor: actorOfRow(row),
    unreadCount: row.unreadCount,
    openProposals: row.openProposals,
    watch:
      options.watchSlug === undefined
        ? null
        : {
            watched: row.watching,
            expiresAt: row.watchExpiresMs === null ? null : new Date(Number(row.watchExpiresMs)),
          },
  };
}
