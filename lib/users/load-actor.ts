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
  const [row] = await queryPrepared<ActorRow>(db, {
    name: "wiki-load-actor",
    text: `SELECT ${ACTOR_COLUMNS} FROM "User" u WHERE ${ACTOR_WHERE}`,
    values: actorValues(who),
  });
  return row ? actorOfRow(row) : null;
}

/** The actor's columns as `loadActor` reads them, for a statement that reads more beside them (load-viewer.ts). */
export const ACTOR_COLUMNS = `u."id", u."name", u."editCount", u."blockReason",
        (EXTRACT(EPOCH FROM u."createdAt") * 1000)::bigint::text AS "createdMs",
        (EXTRACT(EPOCH FROM u."blockedAt") * 1000)::bigint::text AS "blockedMs",
        (EXTRACT(EPOCH FROM u."blockExpiresAt") * 1000)::bigint::text AS "blockExpiresMs",
        COALESCE((SELECT array_agg(g."group" ORDER BY g."group") FROM "UserGroup" g WHERE g."userId" = u."id"), '{}') AS "groups"`;

/** The user, and with a session the session's validity, as $1–$3 (`actorValues`). */
export const ACTOR_WHERE = `u."id" = $1
        AND ($2::int IS NULL OR (u."sessionGeneration" = $2 AND NOT EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r."id" = $3)))`;

export interface ActorRow {
  id: number;
  name: string;
  editCount: number;
  createdMs: string;
  blockedMs: string | null;
  blockExpiresMs: string | null;
  blockReason: string | null;
  groups: string[];
}

export function actorValues(who: SessionIdentity | number): [number, number | null, string | null] {
  const session = typeof who === "number" ? null : who;
  return [session ? session.userId : (who as number), session?.generation ?? null, session?.sessionId ?? null];
}

export function actorOfRow(row: ActorRow): Actor {
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
