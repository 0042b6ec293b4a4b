import "server-only";
import { randomBytes } from "node:crypto";
import { assertAllowed } from "../authz/assert";
import { decidePersonal } from "../authz/notifications";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";

/**
 * Gives the signed-in user a new private feed token (for the watchlist feed a
 * URL carries, where no cookie goes): 32 random bytes, URL-safe; the old one
 * stops working at once. Shown on the preferences page.
 */
export async function rotateFeedToken(options: { actor: Actor | null; db?: Db }): Promise<{ feedToken: string }> {
  assertAllowed(decidePersonal(options.actor, "set_notification_preferences"));
  const actor = options.actor as Actor;
  const feedToken = randomBytes(32).toString("base64url");
  await (options.db ?? getDb()).user.update({ where: { id: actor.id }, data: { feedToken }, select: { id: true } });
  return { feedToken };
}
