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

/**
 * The headers of a 304 (RFC 9110 §15.4.5): what a 200 would have sent that
 * guides the cache's update (validator, Cache-Control, Vary) and nothing that
 * describes a body, since there is none.
 */
export function notModifiedHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === "etag" || lower === "cache-control" || lower === "vary" || lower === "x-cache") kept[lower] = value;
  }
  return kept;
}
