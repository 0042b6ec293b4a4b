import "server-only";
import { budgetFromEnv, ByteLru } from "../cache/lru";
import { RENDERER_VERSION } from "./rendered-revisions";
import { encodeLinkedHtml, splitWikiLinks, type LinkedBytes } from "./wiki-links";

/**
 * The HTML of the parts of article revisions (a section, the infobox, a
 * reference list entry, a note, the table of contents), each under a key that
 * names everything it shows (components/article/revision-parts.tsx makes the
 * keys). A part's HTML is a function of its key, so an entry is never stale,
 * and a revision that shares a part with one rendered before (every section
 * but the edited one, after a one-section edit) takes it from here. Kept as
 * UTF-8 (./wiki-links.ts's LinkedBytes), and never written to once made.
 */
const parts = new ByteLru<Uint8Array | LinkedBytes>(budgetFromEnv("WIKI_PART_CACHE_MB", 64));

/** Whether parts are cached at all (WIKI_PART_CACHE_MB=0 turns it off: revisions are then rendered whole). */
export const partCacheEnabled = budgetFromEnv("WIKI_PART_CACHE_MB", 64) > 0;

const versioned = (key: string) => `${RENDERER_VERSION}\u0001${key}`;

const utf8 = new TextEncoder();

/** A part's HTML cut at its wiki links (their colour is not a fact of the revision: ./wiki-links.ts), as UTF-8. */
export function renderedLinkedPart(key: string, render: () => string): LinkedBytes {
  const full = versioned(key);
  const cached = parts.get(full);
  if (cached !== undefined && !(cached instanceof Uint8Array)) return cached;
  const part = encodeLinkedHtml(splitWikiLinks(render()));
  const bytes = part.pieces.reduce<number>((sum, piece) => sum + (typeof piece === "number" ? 8 : piece.byteLength), 0);
  parts.set(full, part, full.length * 2 + bytes + part.links.length * 200 + 64);
  return part;
}

/** A part's HTML as rendered, as UTF-8, for parts that hold no wiki links (the table of contents). */
export function renderedPlainPart(key: string, render: () => string): Uint8Array {
  const full = versioned(key);
  const cached = parts.get(full);
  if (cached instanceof Uint8Array) return cached;
  const html = utf8.encode(render());
  parts.set(full, html, full.length * 2 + html.byteLength + 64);
  return html;
}

/** Empties the part cache (benchmarks measure renders from nothing with it). */
export function clearPartCache(): void {
  parts.clear();
}

/** Hit and miss counts of the part cache (benchmarks print them). */
export function partCacheStats() {
  return { hits: parts.hits, misses: parts.misses, entries: parts.size, bytes: parts.bytes };
}
