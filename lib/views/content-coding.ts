/**
 * Which content coding a reader view goes out in. Two senders compress: the
 * cached-view fast path (a page compressed once, gzip or Brotli) and Next
 * itself (gzip or deflate per response, through its `compression`
 * middleware); both only when the app compresses at all (WIKI_COMPRESS, which
 * next.config.js reads too). A strong entity tag names one coding
 * (./validators.ts), so the route has to know what Next will send.
 */

/** A content coding a reader view may be sent in. */
export type ContentCoding = "identity" | "gzip" | "deflate" | "br";

/** Whether the app compresses responses (next.config.js reads the same variable); off behind a compressing proxy. */
export function compressingResponses(): boolean {
  return process.env.WIKI_COMPRESS !== "0";
}

/** The q-value an Accept-Encoding header gives `coding` (0 when absent or refused); `*` covers unlisted codings. */
export function codingQuality(header: string | null | undefined, coding: string): number {
  if (!header) return 0;
  let wildcard = 0;
  for (const entry of header.split(",")) {
    const [name, ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    const raw = parameters.find((parameter) => parameter.startsWith("q="));
    const quality = raw === undefined ? 1 : Number(raw.slice(2));
    const q = Number.isFinite(quality) ? Math.min(1, Math.max(0, quality)) : 0;
    if (name === coding) return q;
    if (name === "*") wildcard = q;
  }
  return wildcard;
}

/** Whether an Accept-Encoding header admits gzip (present, and not with q=0). */
export function acceptsGzip(header: string | null | undefined): boolean {
  return codingQuality(header, "gzip") > 0;
}

/**
 * The coding of a page from the reader-page cache on the fast path: Brotli
 * when the client takes it at least as gladly as gzip (about a fifth smaller
 * on these pages), else gzip, else none.
 */
export function cachedPageCoding(
  header: string | null | undefined,
  compressing = compressingResponses(),
): "identity" | "gzip" | "br" {
  if (!compressing) return "identity";
  const br = codingQuality(header, "br");
  const gzip = codingQuality(header, "gzip");
  if (br > 0 && br >= gzip) return "br";
  return gzip > 0 ? "gzip" : "identity";
}

/**
 * The coding Next's compression middleware will give a route handler's HTML
 * page (its negotiator prefers gzip, then deflate, by q-value; a page is far
 * over its 1 KB threshold).
 */
export function nextCoding(header: string | null | undefined, compressing = compressingResponses()): ContentCoding {
  if (!compressing) return "identity";
  const gzip = codingQuality(header, "gzip");
  const deflate = codingQuality(header, "deflate");
  if (gzip > 0 && gzip >= deflate) return "gzip";
  return deflate > 0 ? "deflate" : "identity";
}
