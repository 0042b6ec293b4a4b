import "server-only";
import { assertAllowed } from "../authz/assert";
import { decidePersonal } from "../authz/notifications";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";

/**
 * The log entries about an article that its watchers see, as MediaWiki's watchlist lists log actions: its
 * deletion and restoration, its protection, its pending-changes setting and acceptance (a move is a revision,
 * listed as an edit).
 */
export const WATCHED_LOG_KINDS = ["deletion", "restore", "protection", "pending-changes"] as const;

/** One change to a watched article, as /watchlist lists it. */
export interface WatchlistEntry {
  kind: "edit" | "proposal" | "decision" | "talk" | "log";
  /** the revision, proposal, decision or talk post id, or the log entry's (recent change's) id (unique within its kind) */
  id: number;
  createdAt: Date;
  articleSlug: string;
  articleTitle: string;
  /** who made it: the editor, the proposer, the reviewer */
  userName: string;
  /** edit summary, proposal summary, decision comment, a talk post's topic title */
  summary: string;
  /** edits: the revision and its parent, for the diff link */
  revisionId: number | null;
  parentId: number | null;
  /** edits that carry out an approval: the approving reviewer */
  approverName: string | null;
  proposalId: number | null;
  /** decisions: ReviewDecision.action; talk: topic or reply; log: the journal's kind, with its action after a colon */
  action: string | null;
  /** made after the user's previous visit to /watchlist */
  isNew: boolean;
}

/** How far back the watchlist looks (Wikipedia's longest setting is 30 days). */
export const WATCHLIST_DAYS = 30;
/** The most changes one page of the watchlist shows. */
export const WATCHLIST_LIMIT = 100;

interface Row extends Omit<WatchlistEntry, "isNew" | "createdAt"> {
  createdAt: Date;
}

/**
 * THE read of a user's watchlist (the page and its feed call only this; the
 * site-wide recent-changes table may replace the statement without touching
 * them): the edits, proposals, decisions, talk posts and log entries (WATCHED_LOG_KINDS) on the articles the user
 * watches now (expired watches ignored) in the last WATCHLIST_DAYS, newest
 * first, each marked new when made after the previous visit. With
 * `markSeen` (the page), the visit moves the user's "last visit" to now.
 * One statement for the changes, bounded by the page, not by the history or
 * the number of watched articles' revisions: edits are read only from the
 * LIMIT watched articles whose head is newest (no other can hold one of the
 * newest LIMIT edits), each walked newest first on its (articleId, id) index
 * for at most LIMIT rows.
 */
export async function readWatchlist(options: {
  actor: Actor | null;
  markSeen?: boolean;
  limit?: number;
  db?: Db;
}): Promise<{ entries: WatchlistEntry[]; lastVisit: Date | null; watchedCount: number }> {
  assertAllowed(decidePersonal(options.actor, "watch"));
  const actor = options.actor as Actor;
  const db = options.db ?? getDb();
  const limit = Math.min(options.limit ?? WATCHLIST_LIMIT, WATCHLIST_LIMIT);
  const since = new Date(Date.now() - WATCHLIST_DAYS * 86_400_000);
  const [seen] = await db.$queryRaw<Array<{ lastVisit: Date | null; watchedIds: number[] }>>`
    SELECT u."watchlistSeenAt" AS "lastVisit",
      ARRAY(SELECT w."articleId" FROM "Watch" w WHERE w."userId" = u."id" AND (w."expiresAt" IS NULL OR w."expiresAt" > now())) AS "watchedIds"
    FROM "User" u WHERE u."id" = ${actor.id}`;
  const watched = seen?.watchedIds ?? [];
  let rows: Row[] = [];
  if (watched.length) {
    rows = await db.$queryRaw<Row[]>`
      WITH heads AS (
        -- The newest LIMIT edits come from at most LIMIT articles: those whose head (always their newest revision) is newest.
        SELECT a."id" FROM "Article" a WHERE a."id" = ANY(${watched}::int[]) AND a."currentRevisionId" IS NOT NULL
        ORDER BY a."currentRevisionId" DESC LIMIT ${limit}
      ), edits AS (
        SELECT 'edit' AS "kind", r."id", r."createdAt", r."articleId", r."authorId" AS "userId", r."summary",
          r."id" AS "revisionId", r."parentId", r."approvedById", NULL::int AS "proposalId", NULL::text AS "action"
        FROM heads h CROSS JOIN LATERAL (
          SELECT * FROM "Revision" x WHERE x."articleId" = h."id" ORDER BY x."id" DESC LIMIT ${limit}
        ) r
        WHERE r."createdAt" > ${since}
        ORDER BY r."id" DESC LIMIT ${limit}
      ), proposals AS (
        SELECT 'proposal' AS "kind", p."id", p."createdAt", p."articleId", p."authorId" AS "userId", p."summary",
          NULL::int AS "revisionId", NULL::int AS "parentId", NULL::int AS "approvedById", p."id" AS "proposalId", NULL::text AS "action"
        FROM "Proposal" p WHERE p."articleId" = ANY(${watched}::int[]) AND p."createdAt" > ${since}
        ORDER BY p."id" DESC LIMIT ${limit}
      ), decisions AS (
        -- an approval that published is listed as its revision ("approved by"); the others here
        SELECT 'decision' AS "kind", d."id", d."createdAt", p."articleId", d."reviewerId" AS "userId", d."comment" AS "summary",
          NULL::int AS "revisionId", NULL::int AS "parentId", NULL::int AS "approvedById", d."proposalId", d."action"
        FROM "ReviewDecision" d JOIN "Proposal" p ON p."id" = d."proposalId"
        WHERE p."articleId" = ANY(${watched}::int[]) AND d."createdAt" > ${since} AND d."revisionId" IS NULL
        ORDER BY d."id" DESC LIMIT ${limit}
      ), talk AS (
        -- posts on the watched articles' talk pages (watching an article watches its talk page, as in MediaWiki)
        SELECT 'talk' AS "kind", p."id", p."createdAt", t."articleId", p."authorId" AS "userId", t."title" AS "summary",
          NULL::int AS "revisionId", NULL::int AS "parentId", NULL::int AS "approvedById", NULL::int AS "proposalId",
          CASE WHEN p."parentId" IS NULL THEN 'topic' ELSE 'reply' END AS "action"
        FROM "TalkTopic" t JOIN "TalkPost" p ON p."topicId" = t."id"
        WHERE t."articleId" = ANY(${watched}::int[]) AND p."createdAt" > ${since} AND p."hiddenAt" IS NULL
        ORDER BY p."id" DESC LIMIT ${limit}
      ), logged AS (
        -- deletions, restorations, protection and pending changes, from the site's journal (its (articleId, id) index)
        SELECT 'log' AS "kind", c."id", c."createdAt", c."articleId", c."actorId" AS "userId", c."summary",
          NULL::int AS "revisionId", NULL::int AS "parentId", NULL::int AS "approvedById", NULL::int AS "proposalId",
          c."kind" || COALESCE(':' || c."action", '') AS "action"
        FROM "RecentChange" c
        WHERE c."articleId" = ANY(${watched}::int[]) AND c."kind" = ANY(${[...WATCHED_LOG_KINDS]}::text[]) AND c."createdAt" > ${since}
        ORDER BY c."id" DESC LIMIT ${limit}
      ), changes AS (
        SELECT * FROM edits UNION ALL SELECT * FROM proposals UNION ALL SELECT * FROM decisions UNION ALL SELECT * FROM talk
        UNION ALL SELECT * FROM logged
        ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit}
      )
      SELECT c."kind", c."id", c."createdAt", a."slug" AS "articleSlug", a."title" AS "articleTitle", u."name" AS "userName",
        c."summary", c."revisionId", c."parentId", approver."name" AS "approverName", c."proposalId", c."action"
      FROM changes c
      JOIN "Article" a ON a."id" = c."articleId"
      JOIN "User" u ON u."id" = c."userId"
      LEFT JOIN "User" approver ON approver."id" = c."approvedById"
      ORDER BY c."createdAt" DESC, c."id" DESC`;
  }
  const lastVisit = seen?.lastVisit ?? null;
  if (options.markSeen)
    await db.user.update({ where: { id: actor.id }, data: { watchlistSeenAt: new Date() }, select: { id: true } });
  return {
    lastVisit,
    watchedCount: watched.length,
    entries: rows.map((row) => ({ ...row, isNew: lastVisit === null || row.createdAt > lastVisit })),
  };
}
