import "server-only";
import { getDb, type Db } from "../db/client";
import { diffArticles } from "../diff/article-diff";
import type { ArticleDiff } from "../diff/types";
import { WikiError } from "../errors";
import { readArticleRevision, type RevisionView } from "./read-article";

export interface Comparison {
  article: RevisionView["article"];
  from: RevisionView;
  to: RevisionView;
  diff: ArticleDiff;
  /** the edit before `from` and after `to`, for "older edit" / "newer edit" */
  olderId: number | null;
  newerId: number | null;
}

/** Compares any two revisions of an article (in either order given; shown older to newer). */
export async function compareRevisions(options: { slug: string; fromId: number; toId?: number | null; db?: Db }): Promise<Comparison> {
  const db = options.db ?? getDb();
  const toView = await readArticleRevision({ db, slug: options.slug, revisionId: options.toId ?? undefined });
  const fromView = await readArticleRevision({ db, slug: options.slug, revisionId: options.fromId });
  const [older, newer] = fromView.revision.id <= toView.revision.id ? [fromView, toView] : [toView, fromView];
  if (older.revision.id === newer.revision.id) {
    throw new WikiError("bad_request", "Choose two different revisions to compare.");
  }
  const next = await db.revision.findFirst({ where: { articleId: newer.article.id, id: { gt: newer.revision.id } }, orderBy: { id: "asc" }, select: { id: true } });
  return {
    article: newer.article,
    from: older,
    to: newer,
    diff: diffArticles(older.content, newer.content),
    olderId: older.revision.parentId,
    newerId: next?.id ?? null,
  };
}
