import "server-only";
import type { Db, Tx } from "../db/client";

/**
 * Adds an article to a user's watchlist as part of something they did to it
 * (proposing; edits watch through the revision's own statement in
 * lib/articles/commit-on-head.ts), inside the caller's transaction. A watch
 * in force is left as it is (a temporary one keeps its end); an expired one
 * becomes permanent again, as a fresh watch would be.
 */
export async function autoWatch(tx: Tx | Db, watch: { userId: number; articleId: number }): Promise<void> {
  await (tx as Tx).$executeRaw`
    INSERT INTO "Watch" ("userId", "articleId") VALUES (${watch.userId}, ${watch.articleId})
    ON CONFLICT ("userId", "articleId") DO UPDATE SET "expiresAt" = NULL, "createdAt" = now()
    WHERE "Watch"."expiresAt" IS NOT NULL AND "Watch"."expiresAt" <= now()`;
}
