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
  // Saves of one article are serialized on its row: taking the lock first
  // means a second writer waits, then sees the new head and reports a
  // conflict, instead of deadlocking with the first on the row's key lock.
  const locked = await tx.$queryRaw<Array<{ id: number }>>`SELECT id FROM "Article" WHERE slug = ${options.slug} FOR UPDATE`;
  let article = locked.length ? await tx.article.findUniqueOrThrow({ where: { id: locked[0].id } }) : null;
  if (!article) {
    if (options.baseRevisionId !== null) throw new WikiError("not_found", `There is no article "${options.slug}".`);
    article = await tx.article.create({ data: { slug: options.slug, title: content.title } });
  }
  if (article.currentRevisionId !== options.baseRevisionId) {
    throw new WikiError("conflict", "The article was changed since your edit began.", { currentRevisionId: article.currentRevisionId });
  }
  if (article.currentRevisionId !== null) {
    const base = await tx.revision.findUniqueOrThrow({ where: { id: article.currentRevisionId } });
    if (base.sectionsRoot === encoded.sectionsRoot && base.referencesRoot === encoded.referencesRoot && base.infoboxHash === encoded.infoboxHash && base.title === content.title) {
      return { status: "unchanged" as const, revisionId: base.id, articleId: article.id };
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

export type { ArticleContent };
