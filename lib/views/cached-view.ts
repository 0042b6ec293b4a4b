import "server-only";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { SESSION_COOKIES } from "../auth/session";
import { getDb } from "../db/client";
import { htmlDocumentHeaders } from "../http/html";
import { findArticle } from "../articles/read-article";
import { articlePageKey, cachedReaderPage } from "./rendered-revisions";
import { slugOfTitle } from "../articles/titles";
import { cachedPageCoding, compressingResponses, type ContentCoding } from "./content-coding";
import { entityTag, notModified, pageKeyTag } from "./validators";
import { articleViewCache, notModifiedHeaders, readerViewInit } from "./view-headers";

export interface CachedView {
  /** 200, or 304 for a revalidation whose tag still matches (no body then) */
  status: 200 | 304;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | null;
}

/** The request facts the fast path needs, as the server sees them before Next does. */
export interface FrontRequest {
  method: string;
  /** path and query, as sent */
  url: string;
  cookie: string | undefined;
  acceptEncoding: string | undefined;
  ifNoneMatch: string | undefined;
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
  const key = articlePageKey(article);
  const page = cachedReaderPage(key);
  const coding = cachedPageCoding(request.acceptEncoding, compressing);
  const init = readerViewInit({ cache: articleViewCache(true), signedIn: false, https: request.https });
  // x-cache tells an operator (and the tests) which path answered, as Varnish and CDNs do.
  const headers: Record<string, string> = {
    ...htmlDocumentHeaders(init),
    etag: entityTag(pageKeyTag(key), coding),
    "x-cache": "hit",
  };
  if (compressing) headers.vary = "Accept-Encoding";
  // A revalidation needs no page: the tag is the key's, known from the row. The route gives a page under pending
  // changes a longer key (its own link colours), so its tags never match this one and go to the route. "*" asks
  // only whether a page exists, which a cached one proves.
  const condition = request.ifNoneMatch;
  if (condition !== undefined && (page || condition.trim() !== "*") && notModified(condition, headers.etag))
    return { status: 304, headers: notModifiedHeaders(headers), body: null };
  if (!page) return null;
  if (coding === "identity") return { status: 200, headers, body: page };
  return { status: 200, headers: { ...headers, "content-encoding": coding }, body: await compressedOnce(page, coding) };
}

/** Whether Next compresses responses (next.config.js reads the same variable). */
const compressing = compressingResponses();

/**
 * Brotli's quality for a cached page. 11, the maximum, spends about 40x the
 * CPU of 5 for a few percent; 5 is what CDNs use on the fly and compresses a
 * page once in a few milliseconds, off the event loop (lib/views/README in
 * the README's Performance section has the measurements).
 */
export const BROTLI_QUALITY = 5;

// Next gzips every response it sends, a cached page each time again; here a
// cached page is compressed once per coding. Held weakly by the page, so it
// goes when the page leaves the reader-page cache (and is about a fifth of
// its size).
const compressedOfPage = {
  gzip: new WeakMap<Uint8Array, Promise<Uint8Array<ArrayBuffer>>>(),
  br: new WeakMap<Uint8Array, Promise<Uint8Array<ArrayBuffer>>>(),
};
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** A page compressed in `coding`, once per page (concurrent requests share the work). */
export function compressedOnce(
  page: Uint8Array<ArrayBuffer>,
  coding: Exclude<ContentCoding, "identity" | "deflate">,
): Promise<Uint8Array<ArrayBuffer>> {
  const cache = compressedOfPage[coding];
  let pending = cache.get(page);
  if (!pending) {
    const compressed =
      coding === "br"
        ? brotliAsync(page, {
            params: {
              [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
              [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
              [zlib.BROTLI_PARAM_SIZE_HINT]: page.byteLength,
            },
          })
        : gzipAsync(page);
    pending = compressed.then(
      (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) as Uint8Array<ArrayBuffer>,
    );
    cache.set(page, pending);
  }
  return pending;
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
