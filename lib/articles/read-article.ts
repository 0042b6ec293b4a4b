import "server-only";
import { getDb, type Db } from "../db/client";
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

const revisionSelect = {
  id: true,
  articleId: true,
  parentId: true,
  createdAt: true,
  summary: true,
  minor: true,
  sizeBytes: true,
  schemaVersion: true,
  title: true,
  sectionsRoot: true,
  referencesRoot: true,
  infoboxHash: true,
  tags: true,
  author: { select: { id: true, name: true } },
  approvedBy: { select: { name: true } },
} as const;

/**
 * Reads an article at its current revision, or at `revisionId` (an old
 * revision, which must belong to the article). Throws not_found otherwise.
 */
export async function readArticleRevision(options: { slug: string; revisionId?: number; db?: Db }): Promise<RevisionView> {
  const db = options.db ?? getDb();
  const article = await db.article.findUnique({ where: { slug: options.slug } });
  if (!article || article.currentRevisionId === null) {
    throw new WikiError("not_found", `There is no article "${options.slug.replace(/_/g, " ")}".`);
  }
  const revisionId = options.revisionId ?? article.currentRevisionId;
  const revision = await db.revision.findUnique({ where: { id: revisionId }, select: revisionSelect });
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

/** Articles by title, for the home page and the title search. */
export async function listArticles(options: { query?: string; limit?: number; db?: Db } = {}) {
  const db = options.db ?? getDb();
  const query = options.query?.trim();
  return db.article.findMany({
    where: { currentRevisionId: { not: null }, ...(query ? { title: { contains: query, mode: "insensitive" as const } } : {}) },
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
