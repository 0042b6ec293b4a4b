import "server-only";
import { findArticle } from "../articles/read-article";
import { assertAllowed } from "../authz/assert";
import { decidePersonal } from "../authz/notifications";
import type { Actor } from "../authz/policy";
import type { TWatchResponse, WatchExpiry } from "../contracts/notifications";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";

const DAY = 86_400_000;
const EXPIRY_DAYS: Record<WatchExpiry, number | null> = { permanent: null, "1week": 7, "1month": 30, "3months": 90 };

/** When a watch chosen now with `expiry` ends (null: never). */
export function watchExpiresAt(expiry: WatchExpiry, now = new Date()): Date | null {
  const days = EXPIRY_DAYS[expiry];
  return days === null ? null : new Date(now.getTime() + days * DAY);
}

/**
 * Watches the article at `slug` for the signed-in user, for good or until the
 * chosen expiry (choosing again replaces the expiry). One row per user and
 * article, so watching twice is watching once.
 */
export async function watchArticle(options: {
  actor: Actor | null;
  slug: string;
  expiry: WatchExpiry;
  db?: Db;
  now?: Date;
}): Promise<TWatchResponse> {
  assertAllowed(decidePersonal(options.actor, "watch"));
  const actor = options.actor as Actor;
  const db = options.db ?? getDb();
  const article = await findArticle(db, options.slug);
  if (!article) throw new WikiError("not_found", `There is no article "${options.slug.replace(/_/g, " ")}".`);
  const expiresAt = watchExpiresAt(options.expiry, options.now);
  await db.watch.upsert({
    where: { userId_articleId: { userId: actor.id, articleId: article.id } },
    create: { userId: actor.id, articleId: article.id, expiresAt },
    update: { expiresAt },
  });
  return { watched: true, expiresAt: expiresAt?.toISOString() ?? null };
}
