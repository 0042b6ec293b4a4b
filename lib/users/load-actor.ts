import "server-only";
import type { Actor } from "../authz/policy";
import { queryPrepared, type Db, type Tx } from "../db/client";

const epoch = (value: string | null) => (value === null ? null : new Date(Number(value)));

/**
 * Reads the acting user fresh from the database (groups and block included),
 * or null. One statement: every signed-in page view pays for it.
 */
export async function loadActor(db: Db | Tx, userId: number | null): Promise<Actor | null> {
  if (userId === null) return null;
  const [row] = await queryPrepared<{ id: number; name: string; editCount: number; createdMs: string; blockedMs: string | null; blockExpiresMs: string | null; blockReason: string | null; groups: string[] }>(db, {
    name: "wiki-load-actor",
    text: `SELECT u."id", u."name", u."editCount", u."blockReason",
        (EXTRACT(EPOCH FROM u."createdAt") * 1000)::bigint::text AS "createdMs",
        (EXTRACT(EPOCH FROM u."blockedAt") * 1000)::bigint::text AS "blockedMs",
        (EXTRACT(EPOCH FROM u."blockExpiresAt") * 1000)::bigint::text AS "blockExpiresMs",
        COALESCE((SELECT array_agg(g."group" ORDER BY g."group") FROM "UserGroup" g WHERE g."userId" = u."id"), '{}') AS "groups"
      FROM "User" u WHERE u."id" = $1`,
    values: [userId],
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
