import "server-only";
import type { Db } from "./db/client";

/**
 * Fixed-window counters in the database, so every app instance shares them.
 * `consume` adds one hit and says whether the key is over its limit, and if so
 * how many seconds until the window resets.
 */
export async function consume(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<{ limited: boolean; retryAfter: number; count: number }> {
  const rows = await db.$queryRaw<Array<{ count: number; windowStart: Date }>>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => ${windowSeconds}::double precision) THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= now() - make_interval(secs => ${windowSeconds}::double precision) THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  const { count, windowStart } = rows[0];
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowSeconds * 1000 - Date.now()) / 1000));
  return { limited: count > limit, retryAfter, count };
}

/** Reads a counter without adding to it. */
export async function peek(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<{ limited: boolean; retryAfter: number }> {
  const bucket = await db.rateLimitBucket.findUnique({ where: { key } });
  if (!bucket || bucket.windowStart.getTime() + windowSeconds * 1000 <= Date.now())
    return { limited: false, retryAfter: 0 };
  return {
    limited: bucket.count >= limit,
    retryAfter: Math.max(1, Math.ceil((bucket.windowStart.getTime() + windowSeconds * 1000 - Date.now()) / 1000)),
  };
}

/** Forgets a counter (a successful login clears its failures). */
export async function reset(db: Db, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}
