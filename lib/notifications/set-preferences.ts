import "server-only";
import { assertAllowed } from "../authz/assert";
import { decidePersonal } from "../authz/notifications";
import type { Actor } from "../authz/policy";
import type { TNotificationPreferences } from "../contracts/notifications";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";

/**
 * Saves the signed-in user's choices: web and email per type (a type turned
 * off for web is not written at all; email goes only with web on, since the
 * email links to the notification), and the address emails go to ("" for
 * none). One transaction, so the page's form is saved whole or not at all.
 */
export async function setNotificationPreferences(options: {
  actor: Actor | null;
  request: TNotificationPreferences;
  db?: Db;
}): Promise<{ saved: true }> {
  assertAllowed(decidePersonal(options.actor, "set_notification_preferences"));
  const actor = options.actor as Actor;
  const db = options.db ?? getDb();
  const seen = new Set<string>();
  options.request.types.forEach((choice, index) => {
    if (seen.has(choice.type))
      throw new WikiError("bad_request", `types[${index}].type: ${choice.type} is listed twice.`);
    seen.add(choice.type);
  });
  const email = options.request.email.trim() || null;
  await db.$transaction(async (tx) => {
    for (const choice of options.request.types)
      await tx.notificationPreference.upsert({
        where: { userId_type: { userId: actor.id, type: choice.type } },
        create: { userId: actor.id, type: choice.type, web: choice.web, email: choice.email },
        update: { web: choice.web, email: choice.email },
      });
    await tx.user.update({ where: { id: actor.id }, data: { email }, select: { id: true } });
  });
  return { saved: true };
}
