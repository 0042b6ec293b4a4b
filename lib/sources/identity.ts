/**
 * Which source a reference cites, across articles (issue 20, "sources across
 * articles"). Pure, shared by the save path (the SourceCitation rows), the
 * source page and the reference list's link. A reference is matched by the
 * strongest identifier it carries: a DOI, an ISBN, then its normalized URL,
 * then the original URL behind its archived copy. References have no DOI or
 * ISBN field, so those come from the URL forms citations carry them in
 * (https://doi.org/…, a publisher's /doi/10.… path, an ISBN link).
 */
import type { Reference } from "../document/model";

/** What kind of identifier names a source. */
export type SourceKind = "doi" | "isbn" | "url";

/** A source's identity: `key` is `kind:value` (what the index stores), `id` its form in a /sources/{id} address. */
export interface SourceIdentity {
  kind: SourceKind;
  value: string;
  key: string;
  id: string;
}

/** Longer keys are not indexed (a btree row has a size limit, and such URLs are not shared sources). */
export const MAX_SOURCE_KEY = 1000;

// Query parameters that say who sent the reader, not what the page is (stripped so shared links match).
const TRACKING = /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|yclid|ref_src|ref_url|cmpid|ocid)$/i;

/** A DOI as it is matched: `10.<registrant>/<suffix>`, lowercase (DOIs are case-insensitive), from a bare DOI, `doi:` or a doi.org URL. */
export function normalizeDoi(input: string): string | null {
  let text = input.trim();
  text = text.replace(/^doi:\s*/i, "").replace(/^https?:\/\/(dx\.)?(www\.)?doi\.org\//i, "");
  try {
    text = decodeURIComponent(text);
  } catch {
    return null;
  }
  const match = /^(10\.\d{4,9}\/\S+)$/.exec(text);
  return match ? match[1].toLowerCase() : null;
}

function isbnDigits(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase();
}

function isbn13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** An ISBN as it is matched: 13 digits without hyphens; an ISBN-10 becomes its 978 form. Null unless the checksum holds. */
export function normalizeIsbn(input: string): string | null {
  const digits = isbnDigits(input.replace(/^isbn(-1[03])?:?\s*/i, ""));
  if (/^\d{9}[\dX]$/.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (digits[i] === "X" ? 10 : Number(digits[i])) * (10 - i);
    if (sum % 11 !== 0) return null;
    const first12 = `978${digits.slice(0, 9)}`;
    return `${first12}${isbn13CheckDigit(first12)}`;
  }
  if (/^97[89]\d{10}$/.test(digits)) return isbn13CheckDigit(digits) === Number(digits[12]) ? digits : null;
  return null;
}

/**
 * The original URL inside a Wayback Machine address
 * (`web.archive.org/web/20240101000000id_/https://example.com/`), or null when `url` is not one.
 */
export function archivedOriginal(url: string): string | null {
  const match = /^https?:\/\/(?:web\.)?archive\.org\/web\/\d{1,14}[a-z_]*\/(.+)$/i.exec(url.trim());
  if (!match) return null;
  const inner = match[1];
  return /^https?:\/\//i.test(inner)
    ? inner
    : /^https?:\/[^/]/i.test(inner)
      ? inner.replace(/:\//, "://")
      : `http://${inner}`;
}

/**
 * A URL as sources are matched: http and https alike, host lowercase without
 * `www.` and default port, no fragment, no tracking parameters (utm_*, fbclid…),
 * the other parameters sorted, no trailing slash. Null for what is not an
 * http(s) URL. An archived copy's address becomes its original's.
 */
export function normalizeSourceUrl(input: string): string | null {
  const original = archivedOriginal(input) ?? input.trim();
  let url: URL;
  try {
    url = new URL(original);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const host = url.hostname
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^www\./, "");
  if (!host) return null;
  const port = url.port && url.port !== "80" && url.port !== "443" ? `:${url.port}` : "";
  let query = "";
  if (url.search) {
    const params = [...url.searchParams].filter(([name]) => !TRACKING.test(name));
    params.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
    query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  }
  const path = url.pathname.replace(/\/+$/, "");
  return `${host}${port}${path}${query}`;
}

/** A DOI carried in a URL: a doi.org address, or a publisher's `/doi/[abs|full|pdf/]10.…` path. */
export function doiInUrl(url: string): string | null {
  if (/^https?:\/\/(dx\.)?(www\.)?doi\.org\//i.test(url.trim())) return normalizeDoi(url.split(/[?#]/)[0]);
  const match = /\/doi\/(?:(?:abs|full|pdf|epdf|epub|book)\/)?(10\.\d{4,9}\/[^?#]+)/i.exec(url);
  return match ? normalizeDoi(match[1].replace(/\/+$/, "")) : null;
}

/** An ISBN carried in a URL: an `isbn=` parameter, an `/isbn/…` path, or Special:BookSources/…. */
export function isbnInUrl(url: string): string | null {
  if (!/isbn|BookSources/i.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  for (const [name, value] of parsed.searchParams) if (/^isbn$/i.test(name)) return normalizeIsbn(value);
  const match = /\/(?:isbn|Special:BookSources)\/([\dXx-]{10,17})(?:[/.?#]|$)/i.exec(parsed.pathname);
  return match ? normalizeIsbn(match[1]) : null;
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * The /sources/{id} form of a key: base64url of its UTF-8 (reversible, no collisions, the same in browser and
 * server). Written out rather than with btoa, which is slow in Node and takes only Latin-1.
 */
export function sourceIdOf(key: string): string {
  const bytes = new TextEncoder().encode(key);
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64URL[(n >> 18) & 63] + BASE64URL[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += BASE64URL[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += BASE64URL[n & 63];
  }
  return out;
}

/** The key an address's id names, or null when it is not one `sourceIdOf` makes. */
export function sourceKeyOf(id: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,1400}$/.test(id) || id.length % 4 === 1) return null;
  const bytes: number[] = [];
  for (let i = 0; i < id.length; i += 4) {
    const chunk = id.slice(i, i + 4);
    let n = 0;
    for (let j = 0; j < 4; j++) n = (n << 6) | (j < chunk.length ? BASE64URL.indexOf(chunk[j]) : 0);
    bytes.push((n >> 16) & 255);
    if (chunk.length > 2) bytes.push((n >> 8) & 255);
    if (chunk.length > 3) bytes.push(n & 255);
  }
  try {
    const key = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
    return /^(doi|isbn|url):./.test(key) && sourceIdOf(key) === id ? key : null;
  } catch {
    return null;
  }
}

function identity(kind: SourceKind, value: string): SourceIdentity | null {
  const key = `${kind}:${value}`;
  if (key.length > MAX_SOURCE_KEY) return null;
  // The id only when asked for: the save path needs the key alone, for every reference of every revision.
  return {
    kind,
    value,
    key,
    get id() {
      return sourceIdOf(key);
    },
  };
}

/**
 * The source a reference cites, by the strongest identifier it carries (DOI,
 * ISBN, URL, archived original), or null (a book without a link).
 */
export function sourceIdentity(reference: Pick<Reference, "url" | "archiveUrl">): SourceIdentity | null {
  const urls = [reference.url, reference.archiveUrl ? (archivedOriginal(reference.archiveUrl) ?? undefined) : undefined]
    .filter((url): url is string => typeof url === "string" && url.length > 0)
    .map((url) => archivedOriginal(url) ?? url);
  for (const url of urls) {
    const doi = doiInUrl(url);
    if (doi) return identity("doi", doi);
  }
  for (const url of urls) {
    const isbn = isbnInUrl(url);
    if (isbn) return identity("isbn", isbn);
  }
  for (const url of urls) {
    const normalized = normalizeSourceUrl(url);
    if (normalized) return identity("url", normalized);
  }
  return null;
}

/** How a source's identifier reads to people. */
export function sourceLabel(source: Pick<SourceIdentity, "kind" | "value">): string {
  return source.kind === "doi" ? `DOI ${source.value}` : source.kind === "isbn" ? `ISBN ${source.value}` : source.value;
}
