import { CACHE_CONTROL, type CachePolicy } from "../http/cache-control";
import type { HtmlDocumentInit } from "../http/html";

/**
 * How a reader view is sent (the reader-view helper's pages and the
 * cached-view fast path alike): a signed-in reader's page names them, so it
 * is private whatever the page's own policy for signed-out readers.
 */
export function readerViewInit(options: { cache: CachePolicy; signedIn: boolean; https: boolean }): HtmlDocumentInit {
  const policy = options.signedIn ? "private" : options.cache;
  return { headers: { "cache-control": CACHE_CONTROL[policy] }, https: options.https };
}

/** An article view's policy for signed-out readers: an old revision's page never changes; the current one's does. */
export function articleViewCache(isCurrent: boolean): CachePolicy {
  return isCurrent ? "revalidate" : "immutable";
}
