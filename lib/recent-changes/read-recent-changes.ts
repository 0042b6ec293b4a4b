import "server-only";
import { createHash } from "node:crypto";
import { REVISION_TAGS } from "../articles/revision-tags";
import { decidePatrol } from "../authz/patrol";
import type { Actor } from "../authz/policy";
import { queryPrepared, type Db } from "../db/client";
import { getReadDb } from "../db/replicas";
import {
  RECENT_CHANGES_MAX_LIMIT,
  RECENT_CHANGES_PAGE_SIZE,
  type TRecentChangeRow,
  type TRecentChangesPage,
  type TRecentChangesQuery,
} from "../contracts/recent-changes";
import { WikiError } from "../errors";

/** What the filters and the page's place turn into: SQL conditions on `rc` and their values. */
export interface ChangeConditions {
  where: string[];
  values: unknown[];
  /** the filters are best served by a GIN index (tags): keep the id index from being walked for the order */
  viaGin?: boolean;
}

/** Adds a condition with one value; `$?` in `sql` is its placeholder. */
function add(conditions: ChangeConditions, sql: string, value: unknown): void {
  conditions.values.push(value);
  conditions.where.push(sql.replace("$?", `$${conditions.values.length}`));
}

/**
 * The filters of recent changes as conditions. Each filter is a column of RecentChange written at the
 * time of the change, so the page is a scan of one index newest first (RecentChange_*_id_idx), never a
 * join before the LIMIT. `unpatrolled` is for patrollers only: anyone else gets 403 (the patrol state is
 * a reviewer's work list, not public).
 */
export function changeConditions(filters: Omit<TRecentChangesQuery, "format">, viewer: Actor | null): ChangeConditions {
  const conditions: ChangeConditions = { where: [], values: [] };
  if (filters.level) add(conditions, `rc."protectionLevel" = $?::text`, filters.level);
  if (filters.origin) add(conditions, `rc."approved" = $?::boolean`, filters.origin === "approved");
  if (filters.group) add(conditions, `rc."actorGroup" = $?::text`, filters.group);
  if (filters.minSize !== undefined) add(conditions, `rc."sizeDelta" >= $?::int`, filters.minSize);
  if (filters.maxSize !== undefined) add(conditions, `rc."sizeDelta" <= $?::int`, filters.maxSize);
  // Tags are rare: the GIN index finds a tag's changes, and the page is sorted from them (viaGin), rather than
  // walking back through every change newest first until 51 carry the tag (measured: 270 ms at 1M changes
  // for a tag no change has). The tag is a literal, one of REVISION_TAGS (checked by the query's schema).
  if (filters.tag && (REVISION_TAGS as readonly string[]).includes(filters.tag)) {
    conditions.where.push(`rc."tags" @> ARRAY['${filters.tag.replace(/'/g, "''")}']::text[]`);
    conditions.viaGin = true;
  }
  if (filters.kind) add(conditions, `rc."kind" = $?::text`, filters.kind);
  if (filters.unpatrolled) {
    const decision = decidePatrol(viewer);
    if (!decision.allowed)
      throw new WikiError(
        decision.code,
        `unpatrolled: ${decision.reason.replace("mark edits as patrolled", "see which edits await patrol")}`,
      );
    conditions.where.push(`rc."patrolled" = false`);
  }
  return conditions;
}

/**
 * Runs a page's statement as a named prepared statement on the pool (lib/db/client.ts `queryPrepared`):
 * recent changes is read on every poll and page view, and Prisma's per-call overhead would be most of
 * its cost. The name is the text's hash: each combination of filters is its own statement, a few dozen
 * at most, since values are always parameters.
 */
function prepared<Row>(db: Db, text: string, values: unknown[]): Promise<Row[]> {
  const name = `wiki-rc-${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
  return queryPrepared<Row>(db, { name, text, values });
}

/** The page size asked for, within bounds. */
export function pageLimit(limit: number | undefined): number {
  return Math.min(limit ?? RECENT_CHANGES_PAGE_SIZE, RECENT_CHANGES_MAX_LIMIT);
}

interface ChangeRow {
  id: number;
  kind: TRecentChangeRow["kind"];
  action: string | null;
  slug: string | null;
  title: string | null;
  articleDeleted: boolean;
  protectionLevel: string;
  actor: string | null;
  actorGroup: string;
  approved: boolean;
  sizeDelta: number | null;
  tags: string[];
  patrolled: boolean;
  revisionId: number | null;
  parentRevisionId: number | null;
  isHead: boolean;
  target: string | null;
  proposalId: number | null;
  summary: string;
  details: Record<string, unknown> | null;
}

/**
 * One page of changes matching `conditions`, newest first: the ids are cut first on RecentChange alone
 * (an index scan that stops after `limit + 1` rows), and only that page's rows are joined to their
 * article and users. `showPatrol`: whether the reader may see which edits await patrol.
 */
export async function readChangePage(
  db: Db,
  conditions: ChangeConditions,
  options: { cursor?: number; limit: number; showPatrol: boolean; kinds?: readonly string[] },
): Promise<TRecentChangesPage> {
  const where = [...conditions.where];
  const values = [...conditions.values];
  if (options.cursor !== undefined) {
    values.push(options.cursor);
    where.push(`rc."id" < $${values.length}::int`);
  }
  // The limit is a literal (a whole number from pageLimit): with a parameter, PostgreSQL's generic plan of
  // a prepared statement does not know it is small and may sort instead of walking the index.
  const limit = Math.trunc(options.limit) + 1;
  const scan = (extra: string[]) => {
    const all = [...where, ...extra];
    // "+ 0" hides the order from the primary key's index, so the planner takes the GIN index and sorts what it finds.
    const order = conditions.viaGin ? `rc."id" + 0` : `rc."id"`;
    return `SELECT rc.* FROM "RecentChange" rc ${all.length ? `WHERE ${all.join(" AND ")}` : ""} ORDER BY ${order} DESC LIMIT ${limit}`;
  };
  // Several kinds (the log): one index scan of (kind, id) per kind, merged, rather than a walk back
  // through every edit until enough log entries turn up.
  const page = options.kinds
    ? `SELECT * FROM (${options.kinds
        .map((kind) => {
          values.push(kind);
          return `(${scan([`rc."kind" = $${values.length}::text`])})`;
        })
        .join(" UNION ALL ")}) merged ORDER BY "id" DESC LIMIT ${limit}`
    : scan([]);
  const rows = await prepared<ChangeRow & { createdMs: string }>(
    db,
    `WITH page AS (${page})
      SELECT page."id", page."kind", page."action", (EXTRACT(EPOCH FROM page."createdAt") * 1000)::bigint::text AS "createdMs", a."slug", a."title", a."deletedAt" IS NOT NULL AS "articleDeleted", page."protectionLevel",
        u."name" AS "actor", page."actorGroup", page."approved", page."sizeDelta", page."tags", page."patrolled",
        page."revisionId", page."parentRevisionId", page."revisionId" IS NOT NULL AND a."currentRevisionId" = page."revisionId" AS "isHead",
        t."name" AS "target", page."proposalId", page."summary", page."details"
      FROM page
      LEFT JOIN "Article" a ON a."id" = page."articleId"
      LEFT JOIN "User" u ON u."id" = page."actorId"
      LEFT JOIN "User" t ON t."id" = page."targetUserId"
      ORDER BY page."id" DESC`,
    values,
  );
  const more = rows.length > options.limit;
  const shown = rows.slice(0, options.limit);
  return {
    changes: shown.map((row) => ({
      id: row.id,
      kind: row.kind,
      action: row.action,
      createdAt: new Date(Number(row.createdMs)).toISOString(),
      article: row.slug
        ? { slug: row.slug, title: row.title ?? row.slug, ...(row.articleDeleted ? { deleted: true } : {}) }
        : null,
      protectionLevel: row.protectionLevel,
      actor: row.actor,
      actorGroup: row.actorGroup,
      approved: row.approved,
      sizeDelta: row.sizeDelta,
      tags: row.tags,
      patrolled: options.showPatrol ? row.patrolled : null,
      revisionId: row.revisionId,
      parentRevisionId: row.parentRevisionId,
      isHead: row.isHead,
      target: row.target,
      proposalId: row.proposalId,
      summary: row.summary,
      details: row.details,
    })),
    nextCursor: more ? shown[shown.length - 1].id : null,
  };
}

/**
 * A page of recent changes across the site (`/recent-changes`, `GET /api/recent-changes`, the Atom
 * feed), newest first, filtered; keyset paging by id. Public; only patrollers see patrol state.
 */
export async function readRecentChanges(
  options: Omit<TRecentChangesQuery, "format"> & { viewer: Actor | null; db?: Db },
): Promise<TRecentChangesPage> {
  const { viewer, db = getReadDb(), cursor, limit, ...filters } = options;
  const conditions = changeConditions(filters, viewer);
  return readChangePage(db, conditions, {
    cursor,
    limit: pageLimit(limit),
    showPatrol: decidePatrol(viewer).allowed,
  });
}

/** How many changes matching the filters came after `since` (at most 100), for the page's "N new changes" notice. */
export async function countNewerChanges(
  options: Omit<TRecentChangesQuery, "format" | "cursor" | "limit"> & { since: number; viewer: Actor | null; db?: Db },
): Promise<{ count: number; capped: boolean }> {
  const { viewer, db = getReadDb(), since, ...filters } = options;
  const conditions = changeConditions(filters, viewer);
  add(conditions, `rc."id" > $?::int`, since);
  const [row] = await prepared<{ count: number }>(
    db,
    `SELECT count(*)::int AS "count" FROM (SELECT 1 FROM "RecentChange" rc WHERE ${conditions.where.join(" AND ")} LIMIT 101) newer`,
    conditions.values,
  );
  return { count: Math.min(row.count, 100), capped: row.count > 100 };
}
