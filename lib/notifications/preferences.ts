import "server-only";
import { assertAllowed } from "../authz/assert";
import { decidePersonal } from "../authz/notifications";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { smtpConfig } from "./email-config";
import { NOTIFICATION_TYPE_INFO, NOTIFICATION_TYPES, type NotificationType } from "./types";

/** The preferences page's data: each type's choices (defaults where none was made), the email address, the feed token. */
export interface NotificationPreferences {
  types: Array<{ type: NotificationType; label: string; web: boolean; email: boolean }>;
  email: string;
  /** whether this wiki sends email at all (SMTP configured) */
  emailAvailable: boolean;
  feedToken: string | null;
}

/** The signed-in user's notification preferences, with each type's default where they chose nothing. */
export async function readNotificationPreferences(options: {
  actor: Actor | null;
  db?: Db;
}): Promise<NotificationPreferences> {
  assertAllowed(decidePersonal(options.actor, "set_notification_preferences"));
  const actor = options.actor as Actor;
  const db = options.db ?? getDb();
  const [user, chosen] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, feedToken: true } }),
    db.notificationPreference.findMany({ where: { userId: actor.id } }),
  ]);
  return {
    types: NOTIFICATION_TYPES.map((type) => {
      const choice = chosen.find((row) => row.type === type);
      const info = NOTIFICATION_TYPE_INFO[type];
      return { type, label: info.label, web: choice?.web ?? info.web, email: choice?.email ?? info.email };
    }),
    email: user.email ?? "",
    emailAvailable: smtpConfig() !== null,
    feedToken: user.feedToken,
  };
}
