import "server-only";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { SESSION_COOKIES } from "../auth/session";
import { getDb } from "../db/client";
import { htmlDocumentHeaders } from "../http/html";
import { findArticle } from "../articles/read-article";
import { articlePageKey, cachedReaderPage } from "./rendered-revisions";
import { slugOfTitle } from "../articles/titles";
import { articleViewCache, readerViewInit } from "./view-headers";

export interface CachedView {
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

/** The request facts the fast path needs, as the server sees them before Next does. */
export interface FrontRequest {
  method: string;
  /** path and query, as sent */
  url: string;
  cookie: string | undefined;
  acceptEncoding: string | undefined;
  https: boolean;
}

const ARTICLE_PATH = /^\/wiki\/([^/?#]+)$/;

/**
 * The cheapest view there is: a signed-out reader asking for the current
 * revision of an article whose page is already cached. The wiki's server
 * (scripts/serve.mjs) asks this before it hands a request to Next, whose own
 * routing costs about a millisecond of CPU per request on this machine kind;
 * with it a cached view costs one indexed query and a write. On anything but a
 * hit it answers null and Next serves the request as usual, filling the cache
 * for the next reader. The page and its headers are the ones the article route
 * itself made: this path decides nothing of its own.
 */
export async function cachedCurrentView(request: FrontRequest): Promise<CachedView | null> {
  if (request.method !== "GET") return null;
  const match = ARTICLE_PATH.exec(request.url);
  if (!match) return null;
  if (request.cookie && SESSION_COOKIES.some((name) => request.cookie!.includes(name))) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  // A non-canonical title is redirected by the route.
  if (slugOfTitle(slug) !== slug) return null;
  const article = await currentArticle(slug);
  if (!article) return null;
  // The key names the revision signed-out readers see (the accepted one under pending changes).
  const page = cachedReaderPage(articlePageKey(article));
  if (!page) return null;
  // x-cache tells an operator (and the tests) which path answered, as Varnish and CDNs do.
  const init = readerViewInit({ cache: articleViewCache(true), signedIn: false, https: request.https });
  const headers = { ...htmlDocumentHeaders(init), "x-cache": "hit" };
  if (!compressing) return { headers, body: page };
  if (!acceptsGzip(request.acceptEncoding)) return { headers: { ...headers, vary: "Accept-Encoding" }, body: page };
  return { headers: { ...headers, vary: "Accept-Encoding", "content-encoding": "gzip" }, body: await gzipped(page) };
}

/** Whether Next compresses responses (next.config.js reads the same variable). */
const compressing = process.env.WIKI_COMPRESS !== "0";

// Next gzips every response it sends, a cached page each time again; here a
// cached page is compressed once. Held weakly by the page, so it goes when
// the page leaves the reader-page cache (and is about a fifth of its size).
const gzipOfPage = new WeakMap<Uint8Array, Promise<Uint8Array<ArrayBuffer>>>();
const gzipAsync = promisify(gzip);

function gzipped(page: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  let pending = gzipOfPage.get(page);
  if (!pending) {
    pending = gzipAsync(page).then(
      (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) as Uint8Array<ArrayBuffer>,
    );
    gzipOfPage.set(page, pending);
  }
  return pending;
}

/** Whether an Accept-Encoding header admits gzip (present, and not with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(",").some((entry) => {
    const [coding, ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    if (coding !== "gzip" && coding !== "*") return false;
    const quality = parameters.find((parameter) => parameter.startsWith("q="));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}

const lookups = new Map<string, ReturnType<typeof findArticle>>();

/**
 * The article row, read once for all the views of one slug that arrive in
 * the same turn of the event loop. The query is sent after they all arrived
 * (the batch closes before it is sent), so none of them can miss a save that
 * was acknowledged before it arrived.
 */
function currentArticle(slug: string): ReturnType<typeof findArticle> {
  let pending = lookups.get(slug);
  if (!pending) {
    pending = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      lookups.delete(slug);
      return findArticle(getDb(), slug);
    });
    lookups.set(slug, pending);
  }
  return pending;
}

const FAST_PATH = Symbol.for("wiki.cachedCurrentView");

/**
 * Offers `cachedCurrentView` to the server through a process-wide symbol. The
 * article route installs it when Next first loads that route, so the fast path
 * shares the route's own caches and database pool; under `next dev` or `next
 * start` nothing asks for it.
 */
export function offerCachedViewToServer(): void {
  (globalThis as Record<symbol, unknown>)[FAST_PATH] = cachedCurrentView;
}
