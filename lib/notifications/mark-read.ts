import "server-only";
import { assertAllowed } from "../authz/assert";
import { decidePersonal } from "../authz/notifications";
import type { Actor } from "../authz/policy";
import type { TMarkReadRequest } from "../contracts/notifications";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";

/**
 * Marks the signed-in user's notifications read: those named, or all. Only
 * the recipient's own rows are touched; an id that is not one of theirs
 * (someone else's, or none at all) is answered 404 naming it, the same either
 * way, so ids cannot be probed, and nothing is marked.
 */
export async function markNotificationsRead(options: {
  actor: Actor | null;
  request: TMarkReadRequest;
  db?: Db;
}): Promise<{ marked: number }> {
  assertAllowed(decidePersonal(options.actor, "read_notifications"));
  const actor = options.actor as Actor;
  const db = options.db ?? getDb();
  if ("all" in options.request) {
    const marked = await db.notification.updateMany({
      where: { recipientId: actor.id, readAt: null },
      data: { readAt: new Date() },
    });
    return { marked: marked.count };
  }
  const ids = [...new Set(options.request.ids)];
  return db.$transaction(async (tx) => {
    const own = await tx.notification.findMany({
      where: { id: { in: ids }, recipientId: actor.id },
      select: { id: true },
    });
    const missing = ids.find((id) => !own.some((row) => row.id === id));
    if (missing !== undefined) throw new WikiError("not_found", `ids: there is no notification #${missing} of yours.`);
    const marked = await tx.notification.updateMany({
      where: { id: { in: ids }, recipientId: actor.id, readAt: null },
      data: { readAt: new Date() },
    });
    return { marked: marked.count };
  });
}
