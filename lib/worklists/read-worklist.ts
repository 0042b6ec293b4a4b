import "server-only";
import type { Db } from "../db/client";
import { getReadDb } from "../db/replicas";
import type { WorkItemKind } from "./work-items";

/** One row of the site-wide worklist. */
export interface SiteWorkItem {
  id: number;
  slug: string;
  title: string;
  kind: WorkItemKind;
  sectionId: string | null;
  label: string;
  refKey: string | null;
  date: string | null;
  excerpt: string;
}

export const WORKLIST_PAGE_SIZE = 50;

/**
 * A page of the site-wide worklist for one kind of work: oldest tag dates
 * first (undated last), then by row; keyset-paged after `after` (the last
 * row's date and id), so a deep page costs what the first does. One
 * statement on the (kind, date, id) index; deleted articles are skipped.
 */
export async function readSiteWorklist(options: {
  kind: WorkItemKind;
  after?: { date: string | null; id: number } | null;
  limit?: number;
  db?: Db;
}): Promise<{ items: SiteWorkItem[]; next: { date: string | null; id: number } | null }> {
  const db = options.db ?? getReadDb();
  const limit = Math.min(options.limit ?? WORKLIST_PAGE_SIZE, 200);
  const after = options.after ?? null;
  // NULL dates sort last: a row is after the cursor if its (date, id) is, with NULL as the greatest date.
  const items = await db.$queryRaw<SiteWorkItem[]>`
    SELECT w."id", a."slug", a."title", w."kind", w."sectionId", w."label", w."refKey", w."date", w."excerpt"
    FROM "WorkItem" w JOIN "Article" a ON a."id" = w."articleId"
    WHERE w."kind" = ${options.kind} AND a."deletedAt" IS NULL
      AND (${after === null}::boolean
        OR (${after?.date ?? null}::text IS NOT NULL AND (w."date" IS NULL OR (w."date", w."id") > (${after?.date ?? null}::text, ${after?.id ?? 0}::int)))
        OR (${after?.date ?? null}::text IS NULL AND w."date" IS NULL AND w."id" > ${after?.id ?? 0}::int))
    ORDER BY w."date" ASC NULLS LAST, w."id" ASC
    LIMIT ${limit + 1}`;
  const page = items.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, next: items.length > limit && last ? { date: last.date, id: last.id } : null };
}
