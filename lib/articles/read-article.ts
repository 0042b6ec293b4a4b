import "server-only";
import { getDb, queryPrepared, type Db, type Tx } from "../db/client";
import type { ArticleContent } from "../document/model";
import { WikiError } from "../errors";
import { loadContent } from "./content-store";
import { effectiveProtection } from "./protection";

/** What readers see of one revision. */
export interface RevisionView {
  article: { id: number; slug: string; title: string; currentRevisionId: number | null };
  protection: ReturnType<typeof effectiveProtection>;
  revision: {
    id: number;
    parentId: number | null;
    createdAt: Date;
    summary: string;
    minor: boolean;
    sizeBytes: number;
    schemaVersion: number;
    tags?: string[];
    author: { id: number; name: string };
    approvedBy?: { name: string } | null;
  };
  isCurrent: boolean;
  content: ArticleContent;
}

/** An article's row as views need it: identity, current revision and protection. */
export interface ArticleRow {
  id: number;
  slug: string;
  title: string;
  currentRevisionId: number | null;
  protectionLevel: string;
  protectionExpiresAt: Date | null;
  protectionReason: string | null;
  /** pending changes (./pending-changes.ts): read with the row, so which revision readers see is never stale */
  pendingChanges: boolean;
  pendingChangesExpiresAt: Date | null;
  acceptedRevisionId: number | null;
  /** moves on when an article this one links to is created or deleted (./links.ts): its link colours changed */
  linkEpoch: number;
  /** topics on its talk page (lib/talk): the Talk tab's count, so part of the cached page's key */
  talkTopicCount: number;
}

/** The article at `slug` with a current revision, or null: one indexed query, the hottest of the site. */
export async function findArticle(db: Db, slug: string): Promise<(ArticleRow & { currentRevisionId: number }) | null> {
  const [row] = await queryPrepared<{
    id: number;
    slug: string;
    title: string;
    currentRevisionId: number | null;
    protectionLevel: string;
    protectionExpiresMs: string | null;
    protectionReason: string | null;
    pendingChanges: boolean;
    pendingChangesExpiresMs: string | null;
    acceptedRevisionId: number | null;
    linkEpoch: number;
    talkTopicCount: number;
  }>(db, {
    name: "wiki-find-article",
    text: `SELECT "id", "slug", "title", "currentRevisionId", "protectionLevel", (EXTRACT(EPOCH FROM "protectionExpiresAt") * 1000)::bigint::text AS "protectionExpiresMs", "protectionReason",
        "pendingChanges", (EXTRACT(EPOCH FROM "pendingChangesExpiresAt") * 1000)::bigint::text AS "pendingChangesExpiresMs", "acceptedRevisionId", "linkEpoch", "talkTopicCount" FROM "Article" WHERE "slug" = $1`,
    values: [slug],
  });
  if (!row || row.currentRevisionId === null) return null;
  const { protectionExpiresMs, pendingChangesExpiresMs, ...rest } = row;
  const dateOf = (ms: string | null) => (ms === null ? null : new Date(Number(ms)));
  return {
    ...rest,
    currentRevisionId: row.currentRevisionId,
    protectionExpiresAt: dateOf(protectionExpiresMs),
    pendingChangesExpiresAt: dateOf(pendingChangesExpiresMs),
  };
}

/** A revision's row with its author's and approver's names, or undefined: one indexed query. */
export async function findRevisionRow(db: Db | Tx, revisionId: number) {
  const [row] = await queryPrepared<{
    id: number;
    articleId: number;
    parentId: number | null;
    createdMs: string;
    summary: string;
    minor: boolean;
    sizeBytes: number;
    schemaVersion: number;
    title: string;
    sectionsRoot: string;
    referencesRoot: string;
    infoboxHash: string | null;
    tags: string[];
    authorName: string;
    authorId: number;
    approverName: string | null;
  }>(db, {
    name: "wiki-find-revision",
    text: `SELECT r."id", r."articleId", r."parentId", (EXTRACT(EPOCH FROM r."createdAt") * 1000)::bigint::text AS "createdMs", r."summary", r."minor", r."sizeBytes",
        r."schemaVersion", r."title", r."sectionsRoot", r."referencesRoot", r."infoboxHash", r."tags", r."authorId", a."name" AS "authorName", p."name" AS "approverName"
      FROM "Revision" r JOIN "User" a ON a."id" = r."authorId" LEFT JOIN "User" p ON p."id" = r."approvedById" WHERE r."id" = $1`,
    values: [revisionId],
  });
  if (!row) return undefined;
  const { createdMs, authorName, approverName, ...rest } = row;
  return {
    ...rest,
    createdAt: new Date(Number(createdMs)),
    author: { id: row.authorId, name: authorName },
    approvedBy: approverName === null ? null : { name: approverName },
  };
}

export function articleNotFound(slug: string): WikiError {
  return new WikiError("not_found", `There is no article "${slug.replace(/_/g, " ")}".`);
}

/** Reads `article` at `revisionId` (default: its current revision), which must belong to it. */
export async function readRevisionOf(
  db: Db,
  article: ArticleRow & { currentRevisionId: number },
  revisionId = article.currentRevisionId,
): Promise<RevisionView> {
  const revision = await findRevisionRow(db, revisionId);
  if (!revision || revision.articleId !== article.id) {
    throw new WikiError("not_found", `Revision ${revisionId} of "${article.title}" does not exist.`);
  }
  const content = await loadContent(db, revision);
  return {
    article: { id: article.id, slug: article.slug, title: article.title, currentRevisionId: article.currentRevisionId },
    protection: effectiveProtection(article),
    revision: {
      id: revision.id,
      parentId: revision.parentId,
      createdAt: revision.createdAt,
      summary: revision.summary,
      minor: revision.minor,
      sizeBytes: revision.sizeBytes,
      schemaVersion: revision.schemaVersion,
      tags: revision.tags ?? [],
      author: revision.author,
      approvedBy: revision.approvedBy,
    },
    isCurrent: revision.id === article.currentRevisionId,
    content,
  };
}

/**
 * Reads an article at its current revision, or at `revisionId` (an old
 * revision, which must belong to the article). Throws not_found otherwise.
 */
export async function readArticleRevision(options: {
  slug: string;
  revisionId?: number;
  db?: Db;
}): Promise<RevisionView> {
  const db = options.db ?? getDb();
  const article = await findArticle(db, options.slug);
  if (!article) throw articleNotFound(options.slug);
  return readRevisionOf(db, article, options.revisionId);
}

/** Articles by title, for the home page and the title search. */
export async function listArticles(options: { query?: string; limit?: number; db?: Db } = {}) {
  const db = options.db ?? getDb();
  const query = options.query?.trim();
  return db.article.findMany({
    where: {
      currentRevisionId: { not: null },
      ...(query ? { title: { contains: query, mode: "insensitive" as const } } : {}),
    },
    orderBy: { title: "asc" },
    take: options.limit ?? 100,
    select: {
      slug: true,
      title: true,
      protectionLevel: true,
      protectionExpiresAt: true,
      protectionReason: true,
      currentRevision: { select: { createdAt: true, sizeBytes: true } },
    },
  });
}
