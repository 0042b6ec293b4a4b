import "server-only";
import { getDb, queryPrepared, type Db, type Tx } from "../db/client";
import { SCHEMA_VERSION, type ArticleContent } from "../document/model";
import { validateArticleContent } from "../document/validate";
import { WikiError } from "../errors";
import { blobsToStore, encodeContent } from "./content-store";
import { slugOfTitle, titleSkeleton } from "./titles";

// A 2 MB article's first save writes thousands of blobs; allow for a busy machine.
export const SAVE_TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 60_000 };

/** A unique-key race, lock timeout or deadlock: the caller's base moved under it. */
export function isTransactionConflict(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "P2002" || code === "P2034" || /TransactionWriteConflict|deadlock/i.test(String(error));
}

export interface SaveRevisionOptions {
  slug: string;
  /** the revision the change was based on; null when creating the article */
  baseRevisionId: number | null;
  content: unknown;
  authorId: number;
  summary?: string;
  minor?: boolean;
  /** labels for history (merged, undo, restore) */
  tags?: string[];
  /** the reviewer whose approval this revision carries out */
  approvedById?: number;
  /** when the revision was made; only imports and seeds set it */
  createdAt?: Date;
  db?: Db;
  /** run inside the caller's transaction (an approval writes its decision and the revision together) */
  tx?: Tx;
  /**
   * The article's current revision as the caller read it, with its content:
   * the save then neither locks nor reads them. The write checks in the same
   * statement that it is still current (a conflict if not), so this needs no
   * transaction of the caller's.
   */
  head?: { articleId: number; currentRevisionId: number; currentContent: ArticleContent };
}

export type SaveRevisionResult =
  | { status: "saved"; revisionId: number; articleId: number; bytesWritten: number }
  | { status: "unchanged"; revisionId: number; articleId: number };

/**
 * Saves content as a new immutable revision. The article's current revision
 * moves forward only if it is still `baseRevisionId` (checked in the same
 * transaction as the write), so two concurrent saves can never silently
 * overwrite each other: the loser gets a `conflict`. A save identical to its
 * base makes no revision. Authorization is the caller's use-case's job.
 */
export async function saveRevision(options: SaveRevisionOptions): Promise<SaveRevisionResult> {
  const validation = validateArticleContent(options.content);
  if (!validation.ok) {
    throw new WikiError("invalid_document", `The document is invalid at ${validation.issues[0].path}: ${validation.issues[0].message}`, { issues: validation.issues });
  }
  const content = validation.value;
  if (slugOfTitle(content.title) !== options.slug) {
    throw new WikiError("bad_request", `The title "${content.title}" does not match the article "${options.slug}".`);
  }
  const encoded = encodeContent(content);
  const sizeBytes = Buffer.byteLength(JSON.stringify(content));
  if (options.tx) return writeRevision(options.tx, options, content, encoded, sizeBytes);
  const db = options.db ?? getDb();
  try {
    // With the head known, the write is one statement, atomic by itself; otherwise the
    // article row is locked (or created) first, in a transaction.
    if (options.head) return await writeRevision(db, options, content, encoded, sizeBytes);
    return await db.$transaction((tx: Tx) => writeRevision(tx, options, content, encoded, sizeBytes), SAVE_TRANSACTION_LIMITS);
  } catch (error) {
    // Two creations of one article race on its unique slug; a lock timeout or
    // deadlock under load is the same story. The caller may retry on conflict.
    if (isTransactionConflict(error)) {
      throw new WikiError("conflict", "The article was changed since your edit began.");
    }
    throw error;
  }
}

async function writeRevision(db: Db | Tx, options: SaveRevisionOptions, content: ArticleContent, encoded: ReturnType<typeof encodeContent>, sizeBytes: number): Promise<SaveRevisionResult> {
  const article = options.head ? { id: options.head.articleId, currentRevisionId: options.head.currentRevisionId } : await lockArticle(db, options, content);
  if (article.currentRevisionId !== options.baseRevisionId) {
    throw new WikiError("conflict", "The article was changed since your edit began.", { currentRevisionId: article.currentRevisionId });
  }
  if (article.currentRevisionId !== null) {
    // Hashes of cached (frozen) content are memoized, so encoding the head costs little.
    const head = options.head ? { ...encodeContent(options.head.currentContent), title: options.head.currentContent.title } : await db.revision.findUniqueOrThrow({ where: { id: article.currentRevisionId } });
    if (head.sectionsRoot === encoded.sectionsRoot && head.referencesRoot === encoded.referencesRoot && head.infoboxHash === encoded.infoboxHash && head.title === content.title) {
      return { status: "unchanged" as const, revisionId: article.currentRevisionId, articleId: article.id };
    }
  }
  const appended = await appendRevision(db, { ...options, articleId: article.id, content, encoded, sizeBytes });
  if (!appended) throw new WikiError("conflict", "The article was changed since your edit began.");
  return { status: "saved" as const, revisionId: appended.revisionId, articleId: article.id, bytesWritten: appended.bytesWritten };
}

/**
 * Writes a revision in one statement: its new blobs, the revision row, the
 * article's head moved onto it and the author's edit count. The article row is
 * locked first and must still point at the base revision; if it moved, nothing
 * is written and the result is null. One round trip instead of five keeps a
 * save's cost and its time holding the article's lock small.
 */
async function appendRevision(
  db: Db | Tx,
  revision: SaveRevisionOptions & { articleId: number; content: ArticleContent; encoded: ReturnType<typeof encodeContent>; sizeBytes: number },
): Promise<{ revisionId: number; bytesWritten: number } | null> {
  const blobs = blobsToStore(revision.encoded.blobs);
  const blobTexts = blobs.map((row) => JSON.stringify(row.data));
  const [row] = await queryPrepared<{ revisionId: number; written: string[] }>(db, {
    name: "wiki-append-revision",
    text: `WITH head AS (
        SELECT "id" FROM "Article" WHERE "id" = $1::int AND "currentRevisionId" IS NOT DISTINCT FROM $2::int FOR UPDATE
      ), blobs AS (
        INSERT INTO "ContentBlob" ("hash", "kind", "data")
        SELECT b."hash", b."kind", b."data"::jsonb FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS b("hash", "kind", "data", "n")
        WHERE EXISTS (SELECT 1 FROM head) ORDER BY b."n"
        ON CONFLICT ("hash") DO NOTHING
        RETURNING "hash"
      ), revision AS (
        INSERT INTO "Revision" ("articleId", "parentId", "authorId", "summary", "minor", "tags", "approvedById", "createdAt", "sizeBytes", "schemaVersion", "title", "sectionsRoot", "referencesRoot", "infoboxHash")
        SELECT head."id", $2::int, $6::int, $7::text, $8::boolean, $9::text[], $10::int, COALESCE($11::timestamp, CURRENT_TIMESTAMP), $12::int, $13::int, $14::text, $15::text, $16::text, $17::text
        FROM head
        RETURNING "id"
      ), moved AS (
        UPDATE "Article" SET "currentRevisionId" = revision."id", "title" = $14::text FROM revision WHERE "Article"."id" = $1::int
      ), counted AS (
        UPDATE "User" SET "editCount" = "editCount" + 1 FROM revision WHERE "User"."id" = $6::int
      )
      SELECT revision."id" AS "revisionId", ARRAY(SELECT "hash" FROM blobs) AS "written" FROM revision`,
    values: [
      revision.articleId,
      revision.baseRevisionId,
      blobs.map((row) => row.hash),
      blobs.map((row) => row.kind),
      blobTexts,
      revision.authorId,
      revision.summary ?? "",
      revision.minor ?? false,
      revision.tags ?? [],
      revision.approvedById ?? null,
      revision.createdAt?.toISOString() ?? null,
      revision.sizeBytes,
      SCHEMA_VERSION,
      revision.content.title,
      revision.encoded.sectionsRoot,
      revision.encoded.referencesRoot,
      revision.encoded.infoboxHash,
    ],
  });
  if (!row) return null;
  const written = new Set(row.written);
  const bytesWritten = blobs.reduce((sum, blob, index) => sum + (written.has(blob.hash) ? Buffer.byteLength(blobTexts[index]) : 0), 0);
  return { revisionId: row.revisionId, bytesWritten };
}

/**
 * Locks the article row (created if new). Saves of one article are serialized
 * on it: taking the lock first means a second writer waits, then sees the new
 * head and reports a conflict, instead of deadlocking with the first on the
 * row's key lock.
 */
async function lockArticle(tx: Db | Tx, options: SaveRevisionOptions, content: ArticleContent): Promise<{ id: number; currentRevisionId: number | null }> {
  const [locked] = await tx.$queryRaw<Array<{ id: number; currentRevisionId: number | null }>>`SELECT "id", "currentRevisionId" FROM "Article" WHERE slug = ${options.slug} FOR UPDATE`;
  if (locked) return locked;
  if (options.baseRevisionId !== null) throw new WikiError("not_found", `There is no article "${options.slug}".`);
  const skeleton = titleSkeleton(content.title);
  const original = await tx.article.findUnique({ where: { titleSkeleton: skeleton }, select: { title: true } });
  if (original) throw new WikiError("conflict", `The title "${content.title}" looks like the existing article '${original.title}'.`, { field: "title", original: original.title });
  // A look-alike created at the same moment is refused by the unique index (a conflict, below).
  return tx.article.create({ data: { slug: options.slug, title: content.title, titleSkeleton: skeleton }, select: { id: true, currentRevisionId: true } });
}

export type { ArticleContent };
