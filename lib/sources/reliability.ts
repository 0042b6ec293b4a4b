import "server-only";
import type { Db, Tx } from "../db/client";
import { getReadDb } from "../db/replicas";
import { domainCandidates, ratingOf, type ListedStatus, type SourceStatus } from "./domains";

/** A domain's current rating: its latest row of the append-only list. */
export interface SourceRating {
  domain: string;
  status: ListedStatus;
  reason: string;
}

/**
 * The current entries of the given domains, one statement: the latest row of
 * each by the (domain, id DESC) index. "unlisted" rows are returned too, so a
 * domain taken off the list shadows nothing.
 */
async function entriesOf(db: Db | Tx, domains: string[]) {
  if (domains.length === 0) return new Map<string, { status: SourceStatus; reason: string }>();
  const rows = await db.$queryRaw<Array<{ domain: string; status: SourceStatus; reason: string }>>`
    SELECT DISTINCT ON ("domain") "domain", "status", "reason" FROM "SourceReliability"
    WHERE "domain" = ANY(${domains}::text[]) ORDER BY "domain", "id" DESC`;
  return new Map(rows.map((row) => [row.domain, { status: row.status, reason: row.reason }]));
}

/** How the list rates each of these URLs (by the most specific listed domain), keyed by URL; unrated URLs are absent. */
export async function rateUrls(db: Db | Tx, urls: Iterable<string>): Promise<Map<string, SourceRating>> {
  const unique = [...new Set(urls)];
  const entries = await entriesOf(db, [...new Set(unique.flatMap(domainCandidates))]);
  const ratings = new Map<string, SourceRating>();
  for (const url of unique) {
    const rating = ratingOf(url, entries);
    if (rating) ratings.set(url, { domain: rating.domain, status: rating.status, reason: rating.reason });
  }
  return ratings;
}

/** The public list page: every listed domain by status and name, and the log of changes, newest first. */
export async function listSourceReliability(options: { limit?: number; db?: Db } = {}) {
  const db = options.db ?? getReadDb();
  const [current, changes] = await Promise.all([
    db.$queryRaw<
      Array<{ domain: string; status: ListedStatus; reason: string; createdAt: Date; actor: string | null }>
    >`
      SELECT * FROM (
        SELECT DISTINCT ON (s."domain") s."domain", s."status", s."reason", s."createdAt", u."name" AS "actor"
        FROM "SourceReliability" s LEFT JOIN "User" u ON u."id" = s."actorId"
        ORDER BY s."domain", s."id" DESC
      ) latest WHERE "status" <> 'unlisted' ORDER BY "domain" LIMIT 5000`,
    db.$queryRaw<
      Array<{ id: number; domain: string; status: SourceStatus; reason: string; createdAt: Date; actor: string | null }>
    >`
      SELECT s."id", s."domain", s."status", s."reason", s."createdAt", u."name" AS "actor"
      FROM "SourceReliability" s LEFT JOIN "User" u ON u."id" = s."actorId"
      ORDER BY s."id" DESC LIMIT ${Math.min(options.limit ?? 100, 500)}`,
  ]);
  return { current, changes };
}
