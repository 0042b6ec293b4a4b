import "server-only";
import type { Db } from "../db/client";
import { getReadDb } from "../db/replicas";

/** Results per page of the search page. */
export const SEARCH_PAGE_SIZE = 20;

// Marker characters of ts_headline's matches; removed from the text first, so any in its answer are ours.
export const MATCH_START = "\u0001";
export const MATCH_END = "\u0002";

/** One result: the article, whether its title matches the whole search, and a snippet with marked matches. */
export interface SearchResult {
  slug: string;
  title: string;
  titleMatch: boolean;
  /** plain text with matches between MATCH_START and MATCH_END (components/search turns them into <mark>) */
  snippet: string;
}

export interface SearchAnswer {
  results: SearchResult[];
  /** results ranked; when `capped`, more articles match than were ranked */
  total: number;
  capped: boolean;
  page: number;
}

/**
 * Most articles ranked for one search, besides every title match (up to as
 * many again): ranking costs about 10 µs an article, so a word found in
 * 20,000 articles would cost 200 ms; past this many, the search page says
 * "more than" and asks for more words.
 */
export const RANKED_AT_MOST = 500;

/**
 * Full-text search over the search documents (lib/articles/commit-on-head.ts
 * keeps them current): PostgreSQL's web search syntax (words, "phrases",
 * -excluded, or), articles whose title matches first, then by ts_rank_cd
 * (cover density, weights title A > sections B > references C), each with a
 * snippet from ts_headline over the stretch of section text around the first
 * match (a window, so the cost does not grow with the article). At most
 * RANKED_AT_MOST articles matching in their text are ranked, and every title
 * match besides (through the title's own index), so the cost is bounded
 * however common the words are.
 */
export async function searchArticles(options: { query: string; page?: number; db?: Db }): Promise<SearchAnswer> {
  const db = options.db ?? getReadDb();
  const page = options.page ?? 1;
  const rows = await db.$queryRaw<Array<SearchResult & { total: bigint; capped: boolean }>>`
    WITH q AS (SELECT websearch_to_tsquery('wiki_search', ${options.query}) AS q),
    terms AS (SELECT coalesce(array_agg(t.lexeme), '{}') AS terms FROM q, unnest(to_tsvector('wiki_search', ${options.query})) AS t),
    title_hits AS (SELECT d."articleId" FROM "SearchDocument" d, q WHERE d."titleDocument" @@ q.q LIMIT ${RANKED_AT_MOST}),
    text_hits AS (SELECT d."articleId" FROM "SearchDocument" d, q WHERE d."document" @@ q.q LIMIT ${RANKED_AT_MOST}),
    candidates AS (SELECT "articleId" FROM title_hits UNION SELECT "articleId" FROM text_hits),
    ranked AS (
      SELECT d."articleId", (d."titleDocument" @@ q.q) AS "titleMatch", ts_rank_cd(d."document", q.q) AS rank,
        count(*) OVER () AS total, (SELECT count(*) FROM text_hits) >= ${RANKED_AT_MOST} AS capped
      FROM candidates c JOIN "SearchDocument" d ON d."articleId" = c."articleId", q
      ORDER BY "titleMatch" DESC, rank DESC, d."articleId"
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}
    )
    SELECT a."slug", a."title", r."titleMatch", r.total, r.capped,
      ts_headline('wiki_search', translate(w.text, E'\\x01\\x02', ''), q.q,
        'StartSel=' || E'\\x01' || ', StopSel=' || E'\\x02' || ', MaxWords=30, MinWords=12, ShortWord=2, HighlightAll=false') AS snippet
    FROM ranked r
    JOIN "Article" a ON a."id" = r."articleId"
    JOIN "SearchDocument" d ON d."articleId" = r."articleId"
    CROSS JOIN q CROSS JOIN terms
    CROSS JOIN LATERAL (
      SELECT coalesce(min(nullif(strpos(lower(d."body"), term), 0)), 1) AS at FROM unnest(terms.terms) AS term
    ) first
    CROSS JOIN LATERAL (SELECT substr(d."body", greatest(1, first.at - 160), 480) AS text) w
    ORDER BY r."titleMatch" DESC, r.rank DESC, r."articleId"`;
  return {
    results: rows.map(({ total: _total, capped: _capped, ...result }) => result),
    total: rows.length ? Number(rows[0].total) : 0,
    capped: rows.length ? rows[0].capped : false,
    page,
  };
}

/**
 * "Did you mean": the existing title nearest to a search that found little,
 * by trigram similarity (pg_trgm, through Article's trigram index), or null.
 */
export async function nearestTitle(options: {
  query: string;
  db?: Db;
}): Promise<{ slug: string; title: string } | null> {
  const db = options.db ?? getReadDb();
  const [row] = await db.$queryRaw<Array<{ slug: string; title: string }>>`
    SELECT "slug", "title" FROM "Article"
    WHERE "title" % ${options.query} AND "currentRevisionId" IS NOT NULL AND "deletedAt" IS NULL AND lower("title") <> lower(${options.query})
    ORDER BY similarity("title", ${options.query}) DESC, "title" LIMIT 1`;
  return row ?? null;
}

/**
 * Title suggestions as one types: titles starting with the text, case-
 * insensitively (through Article's trigram index), shortest first.
 */
export async function suggestTitles(options: {
  prefix: string;
  limit: number;
  db?: Db;
}): Promise<Array<{ slug: string; title: string }>> {
  const db = options.db ?? getReadDb();
  const pattern = `${options.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.$queryRaw<Array<{ slug: string; title: string }>>`
    SELECT "slug", "title" FROM "Article"
    WHERE "title" ILIKE ${pattern} AND "currentRevisionId" IS NOT NULL AND "deletedAt" IS NULL
    ORDER BY length("title"), "title" LIMIT ${options.limit}`;
}
