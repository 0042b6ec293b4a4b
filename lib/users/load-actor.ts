import "server-only";
import type { Actor } from "../authz/policy";
import type { SessionIdentity } from "../auth/session";
import { queryPrepared, type Db, type Tx } from "../db/client";

const epoch = (value: string | null) => (value === null ? null : new Date(Number(value)));

/**
 * Reads the acting user fresh from the database (groups and block included),
 * or null. One statement: every signed-in page view pays for it. Given a
 * session (what a request's cookie claims), the same statement refuses it when
 * the user's session generation has moved on or the session was signed out,
 * so a copied token stops working the moment its session ends. A bare id is
 * for server-side callers that already know who acts.
 */
export async function loadActor(db: Db | Tx, who: SessionIdentity | number | null): Promise<Actor | null> {
  if (who === null) return null;
  const session = typeof who === "number" ? null : who;
  const [row] = await queryPrepared<{
    id: number;
    name: string;
    editCount: number;
    createdMs: string;
    blockedMs: string | null;
    blockExpiresMs: string | null;
    blockReason: string | null;
    groups: string[];
  }>(db, {
    name: "wiki-load-actor",
    text: `SELECT u."id", u."name", u."editCount", u."blockReason",
        (EXTRACT(EPOCH FROM u."createdAt") * 1000)::bigint::text AS "createdMs",
        (EXTRACT(EPOCH FROM u."blockedAt") * 1000)::bigint::text AS "blockedMs",
        (EXTRACT(EPOCH FROM u."blockExpiresAt") * 1000)::bigint::text AS "blockExpiresMs",
        COALESCE((SELECT array_agg(g."group" ORDER BY g."group") FROM "UserGroup" g WHERE g."userId" = u."id"), '{}') AS "groups"
      FROM "User" u WHERE u."id" = $1
        AND ($2::int IS NULL OR (u."sessionGeneration" = $2 AND NOT EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r."id" = $3)))`,
    values: [session ? session.userId : (who as number), session?.generation ?? null, session?.sessionId ?? null],
  });
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    createdAt: new Date(Number(row.createdMs)),
    editCount: row.editCount,
    blockedAt: epoch(row.blockedMs),
    blockExpiresAt: epoch(row.blockExpiresMs),
    blockReason: row.blockReason,
    grantedGroups: row.groups,
  };
}
