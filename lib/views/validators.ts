import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ContentCoding } from "./content-coding";
import { RENDERER_VERSION } from "./rendered-revisions";

/**
 * Entity tags of reader views (RFC 9110 §8.8.3), so a browser or CDN
 * revalidating a `no-cache` page gets a 304 instead of the page again.
 *
 * Two kinds, told apart by their first letter so they can never match each
 * other:
 * - `k…`, a signed-out page: a hash of its reader-page key (which names
 *   everything the page shows: the revision, how it is shown, protection,
 *   link epoch, talk count, …), the renderer version and the build. It is
 *   known from the one article-row query, before anything is rendered, so a
 *   revalidation costs that query and nothing else; and it is the same on
 *   every instance of one build.
 * - `d…`, any other page (a signed-in reader's, or one built per request): a
 *   digest of the bytes. A signed-in page shows its reader's name, groups,
 *   unread and review counts, watch star and block notice, which change
 *   without any article event; a key of all of them would go stale the day
 *   the header shows one thing more, while the bytes cannot. It saves the
 *   transfer, not the render.
 *
 * Tags are strong and name the content coding (`"k…-br"`), since a strong
 * tag promises the same bytes.
 */

let build: string | undefined;

/** The build's id (Next's .next/BUILD_ID): a deployment that changes the page around the article changes every tag. */
function buildId(): string {
  if (build === undefined) {
    try {
      build = readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
    } catch {
      build = "source";
    }
  }
  return build;
}

const digest = (text: string | Uint8Array) => createHash("sha256").update(text).digest("base64url").slice(0, 27);

/** The opaque part of a signed-out page's tag, from the reader-page key that names what it shows. */
export function pageKeyTag(pageKey: string): string {
  return `k${digest(`${buildId()}\n${RENDERER_VERSION}\nsigned-out\n${pageKey}`)}`;
}

/** The opaque part of the tag of a page built per request: a digest of its bytes. */
export function bytesTag(bytes: Uint8Array): string {
  return `d${digest(bytes)}`;
}

/** A strong entity tag for one content coding of a page. */
export function entityTag(opaque: string, coding: ContentCoding): string {
  return `"${opaque}${coding === "identity" ? "" : `-${coding}`}"`;
}

/** The tags an If-None-Match field lists: "*", a list of opaque tags (weakness dropped), or null when absent or malformed. */
export function parseIfNoneMatch(header: string | null | undefined): "*" | string[] | null {
  if (header === null || header === undefined) return null;
  const value = header.trim();
  if (value === "*") return "*";
  // RFC 9110 §8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text; a list by commas.
  const member = /^\s*(?:W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*$/;
  const tags: string[] = [];
  for (const part of value.split(",")) {
    if (part.trim() === "") continue; // empty list elements are allowed (RFC 9110 §5.6.1)
    const match = member.exec(part);
    if (!match) return null; // malformed: ignored as a whole, as if absent
    tags.push(match[1]);
  }
  return tags.length > 0 ? tags : null;
}

/**
 * Whether a GET with this If-None-Match is answered 304 for a page tagged
 * `etag` (RFC 9110 §13.1.2): "*" matches any current page, a list matches by
 * the weak comparison (W/ ignored, the opaque tags equal). `exists` says a
 * current page exists; "*" needs only that.
 */
export function notModified(header: string | null | undefined, etag: string): boolean {
  const tags = parseIfNoneMatch(header);
  if (tags === null) return false;
  if (tags === "*") return true;
  const opaque = etag.replace(/^W\//, "").slice(1, -1);
  return tags.includes(opaque);
}
