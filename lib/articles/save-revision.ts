import "server-only";
import { getDb, type Db, type Tx } from "../db/client";
import { SCHEMA_VERSION, type ArticleContent } from "../document/model";
import { validateArticleContent } from "../document/validate";
import { WikiError } from "../errors";
import { encodeContent, storeBlobs } from "./content-store";
import { slugOfTitle } from "./titles";

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
   * The article row as the caller's transaction locked it (FOR UPDATE), with
   * the content of its current revision: the save then neither locks nor reads
   * them again. Only with `tx`.
   */
  locked?: { articleId: number; currentRevisionId: number; currentContent: ArticleContent };
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

async function writeRevision(tx: Tx, options: SaveRevisionOptions, content: ArticleContent, encoded: ReturnType<typeof encodeContent>, sizeBytes: number): Promise<SaveRevisionResult> {
  const article = options.locked ? { id: options.locked.articleId, currentRevisionId: options.locked.currentRevisionId } : await lockArticle(tx, options, content);
  if (article.currentRevisionId !== options.baseRevisionId) {
    throw new WikiError("conflict", "The article was changed since your edit began.", { currentRevisionId: article.currentRevisionId });
  }
  if (article.currentRevisionId !== null) {
    // Hashes of cached (frozen) content are memoized, so encoding the head costs little.
    const head = options.locked ? { ...encodeContent(options.locked.currentContent), title: options.locked.currentContent.title } : await tx.revision.findUniqueOrThrow({ where: { id: article.currentRevisionId } });
    if (head.sectionsRoot === encoded.sectionsRoot && head.referencesRoot === encoded.referencesRoot && head.infoboxHash === encoded.infoboxHash && head.title === content.title) {
      return { status: "unchanged" as const, revisionId: article.currentRevisionId, articleId: article.id };
    }
  }
  const written = await storeBlobs(tx, encoded.blobs);
  const revision = await tx.revision.create({
    data: {
      articleId: article.id,
      parentId: options.baseRevisionId,
      authorId: options.authorId,
      summary: options.summary ?? "",
      minor: options.minor ?? false,
      tags: options.tags ?? [],
      approvedById: options.approvedById ?? null,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
      sizeBytes,
      schemaVersion: SCHEMA_VERSION,
      title: content.title,
      sectionsRoot: encoded.sectionsRoot,
      referencesRoot: encoded.referencesRoot,
      infoboxHash: encoded.infoboxHash,
    },
  });
  const moved = await tx.article.updateMany({
    where: { id: article.id, currentRevisionId: options.baseRevisionId },
    data: { currentRevisionId: revision.id, title: content.title },
  });
  if (moved.count !== 1) {
    throw new WikiError("conflict", "The article was changed since your edit began.");
  }
  await tx.user.update({ where: { id: options.authorId }, data: { editCount: { increment: 1 } } });
  const bytesWritten = written.reduce((sum, row) => sum + Buffer.byteLength(JSON.stringify(row.data)), 0);
  return { status: "saved" as const, revisionId: revision.id, articleId: article.id, bytesWritten };
}

/**
 * Locks the article row (created if new). Saves of one article are serialized
 * on it: taking the lock first means a second writer waits, then sees the new
 * head and reports a conflict, instead of deadlocking with the first on the
 * row's key lock.
 */
async function lockArticle(tx: Tx, options: SaveRevisionOptions, content: ArticleContent): Promise<{ id: number; currentRevisionId: number | null }> {
  const [locked] = await tx.$queryRaw<Array<{ id: number; currentRevisionId: number | null }>>`SELECT "id", "currentRevisionId" FROM "Article" WHERE slug = ${options.slug} FOR UPDATE`;
  if (locked) return locked;
  if (options.baseRevisionId !== null) throw new WikiError("not_found", `There is no article "${options.slug}".`);
  return tx.article.create({ data: { slug: options.slug, title: content.title }, select: { id: true, currentRevisionId: true } });
}

export type { ArticleContent };
