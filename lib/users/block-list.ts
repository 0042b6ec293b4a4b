import "server-only";
import { getDb, type Db } from "../db/client";
import { RightsAction } from "./rights-action";

/** One block in force: who, since when, until when, why and by whom. */
export interface ActiveBlock {
  name: string;
  blockedAt: Date;
  /** null: indefinite */
  until: Date | null;
  reason: string;
  blockedBy: string | null;
}

/**
 * The site-wide block list (Wikipedia's Special:BlockList): every block in
 * force now, newest first. A block past its expiry no longer applies
 * (lib/authz/policy.ts `activeBlock`), so it is not listed. Public, as the
 * rights log it is read from.
 */
export async function listActiveBlocks(options: { db?: Db; now?: Date } = {}): Promise<ActiveBlock[]> {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const users = await db.user.findMany({
    where: { blockedAt: { not: null }, OR: [{ blockExpiresAt: null }, { blockExpiresAt: { gt: now } }] },
    orderBy: { blockedAt: "desc" },
    take: 500,
    select: {
      name: true,
      blockedAt: true,
      blockExpiresAt: true,
      blockReason: true,
      rightsChanges: {
        where: { action: RightsAction.block },
        orderBy: { id: "desc" },
        take: 1,
        select: { actor: { select: { name: true } } },
      },
    },
  });
  return users.map((user) => ({
    name: user.name,
    blockedAt: user.blockedAt as Date,
    until: user.blockExpiresAt,
    reason: user.blockReason ?? "",
    blockedBy: user.rightsChanges[0]?.actor?.name ?? null,
  }));
}
