import "server-only";
import { findArticle } from "../articles/read-article";
import { assertAllowed } from "../authz/assert";
import { decidePersonal } from "../authz/notifications";
import type { Actor } from "../authz/policy";
import type { TWatchResponse } from "../contracts/notifications";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";

/** Removes the article at `slug` from the signed-in user's watchlist (not watching it is fine: the outcome is the same). */
export async function unwatchArticle(options: { actor: Actor | null; slug: string; db?: Db }): Promise<TWatchResponse> {
  assertAllowed(decidePersonal(options.actor, "watch"));
  const actor = options.actor as Actor;
  const db = options.db ?? getDb();
  const article = await findArticle(db, options.slug);
  if (!article) throw new WikiError("not_found", `There is no article "${options.slug.replace(/_/g, " ")}".`);
  await db.watch.deleteMany({ where: { userId: actor.id, articleId: article.id } });
  return { watched: false, expiresAt: null };
}
