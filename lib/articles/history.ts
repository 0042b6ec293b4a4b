import "server-only";
import type { Db } from "../db/client";
import { getReadDb } from "../db/replicas";
import { findArticle, missingArticle } from "./read-article";

/** One row of an article's history. */
export interface HistoryEntry {
  id: number;
  parentId: number | null;
  createdAt: Date;
  author: string;
  approvedBy: string | null;
  /** the approver amended the proposal before approving it (the proposer stays the author) */
  amendedByApprover: boolean;
  summary: string;
  minor: boolean;
  tags: string[];
  sizeBytes: number;
  sizeChange: number;
  /** who accepted the pending changes up to this revision (pending changes), if anyone did */
  acceptedBy?: string | null;
}

export const HISTORY_PAGE_SIZE = 50;

export interface HistoryPage {
  article: { id: number; slug: string; title: string; currentRevisionId: number | null };
  revisions: HistoryEntry[];
  /** the cursor of the next (older) page, or null at the oldest revision */
  nextCursor: number | null;
}

/**
 * A page of an article's history, newest first, by keyset pagination on the
 * revision id (`cursor` = the last id of the previous page), so a deep page
 * costs what the first does: an index range scan of (articleId, id DESC).
 */
export async function listRevisions(options: {
  slug: string;
  cursor?: number | null;
  limit?: number;
  db?: Db;
}): Promise<HistoryPage> {
  const db = options.db ?? getReadDb();
  // findArticle, not the row by slug: a deleted article's history is for administrators only (its history view),
  // and the miss says what the slug is (deleted, moved, or nothing).
  const article = await findArticle(db, options.slug);
  if (!article) throw await missingArticle(db, options.slug);
  return listRevisionsOf(db, article, options);
}

/** The history page of an article already loaded (the history view has read its row). */
export async function listRevisionsOf(
  db: Db,
  article: HistoryPage["article"],
  options: { cursor?: number | null; limit?: number; withAcceptances?: boolean },
): Promise<HistoryPage> {
  const limit = Math.min(Math.max(options.limit ?? HISTORY_PAGE_SIZE, 1), 500);
  const rows = await db.revision.findMany({
    where: { articleId: article.id, ...(options.cursor ? { id: { lt: options.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      parentId: true,
      createdAt: true,
      summary: true,
      minor: true,
      tags: true,
      sizeBytes: true,
      author: { select: { name: true } },
      approvedBy: { select: { name: true } },
      approvalOf: { select: { amendedFromVersion: true } },
      parent: { select: { sizeBytes: true } },
    },
  });
  const page = rows.slice(0, limit);
  const revisions: HistoryEntry[] = page.map((row) => ({
    id: row.id,
    parentId: row.parentId,
    createdAt: row.createdAt,
    author: row.author.name,
    approvedBy: row.approvedBy?.name ?? null,
    amendedByApprover: row.approvalOf?.amendedFromVersion != null,
    summary: row.summary,
    minor: row.minor,
    tags: row.tags ?? [],
    sizeBytes: row.sizeBytes,
    sizeChange: row.sizeBytes - (row.parent?.sizeBytes ?? 0),
  }));
  if (options.withAcceptances) await addAcceptances(db, article.id, revisions);
  return { article, revisions, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
}

/** Names who accepted each revision of the page (pending changes); one query, only for articles that ever used it. */
async function addAcceptances(db: Db, articleId: number, revisions: HistoryEntry[]): Promise<void> {
  const acceptances = await db.pendingChangesLog.findMany({
    where: { articleId, action: "accept", revisionId: { in: revisions.map((revision) => revision.id) } },
    orderBy: { id: "asc" },
    select: { revisionId: true, actor: { select: { name: true } } },
  });
  const acceptor = new Map(acceptances.map((entry) => [entry.revisionId, entry.actor?.name ?? "system"]));
  for (const revision of revisions) revision.acceptedBy = acceptor.get(revision.id) ?? null;
}
