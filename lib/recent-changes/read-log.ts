import "server-only";
import { slugOfTitle } from "../articles/titles";
import { nameKeyOf } from "../auth/usernames";
import { decidePatrol } from "../authz/patrol";
import type { Actor } from "../authz/policy";
import type { Db } from "../db/client";
import { getReadDb } from "../db/replicas";
import type { TLogQuery, TRecentChangesPage } from "../contracts/recent-changes";
import { LOG_KINDS } from "./kinds";
import { pageLimit, readChangePage, type ChangeConditions } from "./read-recent-changes";

/**
 * The global log (`/log`, `GET /api/log`): protection, rights, blocks, review decisions, pending
 * changes, patrol and rollback in one list, newest first, filtered by type, performer and article,
 * keyset paging by id. Read from RecentChange rather than a UNION of the five log tables: every logged
 * action writes its row there in its own transaction, so one indexed table pages in one order with one
 * cursor, where a union would need a cursor per table (ids of different tables do not interleave) and
 * a sort of every table's page. The log tables stay as they are, each page of an article or a user
 * keeps reading its own. A user or article that does not exist gives an empty page, not an error.
 */
export async function readLog(options: TLogQuery & { viewer?: Actor | null; db?: Db }): Promise<TRecentChangesPage> {
  const db = options.db ?? getReadDb();
  const conditions: ChangeConditions = { where: [], values: [] };
  if (options.user) {
    const user = await db.user.findUnique({ where: { nameKey: nameKeyOf(options.user) }, select: { id: true } });
    conditions.values.push(user?.id ?? 0);
    conditions.where.push(`rc."actorId" = $${conditions.values.length}::int`);
  }
  if (options.article) {
    const article = await db.article.findUnique({
      where: { slug: slugOfTitle(options.article.trim()) },
      select: { id: true },
    });
    conditions.values.push(article?.id ?? 0);
    conditions.where.push(`rc."articleId" = $${conditions.values.length}::int`);
  }
  return readChangePage(db, conditions, {
    cursor: options.cursor,
    limit: pageLimit(options.limit),
    showPatrol: decidePatrol(options.viewer ?? null).allowed,
    kinds: options.type ? [options.type] : LOG_KINDS,
  });
}
