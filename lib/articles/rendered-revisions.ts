import "server-only";
import { budgetFromEnv, ByteLru } from "../cache/lru";

/**
 * Bump when the HTML of an article body changes, so caches outside the
 * process (a CDN keeping old revisions) can tell renders apart.
 */
export const RENDERER_VERSION = 1;

/** The parts of an article page that depend only on the revision: rendered once, kept forever. */
export interface RenderedRevision {
  articleId: number;
  revisionId: number;
  title: string;
  sidebarHtml: string;
  bodyHtml: string;
}

const cache = new ByteLru<RenderedRevision>(budgetFromEnv("WIKI_RENDER_CACHE_MB", 128));
const inFlight = new Map<string, Promise<RenderedRevision>>();

/**
 * The rendered parts of a revision, from this instance's cache or from
 * `render`. A revision never changes, so invalidation is by construction: a
 * new revision has a new id. The current revision renders differently from
 * an old one (edit links, no old-revision banner), hence `isCurrent` in the
 * key. Concurrent misses for one key share one render.
 */
export async function renderedRevision(revisionId: number, isCurrent: boolean, render: () => Promise<RenderedRevision>): Promise<RenderedRevision> {
  const key = `${RENDERER_VERSION}:${revisionId}:${isCurrent ? "current" : "old"}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = render().then((rendered) => {
      cache.set(key, rendered, (rendered.bodyHtml.length + rendered.sidebarHtml.length) * 2);
      return rendered;
    });
    inFlight.set(key, pending);
    void pending.finally(() => inFlight.delete(key)).catch(() => undefined);
  }
  return pending;
}

/** Hit and miss counts of the render cache (benchmarks print them). */
export function renderCacheStats() {
  return { hits: cache.hits, misses: cache.misses, entries: cache.size, bytes: cache.bytes };
}

const readerPages = new ByteLru<Uint8Array<ArrayBuffer>>(budgetFromEnv("WIKI_PAGE_CACHE_MB", 64));
const pagesInFlight = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * Whole pages as signed-out readers get them, keyed by everything they show:
 * the revision, whether it is current, and the article's effective
 * protection. Kept UTF-8 encoded, so a hit costs no encoding either, and
 * concurrent misses share one build. Signed-in readers see their name and
 * rights, so their pages are assembled per request around the cached
 * revision parts instead.
 */
export async function readerPage(key: string, build: () => Promise<string>): Promise<Uint8Array<ArrayBuffer>> {
  const fullKey = `${RENDERER_VERSION}:${key}`;
  const cached = readerPages.get(fullKey);
  if (cached !== undefined) return cached;
  let pending = pagesInFlight.get(fullKey);
  if (!pending) {
    pending = build().then((html) => {
      const page = new TextEncoder().encode(html);
      readerPages.set(fullKey, page, page.length);
      return page;
    });
    pagesInFlight.set(fullKey, pending);
    void pending.finally(() => pagesInFlight.delete(fullKey)).catch(() => undefined);
  }
  return pending;
}
