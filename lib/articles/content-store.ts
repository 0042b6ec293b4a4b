import "server-only";
import canonicalize from "canonicalize";
import { createHash } from "node:crypto";
import type { ArticleContent, Infobox, Reference, Section } from "../document/model";
import type { Tx, Db } from "../db/client";
import { deepFreeze } from "../cache/deep-freeze";
import { budgetFromEnv, ByteLru } from "../cache/lru";

/**
 * Content-addressed storage of revisions (DESIGN.md invariant 2).
 *
 * Each section, reference and infobox is one blob named by the SHA-256 of its
 * canonical JSON. A revision lists its sections and references through a
 * two-level manifest: chunks of (id, hash) pairs, cut where the hash of an
 * entry's id says so (content-defined chunking, so inserting a section only
 * changes the chunk around it), and a root listing the chunks. A one-section
 * edit of a 1 MB article stores the section, one chunk and one root.
 */

/** What a content blob holds (ContentBlob.kind; the database refuses any other). */
export const BLOB_KINDS = ["section", "reference", "infobox", "chunk", "root"] as const;
type BlobKind = (typeof BLOB_KINDS)[number];

export interface BlobRow {
  hash: string;
  kind: BlobKind;
  data: unknown;
}

type ManifestEntry = [id: string, hash: string];

// About one chunk boundary per 16 entries.
const CHUNK_MASK = 0xf;

/** SHA-256 of the canonical (RFC 8785) JSON of `value`. */
export function contentHash(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("value cannot be canonicalized");
  return createHash("sha256").update(text).digest("hex");
}

function isBoundary(id: string): boolean {
  // FNV-1a of the id: cheap and stable; boundaries move only with the ids.
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) & CHUNK_MASK) === 0;
}

function chunkEntries(entries: ManifestEntry[]): ManifestEntry[][] {
  const chunks: ManifestEntry[][] = [];
  let current: ManifestEntry[] = [];
  for (const entry of entries) {
    current.push(entry);
    if (isBoundary(entry[0])) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

/**
 * Hashes of frozen values (blobs read through the cache, and what is built
 * from them): an edit of one section of a 1 MB article then hashes one
 * section, not all of them. Only frozen values, so a memo can never be stale.
 */
const hashMemo = new WeakMap<object, string>();

/**
 * The content hash of a value, remembered for frozen values: a blob read from
 * the store comes with its hash (its name), so hashing a loaded revision's
 * sections and references costs nothing (the renderer's part cache keys on them).
 */
export function hashOfContent(data: unknown): string {
  return memoizedHash(data);
}

function memoizedHash(data: unknown): string {
  if (data && typeof data === "object" && Object.isFrozen(data)) {
    let hash = hashMemo.get(data);
    if (!hash) {
      hash = contentHash(data);
      hashMemo.set(data, hash);
    }
    return hash;
  }
  return contentHash(data);
}

function blob(kind: BlobKind, data: unknown, out: BlobRow[]): string {
  const hash = memoizedHash(data);
  out.push({ hash, kind, data });
  return hash;
}

function manifest(entries: ManifestEntry[], out: BlobRow[]): string {
  const chunkHashes = chunkEntries(entries).map((entries) => blob("chunk", { entries }, out));
  return blob("root", { chunks: chunkHashes }, out);
}

/** The blobs and manifest roots that represent `content`. Pure. */
export function encodeContent(content: ArticleContent): {
  sectionsRoot: string;
  referencesRoot: string;
  infoboxHash: string | null;
  blobs: BlobRow[];
} {
  const blobs: BlobRow[] = [];
  const sectionEntries = content.sections.map(
    (section): ManifestEntry => [section.id, blob("section", section, blobs)],
  );
  const referenceEntries = content.references.map(
    (reference): ManifestEntry => [reference.key, blob("reference", reference, blobs)],
  );
  const sectionsRoot = manifest(sectionEntries, blobs);
  const referencesRoot = manifest(referenceEntries, blobs);
  const infoboxHash = content.infobox ? blob("infobox", content.infobox, blobs) : null;
  const unique = new Map(blobs.map((row) => [row.hash, row]));
  return { sectionsRoot, referencesRoot, infoboxHash, blobs: [...unique.values()] };
}

/**
 * Blobs are immutable (named by their hash), so each instance keeps the ones
 * it read recently; frozen, because callers share them.
 */
const blobCache = new ByteLru<unknown>(budgetFromEnv("WIKI_CONTENT_CACHE_MB", 128));

/** Empties the blob cache (benchmarks measure cold reads with it). */
export function clearContentCache(): void {
  blobCache.clear();
}

/** Hit and miss counts of the blob cache (benchmarks print them). */
export function blobCacheStats() {
  return { hits: blobCache.hits, misses: blobCache.misses, entries: blobCache.size, bytes: blobCache.bytes };
}

/**
 * The blobs that may not be stored yet, sorted by hash: a blob in the cache was
 * read from the database, so it is stored already. Writers insert them in this
 * order, so concurrent writers of the same blobs take index locks in one order
 * and cannot deadlock.
 */
export function blobsToStore(blobs: BlobRow[]): BlobRow[] {
  return blobs.filter((row) => !blobCache.has(row.hash)).sort((a, b) => (a.hash < b.hash ? -1 : 1));
}

/** Stores the blobs that are not stored yet; returns those it wrote. */
export async function storeBlobs(tx: Tx, blobs: BlobRow[]): Promise<BlobRow[]> {
  const unknown = blobsToStore(blobs);
  if (unknown.length === 0) return [];
  // One statement: INSERT … ON CONFLICT DO NOTHING RETURNING, which returns the rows it inserted.
  const inserted = await tx.contentBlob.createManyAndReturn({
    data: unknown.map((row) => ({ hash: row.hash, kind: row.kind, data: row.data as object })),
    skipDuplicates: true,
    select: { hash: true },
  });
  const written = new Set(inserted.map((row) => row.hash));
  return unknown.filter((row) => written.has(row.hash));
}

async function fetchBlobs(db: Db | Tx, hashes: string[]): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  const wanted: string[] = [];
  for (const hash of new Set(hashes)) {
    const cached = blobCache.get(hash);
    if (cached === undefined) wanted.push(hash);
    else found.set(hash, cached);
  }
  if (wanted.length === 0) return found;
  // As text, so the cache can weigh each blob by its size.
  const rows = await db.$queryRaw<
    Array<{ hash: string; data: string }>
  >`SELECT "hash", "data"::text AS "data" FROM "ContentBlob" WHERE "hash" = ANY(${wanted}::text[])`;
  for (const row of rows) {
    const data = deepFreeze(JSON.parse(row.data) as unknown);
    // Its name is its hash (content-addressed): known without hashing it again.
    if (data && typeof data === "object") hashMemo.set(data, row.hash);
    // Parsed JSON takes several times its text's size in the heap.
    blobCache.set(row.hash, data, row.data.length * 4);
    found.set(row.hash, data);
  }
  const missing = wanted.filter((hash) => !found.has(hash));
  if (missing.length > 0) throw new Error(`content blobs missing: ${missing.slice(0, 3).join(", ")}`);
  return found;
}

/** Reads back the content a revision points at (at most three queries, whatever its size; none when its blobs are cached). */
export async function loadContent(
  db: Db | Tx,
  revision: { title: string; sectionsRoot: string; referencesRoot: string; infoboxHash: string | null },
): Promise<ArticleContent> {
  const roots = await fetchBlobs(db, [
    revision.sectionsRoot,
    revision.referencesRoot,
    ...(revision.infoboxHash ? [revision.infoboxHash] : []),
  ]);
  const chunkHashesOf = (root: string) => (roots.get(root) as { chunks: string[] }).chunks;
  const sectionChunkHashes = chunkHashesOf(revision.sectionsRoot);
  const referenceChunkHashes = chunkHashesOf(revision.referencesRoot);
  const chunks = await fetchBlobs(db, [...sectionChunkHashes, ...referenceChunkHashes]);
  const entriesOf = (hashes: string[]) =>
    hashes.flatMap((hash) => (chunks.get(hash) as { entries: ManifestEntry[] }).entries);
  const sectionEntries = entriesOf(sectionChunkHashes);
  const referenceEntries = entriesOf(referenceChunkHashes);
  const items = await fetchBlobs(
    db,
    [...sectionEntries, ...referenceEntries].map((entry) => entry[1]),
  );
  return {
    title: revision.title,
    sections: sectionEntries.map((entry) => items.get(entry[1]) as Section),
    references: referenceEntries.map((entry) => items.get(entry[1]) as Reference),
    infobox: revision.infoboxHash ? (roots.get(revision.infoboxHash) as Infobox) : null,
  };
}

/** A revision's manifest only: section and reference hashes by id, without their content (cheap). */
export async function loadManifest(
  db: Db | Tx,
  revision: { sectionsRoot: string; referencesRoot: string; infoboxHash: string | null },
): Promise<{ sections: Map<string, string>; references: Map<string, string>; infoboxHash: string | null }> {
  const roots = await fetchBlobs(db, [revision.sectionsRoot, revision.referencesRoot]);
  const sectionChunks = (roots.get(revision.sectionsRoot) as { chunks: string[] }).chunks;
  const referenceChunks = (roots.get(revision.referencesRoot) as { chunks: string[] }).chunks;
  const chunks = await fetchBlobs(db, [...sectionChunks, ...referenceChunks]);
  const entries = (hashes: string[]) =>
    new Map(hashes.flatMap((hash) => (chunks.get(hash) as { entries: ManifestEntry[] }).entries));
  return { sections: entries(sectionChunks), references: entries(referenceChunks), infoboxHash: revision.infoboxHash };
}
