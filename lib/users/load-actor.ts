import "server-only";
import type { Actor } from "../authz/policy";
import { poolOf, type Db, type Tx } from "../db/client";

const epoch = (value: string | null) => (value === null ? null : new Date(Number(value)));

/**
 * Reads the acting user fresh from the database (groups and block included),
 * or null. One statement: every signed-in page view pays for it.
 */
export async function loadActor(db: Db | Tx, userId: number | null): Promise<Actor | null> {
  if (userId === null) return null;
  const pool = poolOf(db);
  if (pool) {
    const { rows } = await pool.query<{ id: number; name: string; editCount: number; createdMs: string; blockedMs: string | null; blockExpiresMs: string | null; blockReason: string | null; groups: string[] }>({
      name: "wiki-load-actor",
      text: `SELECT u."id", u."name", u."editCount", u."blockReason",
          (EXTRACT(EPOCH FROM u."createdAt") * 1000)::bigint::text AS "createdMs",
          (EXTRACT(EPOCH FROM u."blockedAt") * 1000)::bigint::text AS "blockedMs",
          (EXTRACT(EPOCH FROM u."blockExpiresAt") * 1000)::bigint::text AS "blockExpiresMs",
          COALESCE((SELECT array_agg(g."group" ORDER BY g."group") FROM "UserGroup" g WHERE g."userId" = u."id"), '{}') AS "groups"
        FROM "User" u WHERE u."id" = $1`,
      values: [userId],
    });
    const row = rows[0];
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
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, createdAt: true, editCount: true, blockedAt: true, blockExpiresAt: true, blockReason: true, groups: { select: { group: true } } },
  });
  if (!user) return null;
  const { groups, ...rest } = user;
  return { ...rest, grantedGroups: groups.map((row) => row.group) };
}
