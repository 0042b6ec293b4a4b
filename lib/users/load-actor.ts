import "server-only";
import type { Actor } from "../authz/policy";
import type { Db, Tx } from "../db/client";

/** Reads the acting user fresh from the database (groups and block included), or null. */
export async function loadActor(db: Db | Tx, userId: number | null): Promise<Actor | null> {
  if (userId === null) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, createdAt: true, editCount: true, blockedAt: true, blockExpiresAt: true, blockReason: true, groups: { select: { group: true } } },
  });
  if (!user) return null;
  const { groups, ...rest } = user;
  return { ...rest, grantedGroups: groups.map((row) => row.group) };
}
