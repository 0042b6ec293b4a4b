import "server-only";
import { queryPrepared, type Db, type Tx } from "../db/client";
import { getReadDb } from "../db/replicas";
import type { ArticleContent } from "../document/model";
import { WikiError } from "../errors";
import { loadContent } from "./content-store";
import { effectiveProtection } from "./protection";
import { titleOfSlug } from "./titles";
import { formatDate } from "../document/format";

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

/**
 * The article at `slug` with a current revision, or null: one indexed query, the hottest of the site. A deleted
 * article is null here, so every view, edit, proposal and talk post refuses it alike; what a miss was (deleted,
 * moved) is read only on the miss, by `findArticleFate`.
 */
export async function findArticle(
  db: Db | Tx,
  slug: string,
): Promise<(ArticleRow & { currentRevisionId: number }) | null> {
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
        "pendingChanges", (EXTRACT(EPOCH FROM "pendingChangesExpiresAt") * 1000)::bigint::text AS "pendingChangesExpiresMs", "acceptedRevisionId", "linkEpoch", "talkTopicCount" FROM "Article" WHERE "slug" = $1 AND "deletedAt" IS NULL`,
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

/** Who deleted an article, when and why (lib/articles/delete-article.ts). */
export interface ArticleDeletion {
  deletedAt: Date;
  deletedBy: string | null;
  reason: string;
}

/**
 * What became of a slug that `findArticle` did not find: a deleted article (its row, for the deletion page and
 * for administrators' views of its history), an old title that redirects to a moved article, or nothing at all.
 * One statement, read only on a miss.
 */
export type ArticleFate =
  | { kind: "deleted"; article: ArticleRow & { currentRevisionId: number }; deletion: ArticleDeletion }
  | { kind: "redirect"; slug: string; title: string }
  | null;

/** See `ArticleFate`: one statement joining the slug to the article row, its deleter and a redirect. */
export async function findArticleFate(db: Db | Tx, slug: string): Promise<ArticleFate> {
  const [row] = await queryPrepared<{
    id: number | null;
    slug: string | null;
    title: string | null;
    currentRevisionId: number | null;
    protectionLevel: string | null;
    protectionExpiresMs: string | null;
    protectionReason: string | null;
    pendingChanges: boolean | null;
    pendingChangesExpiresMs: string | null;
    acceptedRevisionId: number | null;
    linkEpoch: number | null;
    talkTopicCount: number | null;
    deletedMs: string | null;
    deletedBy: string | null;
    deletionReason: string | null;
    redirectSlug: string | null;
    redirectTitle: string | null;
  }>(db, {
    name: "wiki-find-article-fate",
    text: `SELECT a."id", a."slug", a."title", a."currentRevisionId", a."protectionLevel", (EXTRACT(EPOCH FROM a."protectionExpiresAt") * 1000)::bigint::text AS "protectionExpiresMs",
        a."protectionReason", a."pendingChanges", (EXTRACT(EPOCH FROM a."pendingChangesExpiresAt") * 1000)::bigint::text AS "pendingChangesExpiresMs",
        a."acceptedRevisionId", a."linkEpoch", a."talkTopicCount", (EXTRACT(EPOCH FROM a."deletedAt") * 1000)::bigint::text AS "deletedMs",
        d."name" AS "deletedBy", a."deletionReason", t."slug" AS "redirectSlug", t."title" AS "redirectTitle"
      FROM (SELECT $1::text AS "slug") s
      LEFT JOIN "Article" a ON a."slug" = s."slug"
      LEFT JOIN "User" d ON d."id" = a."deletedById"
      LEFT JOIN "ArticleRedirect" r ON r."slug" = s."slug" AND a."id" IS NULL
      LEFT JOIN "Article" t ON t."id" = r."articleId"`,
    values: [slug],
  });
  if (!row) return null;
  const dateOf = (ms: string | null) => (ms === null ? null : new Date(Number(ms)));
  if (row.id !== null && row.deletedMs !== null && row.currentRevisionId !== null) {
    return {
      kind: "deleted",
      article: {
        id: row.id,
        slug: row.slug!,
        title: row.title!,
        currentRevisionId: row.currentRevisionId,
        protectionLevel: row.protectionLevel!,
        protectionExpiresAt: dateOf(row.protectionExpiresMs),
        protectionReason: row.protectionReason,
        pendingChanges: row.pendingChanges!,
        pendingChangesExpiresAt: dateOf(row.pendingChangesExpiresMs),
        acceptedRevisionId: row.acceptedRevisionId,
        linkEpoch: row.linkEpoch!,
        talkTopicCount: row.talkTopicCount!,
      },
      deletion: { deletedAt: dateOf(row.deletedMs)!, deletedBy: row.deletedBy, reason: row.deletionReason ?? "" },
    };
  }
  if (row.redirectSlug !== null) return { kind: "redirect", slug: row.redirectSlug, title: row.redirectTitle! };
  return null;
}

/** How the deletion page and the API word a deletion: "This article was deleted by X on DATE: reason". */
export function deletionMessage(deletion: ArticleDeletion): string {
  const by = deletion.deletedBy ? ` by ${deletion.deletedBy}` : "";
  const iso = deletion.deletedAt.toISOString();
  const on = `${formatDate(iso.slice(0, 10))} at ${iso.slice(11, 16)} UTC`;
  return `This article was deleted${by} on ${on}${deletion.reason ? `: ${deletion.reason}` : "."}`;
}

/**
 * The error for a slug `findArticle` missed, saying what it is: a deleted article (404 naming the deletion, so
 * an edit, a proposal or a talk post on it is refused with the reason), an old title (404 pointing at the new
 * one, `details.redirect`), or no article at all.
 */
export async function missingArticle(db: Db | Tx, slug: string): Promise<WikiError> {
  const fate = await findArticleFate(db, slug);
  if (fate?.kind === "deleted")
    return new WikiError("not_found", `“${fate.article.title}”: ${deletionMessage(fate.deletion)}`, {
      deleted: { at: fate.deletion.deletedAt.toISOString(), by: fate.deletion.deletedBy, reason: fate.deletion.reason },
    });
  if (fate?.kind === "redirect")
    return new WikiError("not_found", `“${titleOfSlug(slug)}” was moved to “${fate.title}”.`, {
      redirect: { slug: fate.slug, title: fate.title },
    });
  return articleNotFound(slug);
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
  const db = options.db ?? getReadDb();
  const article = await findArticle(db, options.slug);
  if (!article) throw await missingArticle(db, options.slug);
  return readRevisionOf(db, article, options.revisionId);
}

/** Articles by title, for the home page and the title search. */
export async function listArticles(options: { query?: string; limit?: number; db?: Db } = {}) {
  const db = options.db ?? getReadDb();
  const query = options.query?.trim();
  return db.article.findMany({
    where: {
      currentRevisionId: { not: null },
      deletedAt: null,
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
