import "server-only";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { SESSION_COOKIES } from "../auth/session";
import type { Db } from "../db/client";
import { getReadDb } from "../db/replicas";
import { htmlDocumentHeaders } from "../http/html";
import { findArticle } from "../articles/read-article";
import { articlePageKey, cachedReaderPage } from "./rendered-revisions";
import { slugOfTitle } from "../articles/titles";
import { acceptsGzip, cachedPageCoding, compressingResponses } from "./content-coding";
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
  const preferred = cachedPageCoding(request.acceptEncoding, compressing);
  // Brotli only once this page's is ready (it is made in the background); gzip, or nothing, until then.
  const brotli = preferred === "br" && page ? brotliIfReady(page) : null;
  const coding = preferred !== "br" || brotli ? preferred : acceptsGzip(request.acceptEncoding) ? "gzip" : "identity";
  const init = readerViewInit({ cache: articleViewCache(true), signedIn: false, https: request.https });
  const tag = tagOfKey(key);
  // x-cache tells an operator (and the tests) which path answered, as Varnish and CDNs do.
  const shared: Record<string, string> = { ...init.headers, "x-cache": "hit" };
  if (compressing) shared.vary = "Accept-Encoding";
  // A revalidation needs no page: the tag is the key's, known from the row. The route gives a page under pending
  // changes a longer key (its own link colours), so its tags never match this one and go to the route. "*" asks
  // only whether a page exists, which a cached one proves. A client holding the page in the coding it prefers is
  // told so even while that coding is not ready here (the page it holds is current).
  const condition = request.ifNoneMatch;
  if (condition !== undefined && (page || condition.trim() !== "*")) {
    for (const held of preferred === coding ? [coding] : [preferred, coding]) {
      const etag = entityTag(tag, held);
      if (notModified(condition, etag))
        return { status: 304, headers: notModifiedHeaders({ ...shared, etag }), body: null };
    }
  }
  if (!page) return null;
  const headers = { ...htmlDocumentHeaders(init), ...shared, etag: entityTag(tag, coding) };
  if (coding === "identity") return { status: 200, headers, body: page };
  const body = brotli ?? (await gzippedOnce(page));
  return { status: 200, headers: { ...headers, "content-encoding": coding }, body };
}

const tags = new Map<string, string>();

/** A page key's tag, remembered: revalidations of a hot page ask for the same one thousands of times a second. */
function tagOfKey(key: string): string {
  let tag = tags.get(key);
  if (tag === undefined) {
    if (tags.size >= 1000) tags.clear();
    tag = pageKeyTag(key);
    tags.set(key, tag);
  }
  return tag;
}

/** Whether Next compresses responses (next.config.js reads the same variable). */
const compressing = compressingResponses();

/**
 * Brotli's quality for a cached page: the lowest that makes it at most 0.85x
 * the gzip (measured on the demo article's 66 KB page: quality 10 0.83x in
 * 24 ms, 11 0.81x in 56 ms, 9 and below 0.92x or more; on the bench's 209 KB
 * page 10 is 0.84x in 77 ms, 11 0.80x in 222 ms).
 */
export const BROTLI_QUALITY = 10;

// Next gzips every response it sends, a cached page each time again; here a
// cached page is compressed once per coding. Held weakly by the page, so they
// go when the page leaves the reader-page cache.
const gzipOfPage = new WeakMap<Uint8Array, Promise<Uint8Array<ArrayBuffer>>>();
const brotliOfPage = new WeakMap<Uint8Array, Uint8Array<ArrayBuffer> | "pending">();
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
let brotliRunning = false;

const asBytes = (buffer: Buffer) =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) as Uint8Array<ArrayBuffer>;

/** A page gzipped, once per page (concurrent requests share the work; a few milliseconds). */
export function gzippedOnce(page: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  let pending = gzipOfPage.get(page);
  if (!pending) {
    pending = gzipAsync(page).then(asBytes);
    gzipOfPage.set(page, pending);
  }
  return pending;
}

/**
 * A page's Brotli, or null while it is not made yet. Brotli at a quality that
 * beats gzip by 15% costs 10-20x gzip's time (tens of milliseconds), so no
 * request waits for it: the first asks for it to be made in the background
 * (zlib's thread pool) and goes out gzipped meanwhile, and one page at a time
 * is compressed per process, so a burst of edits to viewed pages costs at most
 * one core, never the event loop.
 */
export function brotliIfReady(page: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> | null {
  const done = brotliOfPage.get(page);
  if (done !== undefined) return done === "pending" ? null : done;
  if (brotliRunning) return null;
  brotliRunning = true;
  brotliOfPage.set(page, "pending");
  brotliAsync(page, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      [zlib.BROTLI_PARAM_SIZE_HINT]: page.byteLength,
    },
  })
    .then(
      (buffer) => brotliOfPage.set(page, asBytes(buffer)),
      () => brotliOfPage.delete(page),
    )
    .finally(() => {
      brotliRunning = false;
    });
  return null;
}

const lookups = new Map<Db, Map<string, ReturnType<typeof findArticle>>>();

/**
 * The article row, read once for all the views of one slug that arrive in
 * the same turn of the event loop and read the same database (a replica, or
 * the primary for a client whose own write a replica has not replayed yet:
 * lib/db/replicas.ts). The query is sent after they all arrived (the batch
 * closes before it is sent), so none of them can miss a save that was
 * acknowledged before it arrived.
 */
function currentArticle(slug: string): ReturnType<typeof findArticle> {
  const db = getReadDb();
  let batch = lookups.get(db);
  if (!batch) {
    batch = new Map();
    lookups.set(db, batch);
  }
  let pending = batch.get(slug);
  if (!pending) {
    const slugs = batch;
    pending = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      slugs.delete(slug);
      return findArticle(db, slug);
    });
    slugs.set(slug, pending);
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
