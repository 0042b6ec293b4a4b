import { workItemRows } from "../worklists/work-items";
import { sourceCitationRows } from "../sources/source-rows";
import "server-only";
import { queryPrepared, type Db, type Tx } from "../db/client";
import { SCHEMA_VERSION, type ArticleContent } from "../document/model";
import { validateArticleContent } from "../document/validate";
import { WikiError } from "../errors";
import { blobsToStore, encodeContent, loadContent } from "./content-store";
import { mergeContent, type MergeConflict } from "./merge";
import { linkSlugsOf, slugOfTitle } from "./titles";
import { searchTextOf } from "../document/search-text";
import { RevisionTag } from "./revision-tags";
import { actorGroupSql, effectiveLevelSql, patrolledSql } from "../recent-changes/sql";

/**
 * THE way a revision lands on an article's head (DESIGN.md invariant 1):
 * edits, approvals, reverts, creations, seeds and imports all append through
 * `appendRevision`, and every path that must wait for a moved head goes
 * through `commitOnHead`, the one place that locks the article row.
 */

// A 2 MB article's first save writes thousands of blobs; allow for a busy machine.
export const SAVE_TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 60_000 };

/** A unique-key race, lock timeout or deadlock: the caller's base moved under it. */
export function isTransactionConflict(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "P2002" || code === "P2034" || /TransactionWriteConflict|deadlock/i.test(String(error));
}

/** Who made a revision and how history labels it. */
export interface RevisionMeta {
  authorId: number;
  summary?: string;
  minor?: boolean;
  /** labels for history (merged, undo, restore) */
  tags?: string[];
  /** the reviewer whose approval this revision carries out */
  approvedById?: number;
  /** when the revision was made; only imports and seeds set it */
  createdAt?: Date;
  /**
   * How recent changes records the revision when it is not a plain edit (a creation is recognised by
   * itself): a rollback, naming whose edits it rolled back.
   */
  change?:
    | { kind: "rollback"; targetUserId: number; details?: Record<string, unknown> }
    /** a move to a new title (lib/articles/move-article.ts): details name both titles and the reason */
    | { kind: "move"; targetUserId?: undefined; details: Record<string, unknown> };
  /** add the article to the author's watchlist in the same statement (edits, reverts, creations by users: lib/watchlist) */
  autoWatch?: boolean;
}

/** A change made on `base`, to be committed on whatever the head is by then. */
export interface Change {
  base: { revisionId: number; content: ArticleContent };
  /** validated here against the document schema (400 naming the path) and the article's title */
  content: unknown;
  meta: RevisionMeta;
  /**
   * When the head moved past `base`: merge section by section (edits,
   * approvals) or refuse (a revert or restore means "exactly this text").
   */
  onMovedHead: "merge" | "refuse";
  /** label a merged revision in history (a "merged" tag, the summary says with what), as edits do */
  labelMerge?: boolean;
  /**
   * Runs in the commit's transaction once the revision is appended, so what it
   * writes (a revert's notification: lib/notifications/notify.ts) exists
   * exactly when the revision does. A change with it always commits under the
   * article's lock (no one-statement fast path).
   */
  alsoInTransaction?: (tx: Tx, saved: { revisionId: number; parentId: number }) => Promise<void>;
}

/** The article row as locked for a commit, with what decisions under the lock read. */
export interface LockedArticle {
  id: number;
  slug: string;
  title: string;
  /** set while the article is deleted (lib/articles/delete-article.ts): nothing may be committed to it */
  deletedAt: Date | null;
  currentRevisionId: number | null;
  protectionLevel: string;
  protectionExpiresAt: Date | null;
  protectionReason: string | null;
}

/**
 * What a commit did. A moved head or a merge conflict is an outcome the
 * caller answers (a 409 with both versions, a refused approval), not an
 * exception: nothing was written.
 */
export type CommitOutcome =
  | {
      status: "saved";
      revisionId: number;
      parentId: number | null;
      summary: string;
      mergedWith: number | null;
      bytesWritten: number;
    }
  | { status: "unchanged"; revisionId: number }
  | { status: "moved"; currentRevisionId: number | null }
  | { status: "conflict"; currentRevisionId: number; theirs: ArticleContent; conflict: MergeConflict };

/** Content checked for storage: valid, titled for its article, encoded for the content store. */
interface CheckedContent {
  content: ArticleContent;
  encoded: ReturnType<typeof encodeContent>;
  sizeBytes: number;
}

/** Refuses content that is invalid (400 naming the JSON path) or titled for another article. */
export function checkContent(slug: string, content: unknown): CheckedContent {
  const validation = validateArticleContent(content);
  if (!validation.ok) {
    const [first] = validation.issues;
    throw new WikiError("invalid_document", `The document is invalid at ${first.path}: ${first.message}`, {
      issues: validation.issues,
    });
  }
  const valid = validation.value;
  if (slugOfTitle(valid.title) !== slug)
    throw new WikiError("bad_request", `The title "${valid.title}" does not match the article "${slug}".`);
  return { content: valid, encoded: encodeContent(valid), sizeBytes: Buffer.byteLength(JSON.stringify(valid)) };
}

/** Whether `checked` says exactly what `head` says (hashes of frozen content are memoized, so this costs little). */
function sameAsHead(checked: CheckedContent, head: ArticleContent): boolean {
  const encoded = encodeContent(head);
  return (
    encoded.sectionsRoot === checked.encoded.sectionsRoot &&
    encoded.referencesRoot === checked.encoded.referencesRoot &&
    encoded.infoboxHash === checked.encoded.infoboxHash &&
    head.title === checked.content.title
  );
}

/**
 * Edits and reverts: commits `change` on the article with a transaction of its
 * own. When the base is the head as the caller read it (the usual case), that
 * is ONE statement that writes only if the base is still the head; if another
 * save got in first, or the caller's base was older already, the change is
 * committed under the article's lock (`commitOnHead`). Concurrent saves of one
 * article queue there instead of racing, so a change that merges cleanly
 * always lands.
 */
export async function commitRevision(
  db: Db,
  change: Change & { article: { id: number; slug: string; currentRevisionId: number } },
): Promise<CommitOutcome> {
  const { article } = change;
  if (article.currentRevisionId === change.base.revisionId && !change.alsoInTransaction) {
    const checked = checkContent(article.slug, change.content);
    if (sameAsHead(checked, change.base.content)) return { status: "unchanged", revisionId: change.base.revisionId };
    const appended = await appendRevision(db, {
      articleId: article.id,
      headRevisionId: change.base.revisionId,
      checked,
      meta: change.meta,
    });
    if (appended)
      return {
        status: "saved",
        ...appended,
        parentId: change.base.revisionId,
        summary: change.meta.summary ?? "",
        mergedWith: null,
      };
  }
  try {
    return await db.$transaction(
      (tx: Tx) => commitOnHead(tx, { ...change, articleId: article.id }),
      SAVE_TRANSACTION_LIMITS,
    );
  } catch (error) {
    // A lock timeout or deadlock under load: the head moved on while we waited. The caller may retry.
    if (isTransactionConflict(error))
      throw new WikiError("conflict", "The article was changed since your edit began; try saving again.");
    throw error;
  }
}

/**
 * Commits `change` on the article's head inside the caller's transaction:
 * locks the article row, reads the head, merges the change onto it if it
 * moved past the base (or refuses, as the change asks), and appends the
 * revision. `underLock` re-checks, with the row locked, what the commit rests
 * on (an approval: the protection and the rights now); it throws to refuse.
 * A moved head or a conflict is returned and nothing is written.
 */
export async function commitOnHead(
  tx: Tx,
  change: Change & { articleId: number; underLock?: (article: LockedArticle) => Promise<void> },
): Promise<CommitOutcome> {
  const article = await lockArticle(tx, change.articleId);
  if (article.deletedAt) throw deletedArticleConflict(article.title);
  await change.underLock?.(article);
  const head = article.currentRevisionId;
  if (head === null) throw new WikiError("not_found", `There is no article "${article.slug}".`);
  let content = change.content;
  let headContent = change.base.content;
  let mergedWith: number | null = null;
  if (head !== change.base.revisionId) {
    if (change.onMovedHead === "refuse") return { status: "moved", currentRevisionId: head };
    headContent = await loadContent(tx, await tx.revision.findUniqueOrThrow({ where: { id: head } }));
    // Checked against the title it was written for (the base's): if the article was moved since, the merge takes
    // the head's new title (merge.ts), so an edit begun before a move lands on the moved article.
    const mine = checkContent(slugOfTitle(change.base.content.title), change.content).content;
    const merged = mergeContent(change.base.content, mine, headContent);
    if (!merged.ok)
      return { status: "conflict", currentRevisionId: head, theirs: headContent, conflict: merged.conflict };
    content = merged.content;
    mergedWith = head;
  }
  const checked = checkContent(article.slug, content);
  if (sameAsHead(checked, headContent)) return { status: "unchanged", revisionId: head };
  const summary = change.meta.summary ?? "";
  const labelled = mergedWith !== null && change.labelMerge;
  const meta = labelled
    ? { ...change.meta, summary: mergedSummary(summary, head), tags: [...(change.meta.tags ?? []), RevisionTag.merged] }
    : change.meta;
  const appended = await appendRevision(tx, { articleId: article.id, headRevisionId: head, checked, meta });
  // Unreachable while the row is locked; were it reached, the head moved and nothing was written.
  if (!appended) return { status: "moved", currentRevisionId: head };
  await change.alsoInTransaction?.(tx, { revisionId: appended.revisionId, parentId: head });
  return { status: "saved", ...appended, parentId: head, summary: meta.summary ?? "", mergedWith };
}

function mergedSummary(summary: string, mergedWith: number): string {
  return `${summary}${summary ? " " : ""}(merged with revision ${mergedWith})`.slice(0, 600);
}

/**
 * The one row lock on an article in the code base: commits of one article
 * serialize on it, and a protection change (an UPDATE of the row) waits for
 * it, so whatever a commit checks under it holds until the commit is in.
 */
export async function lockArticle(tx: Tx, articleId: number): Promise<LockedArticle> {
  const [locked] = await tx.$queryRaw<LockedArticle[]>`
    SELECT "id", "slug", "title", "deletedAt", "currentRevisionId", "protectionLevel", "protectionExpiresAt", "protectionReason" FROM "Article" WHERE "id" = ${articleId} FOR UPDATE`;
  if (!locked) throw new WikiError("not_found", `There is no article #${articleId}.`);
  return locked;
}

/** The refusal of a write to a deleted article (an edit that raced the deletion, an open proposal's approval). */
export function deletedArticleConflict(title: string): WikiError {
  return new WikiError(
    "conflict",
    `The article “${title}” has been deleted; nothing can be saved to it unless an administrator restores it.`,
    { deleted: true },
  );
}

/**
 * Writes a revision in ONE statement: the article's head moved onto it (only
 * if the head is still `headRevisionId`: a compare-and-set, which also locks
 * the row for the rest of the statement), its new blobs, the revision row,
 * the author's edit count, the article's search document and its wiki links
 * (the rows behind red links and "What links here"), its maintenance work
 * items (lib/worklists: a save that resolves one removes it), its references by
 * source (lib/sources/source-rows.ts: the rows behind /sources/{id}), and its row in recent
 * changes (lib/recent-changes: the protection in force and the author's group
 * read in the same statement, so the journal cannot miss a revision). If the head moved, nothing is written and the
 * result is null. The revision's id is drawn first so the head can move in
 * the same statement; the foreign key is checked at its end. One round trip
 * instead of five keeps a save's cost and its time holding the row small.
 * `headRevisionId` null: the first revision of an article just created.
 */
export async function appendRevision(
  db: Db | Tx,
  revision: { articleId: number; headRevisionId: number | null; checked: CheckedContent; meta: RevisionMeta },
): Promise<{ revisionId: number; bytesWritten: number } | null> {
  const { checked, meta } = revision;
  const blobs = blobsToStore(checked.encoded.blobs);
  // The search document and the links table move with the head, in this same statement (README, Search).
  const search = searchTextOf(checked.content);
  const blobTexts = blobs.map((row) => JSON.stringify(row.data));
  // The source index's rows (lib/sources/source-rows.ts), from every reference blob, new or not.
  const sources = sourceCitationRows(checked.encoded.blobs);
  const [row] = await queryPrepared<{ revisionId: number; written: string[] }>(db, {
    name: "wiki-append-revision-on-head",
    text: `WITH moved AS (
        UPDATE "Article" SET "currentRevisionId" = next."id", "workItemsRevisionId" = next."id", "sourcesRevisionId" = next."id", "title" = $14::text
        FROM (SELECT nextval(pg_get_serial_sequence('"Revision"', 'id'))::int AS "id") next
        WHERE "Article"."id" = $1::int AND "currentRevisionId" IS NOT DISTINCT FROM $2::int AND "deletedAt" IS NULL
        RETURNING "Article"."id", "currentRevisionId", "protectionLevel", "protectionExpiresAt"
      ), blobs AS (
        INSERT INTO "ContentBlob" ("hash", "kind", "data")
        SELECT b."hash", b."kind", b."data"::jsonb FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS b("hash", "kind", "data", "n")
        WHERE EXISTS (SELECT 1 FROM moved) ORDER BY b."n"
        ON CONFLICT ("hash") DO NOTHING
        RETURNING "hash"
      ), revision AS (
        INSERT INTO "Revision" ("id", "articleId", "parentId", "authorId", "summary", "minor", "tags", "approvedById", "createdAt",
          "sizeBytes", "schemaVersion", "title", "sectionsRoot", "referencesRoot", "infoboxHash")
        SELECT moved."currentRevisionId", moved."id", $2::int, $6::int, $7::text, $8::boolean, $9::text[], $10::int,
          COALESCE($11::timestamp, CURRENT_TIMESTAMP), $12::int, $13::int, $14::text, $15::text, $16::text, $17::text
        FROM moved
        RETURNING "id"
      ), counted AS (
        UPDATE "User" SET "editCount" = "editCount" + 1 FROM revision WHERE "User"."id" = $6::int
      ), indexed AS (
        INSERT INTO "SearchDocument" ("articleId", "revisionId", "body", "document", "titleDocument")
        SELECT moved."id", moved."currentRevisionId", $18::text, wiki_search_document($14::text, $18::text, $19::text),
          to_tsvector('wiki_search', $14::text) FROM moved
        ON CONFLICT ("articleId") DO UPDATE SET "revisionId" = EXCLUDED."revisionId", "body" = EXCLUDED."body",
          "document" = EXCLUDED."document", "titleDocument" = EXCLUDED."titleDocument"
      ), unlinked AS (
        DELETE FROM "ArticleLink" l USING moved WHERE l."sourceId" = moved."id" AND l."targetSlug" <> ALL($20::text[])
      ), linked AS (
        INSERT INTO "ArticleLink" ("sourceId", "targetSlug") SELECT moved."id", t.slug FROM moved, unnest($20::text[]) AS t(slug)
        ON CONFLICT DO NOTHING
      ), unworked AS (
        DELETE FROM "WorkItem" w USING moved WHERE w."articleId" = moved."id"
      ), worked AS (
        INSERT INTO "WorkItem" ("articleId", "revisionId", "kind", "sectionId", "label", "refKey", "date", "excerpt")
        SELECT moved."id", moved."currentRevisionId", i."kind", i."sectionId", i."label", i."refKey", i."date", i."excerpt"
        FROM moved, jsonb_to_recordset($25::jsonb) AS i("kind" text, "sectionId" text, "label" text, "refKey" text, "date" text, "excerpt" text)
      ), unsourced AS (
        -- lib/sources: the source index; rows of references the head no longer has go, unchanged ones are not rewritten
        DELETE FROM "SourceCitation" c USING moved WHERE c."articleId" = moved."id" AND c."refKey" <> ALL($26::text[])
      ), sourced AS (
        INSERT INTO "SourceCitation" ("articleId", "refKey", "sourceKey", "refHash", "domain")
        SELECT moved."id", s."refKey", s."sourceKey", s."refHash", s."domain"
        FROM moved, unnest($26::text[], $27::text[], $28::text[], $29::text[]) AS s("refKey", "sourceKey", "refHash", "domain")
        ON CONFLICT ("articleId", "refKey") DO UPDATE SET "sourceKey" = EXCLUDED."sourceKey", "refHash" = EXCLUDED."refHash",
          "domain" = EXCLUDED."domain"
        WHERE ("SourceCitation"."sourceKey", "SourceCitation"."refHash") IS DISTINCT FROM (EXCLUDED."sourceKey", EXCLUDED."refHash")
      ), facts AS (
        SELECT CASE WHEN $2::int IS NULL THEN 'create' ELSE COALESCE($21::text, 'edit') END AS "kind",
          ${effectiveLevelSql("moved")} AS "level", $10::int IS NOT NULL AS "approved",
          (SELECT ${actorGroupSql("u")} FROM "User" u WHERE u."id" = $6::int) AS "group"
        FROM moved
      ), change AS (
        INSERT INTO "RecentChange" ("kind", "articleId", "protectionLevel", "actorId", "actorGroup", "approved", "sizeDelta",
          "tags", "patrolled", "revisionId", "parentRevisionId", "targetUserId", "summary", "details", "createdAt")
        SELECT facts."kind", moved."id", facts."level", $6::int, facts."group", facts."approved",
          $12::int - COALESCE((SELECT p."sizeBytes" FROM "Revision" p WHERE p."id" = $2::int), 0), $9::text[],
          ${patrolledSql(`facts."kind"`, `facts."approved"`, `facts."level"`, `facts."group"`)},
          revision."id", $2::int, $22::int, $7::text, $23::jsonb, COALESCE($11::timestamp, CURRENT_TIMESTAMP)
        FROM moved, revision, facts
      ), watched AS (
        -- lib/watchlist/auto-watch.ts's rule: a watch in force stays as it is, an expired one is renewed for good
        INSERT INTO "Watch" ("userId", "articleId") SELECT $6::int, moved."id" FROM moved, revision WHERE $24::boolean
        ON CONFLICT ("userId", "articleId") DO UPDATE SET "expiresAt" = NULL, "createdAt" = now()
        WHERE "Watch"."expiresAt" IS NOT NULL AND "Watch"."expiresAt" <= now()
      )
      SELECT revision."id" AS "revisionId", ARRAY(SELECT "hash" FROM blobs) AS "written" FROM revision`,
    values: [
      revision.articleId,
      revision.headRevisionId,
      blobs.map((blob) => blob.hash),
      blobs.map((blob) => blob.kind),
      blobTexts,
      meta.authorId,
      meta.summary ?? "",
      meta.minor ?? false,
      meta.tags ?? [],
      meta.approvedById ?? null,
      meta.createdAt?.toISOString() ?? null,
      checked.sizeBytes,
      SCHEMA_VERSION,
      checked.content.title,
      checked.encoded.sectionsRoot,
      checked.encoded.referencesRoot,
      checked.encoded.infoboxHash,
      search.body,
      search.refs,
      linkSlugsOf(checked.content),
      meta.change?.kind ?? null,
      meta.change?.targetUserId ?? null,
      meta.change?.details ? JSON.stringify(meta.change.details) : null,
      meta.autoWatch ?? false,
      JSON.stringify(workItemRows(checked.content)),
      sources.refKeys,
      sources.sourceKeys,
      sources.refHashes,
      sources.domains,
    ],
  });
  if (!row) return null;
  const written = new Set(row.written);
  const bytesWritten = blobs.reduce(
    (sum, blob, index) => sum + (written.has(blob.hash) ? Buffer.byteLength(blobTexts[index]) : 0),
    0,
  );
  return { revisionId: row.revisionId, bytesWritten };
}
