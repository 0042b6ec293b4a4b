import "server-only";
import type { Db } from "../db/client";
import { getReadDb } from "../db/replicas";
import type { ArticleDiff } from "../diff/types";
import { WikiError } from "../errors";
import { budgetFromEnv, ByteLru } from "../cache/lru";
import { diffOffThread } from "../workers/diff-pool";
import { articleNotFound, findArticle, readRevisionOf, type ArticleRow, type RevisionView } from "./read-article";

/** Diffs by revision pair: both revisions are immutable, so a pair's diff is too. */
const diffCache = new ByteLru<ArticleDiff>(budgetFromEnv("WIKI_DIFF_CACHE_MB", 64));

/** A pair's diff from the cache, or computed off the event loop; concurrent misses share one computation. */
function cachedDiff(older: RevisionView, newer: RevisionView): Promise<ArticleDiff> {
  return diffCache.getOrCompute(
    `${older.revision.id}:${newer.revision.id}`,
    () => diffOffThread(older.content, newer.content),
    (diff) => JSON.stringify(diff).length * 2,
  );
}

/** Two revisions of one article, older first, with the edits either side for navigation. */
export interface RevisionPair {
  article: RevisionView["article"];
  from: RevisionView;
  to: RevisionView;
  /** the edit before `from` and after `to`, for "older edit" / "newer edit" */
  olderId: number | null;
  newerId: number | null;
}

export interface Comparison extends RevisionPair {
  diff: ArticleDiff;
}

/** Loads any two revisions of an article (in either order given; returned older to newer). */
export async function loadRevisionPair(options: {
  slug: string;
  fromId: number;
  toId?: number | null;
  /** the article's row when the caller has it (a view: also a deleted one, for administrators) */
  article?: ArticleRow & { currentRevisionId: number };
  db?: Db;
}): Promise<RevisionPair> {
  const db = options.db ?? getReadDb();
  const article = options.article ?? (await findArticle(db, options.slug));
  if (!article) throw articleNotFound(options.slug);
  const [toView, fromView] = await Promise.all([
    readRevisionOf(db, article, options.toId ?? undefined),
    readRevisionOf(db, article, options.fromId),
  ]);
  const [older, newer] = fromView.revision.id <= toView.revision.id ? [fromView, toView] : [toView, fromView];
  if (older.revision.id === newer.revision.id) {
    throw new WikiError("bad_request", "Choose two different revisions to compare.");
  }
  const next = await db.revision.findFirst({
    where: { articleId: newer.article.id, id: { gt: newer.revision.id } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return {
    article: newer.article,
    from: older,
    to: newer,
    olderId: older.revision.parentId,
    newerId: next?.id ?? null,
  };
}

/** Compares any two revisions of an article: the pair and its structured diff (cached by pair). */
export async function compareRevisions(options: {
  slug: string;
  fromId: number;
  toId?: number | null;
  db?: Db;
}): Promise<Comparison> {
  const pair = await loadRevisionPair(options);
  return { ...pair, diff: await cachedDiff(pair.from, pair.to) };
}
