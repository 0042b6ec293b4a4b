import "server-only";
import { createHash } from "node:crypto";
import { budgetFromEnv, ByteLru } from "../cache/lru";
import { effectiveProtection } from "../articles/protection";
import type { ArticleRow } from "../articles/read-article";
import { pendingReview } from "../articles/pending-changes";
import type { LinkedBytes } from "./wiki-links";

/**
 * Bump when the HTML of an article body changes, so caches outside the
 * process (a CDN keeping old revisions) can tell renders apart.
 */
export const RENDERER_VERSION = 3;

/** The parts of an article page that depend only on the revision: rendered once, kept forever. */
export interface RenderedRevision {
  articleId: number;
  revisionId: number;
  title: string;
  /** the table of contents, UTF-8 */
  sidebar: Uint8Array;
  /** the body cut at its wiki links, which are coloured per page (./wiki-links.ts): link colour is not immutable */
  body: LinkedBytes;
}

const cache = new ByteLru<RenderedRevision>(budgetFromEnv("WIKI_RENDER_CACHE_MB", 128));

/**
 * The rendered parts of a revision, from this instance's cache or from
 * `render`. A revision never changes, so invalidation is by construction: a
 * new revision has a new id. The current revision renders differently from
 * an old one (edit links, no old-revision banner), hence `isCurrent` in the
 * key. Concurrent misses for one key share one render.
 */
export function renderedRevision(
  revisionId: number,
  isCurrent: boolean,
  render: () => Promise<RenderedRevision>,
): Promise<RenderedRevision> {
  const key = `${RENDERER_VERSION}:${revisionId}:${isCurrent ? "current" : "old"}`;
  return cache.getOrCompute(
    key,
    render,
    (rendered) =>
      rendered.body.pieces.reduce<number>((sum, piece) => sum + (typeof piece === "number" ? 8 : piece.byteLength), 0) +
      rendered.sidebar.byteLength +
      rendered.body.links.length * 200,
  );
}

/** Hit and miss counts of the render cache (benchmarks print them). */
export function renderCacheStats() {
  return { hits: cache.hits, misses: cache.misses, entries: cache.size, bytes: cache.bytes };
}

const readerPages = new ByteLru<Uint8Array<ArrayBuffer>>(budgetFromEnv("WIKI_PAGE_CACHE_MB", 64));

/**
 * Whole pages as signed-out readers get them, keyed by everything they show
 * (`articlePageKey` for article views). Kept UTF-8 encoded, so a hit costs no
 * encoding either, and concurrent misses share one build. Signed-in readers
 * see their name and rights, so their pages are assembled per request around
 * the cached revision parts instead.
 */
export function readerPage(
  key: string,
  build: () => Promise<string | Uint8Array<ArrayBuffer>>,
): Promise<Uint8Array<ArrayBuffer>> {
  return readerPages.getOrCompute(
    `${RENDERER_VERSION}:${key}`,
    async () => pageBytes(await build()),
    (page) => page.length,
  );
}

/** A page as UTF-8 (pages assembled from cached bytes, like the article's, come encoded already). */
export function pageBytes(page: string | Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  return typeof page === "string" ? new TextEncoder().encode(page) : page;
}

/** A reader page if it is cached, without building it. */
export function cachedReaderPage(key: string): Uint8Array<ArrayBuffer> | undefined {
  return readerPages.get(`${RENDERER_VERSION}:${key}`);
}

/**
 * The reader-page key of a signed-out reader's `/wiki/{slug}` (`oldid`
 * undefined) or `?oldid=`: the revision shown, how it is shown (the article,
 * an old revision, or the accepted revision while newer ones await review,
 * naming the latest, which the notice links to and counts up to), and the
 * protection in effect now (an expiry changes the key, so a lapsed lock icon
 * or a lapsed pending-changes setting is never served). Everything in it is
 * read fresh with the article row, so a save or an acceptance makes a new key,
 * and so does the creation or deletion of a title the current revision links
 * to (the link epoch, lib/articles/links.ts). A page showing another revision
 * than the current one (an old or the accepted revision) adds the colours
 * of its own links (`linkColoursKey`), since the links table knows only the
 * current revision's.
 */
export function articlePageKey(article: ArticleRow & { currentRevisionId: number }, oldid?: number): string {
  const protection = effectiveProtection(article);
  const pending = oldid === undefined ? pendingReview(article) : null;
  const revisionId = oldid ?? pending?.acceptedRevisionId ?? article.currentRevisionId;
  const shownAs = pending ? `accepted-of-${pending.currentRevisionId}` : revisionId === article.currentRevisionId;
  return `article:${article.id}:${revisionId}:${shownAs}:${protection.level}:${protection.expiresAt?.getTime() ?? ""}:${protection.reason ?? ""}:links-${article.linkEpoch}:talk-${article.talkTopicCount}`;
}

/** The part of a page key that names which of a page's wiki links are blue (for pages of non-current revisions). */
export function linkColoursKey(slugs: readonly string[], existing: ReadonlySet<string>): string {
  if (slugs.length === 0) return "";
  const blue = slugs.filter((slug) => existing.has(slug)).sort();
  return `:blue-${createHash("sha256").update(blue.join("\n")).digest("base64url").slice(0, 22)}`;
}
