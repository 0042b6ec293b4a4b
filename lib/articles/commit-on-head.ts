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
 * `appendRevisions` (`appendRevision` for one), and every path that must wait for a moved head goes
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
export interface CheckedContent {
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
 * result is null. `headRevisionId` null: the first revision of an article just created.
 */
export async function appendRevision(
  db: Db | Tx,
  revision: { articleId: number; headRevisionId: number | null; checked: CheckedContent; meta: RevisionMeta },
): Promise<{ revisionId: number; bytesWritten: number } | null> {
  const appended = await appendRevisions(db, {
    articleId: revision.articleId,
    headRevisionId: revision.headRevisionId,
    revisions: [{ checked: revision.checked, meta: revision.meta }],
  });
  return appended && { revisionId: appended.revisionIds[0], bytesWritten: appended.bytesWritten };
}

/** One revision of a chain appended at once: its checked content and who made it. */
export interface RevisionToAppend {
  checked: CheckedContent;
  meta: RevisionMeta;
}

/**
 * `appendRevision` for a chain of revisions, each the parent of the next (a
 * dump's history of a page, lib/articles/import-dump.ts), in the same ONE
 * statement: every revision's row, blobs and recent change, each author's
 * edit count, and the head moved onto the last, whose search document,
 * links, work items and source rows are the ones written (those of the
 * revisions between are replaced in the same statement anyway). The
 * revisions' ids are drawn first, in their order, so the head can move in
 * the same statement; the foreign keys are checked at its end. One round
 * trip instead of five a revision keeps a save's cost and its time holding
 * the row small. Null if the head moved: nothing is written.
 */
export async function appendRevisions(
  db: Db | Tx,
  chain: { articleId: number; headRevisionId: number | null; revisions: RevisionToAppend[] },
): Promise<{ revisionIds: number[]; bytesWritten: number } | null> {
  const last = chain.revisions.at(-1);
  if (!last) throw new Error("appendRevisions: no revision to append");
  const blobs = blobsToStore([
    ...new Map(
      chain.revisions.flatMap(({ checked }) => checked.encoded.blobs.map((blob) => [blob.hash, blob] as const)),
    ).values(),
  ]);
  // The search document and the links table move with the head, in this same statement (README, Search).
  const head = last.checked;
  const search = searchTextOf(head.content);
  const blobTexts = blobs.map((row) => JSON.stringify(row.data));
  // The source index's rows (lib/sources/source-rows.ts), from every reference blob, new or not.
  const sources = sourceCitationRows(head.encoded.blobs);
  const revisions = chain.revisions.map(({ checked, meta }, index) => ({
    n: index + 1,
    authorId: meta.authorId,
    summary: meta.summary ?? "",
    minor: meta.minor ?? false,
    tags: meta.tags ?? [],
    approvedById: meta.approvedById ?? null,
    createdAt: meta.createdAt?.toISOString() ?? null,
    sizeBytes: checked.sizeBytes,
    title: checked.content.title,
    sectionsRoot: checked.encoded.sectionsRoot,
    referencesRoot: checked.encoded.referencesRoot,
    infoboxHash: checked.encoded.infoboxHash,
    changeKind: meta.change?.kind ?? null,
    targetUserId: meta.change?.targetUserId ?? null,
    details: meta.change?.details ?? null,
    autoWatch: meta.autoWatch ?? false,
  }));
  const [row] = await queryPrepared<{ revisionIds: number[]; written: string[] }>(db, {
    name: "wiki-append-revisions-on-head",
    text: `WITH input AS (
        SELECT * FROM jsonb_to_recordset($3::jsonb) AS r("n" int, "authorId" int, "summary" text, "minor" boolean,
          "tags" text[], "approvedById" int, "createdAt" timestamp, "sizeBytes" int, "title" text, "sectionsRoot" text,
          "referencesRoot" text, "infoboxHash" text, "changeKind" text, "targetUserId" int, "details" jsonb, "autoWatch" boolean)
      ), drawn AS (
        SELECT nextval(pg_get_serial_sequence('"Revision"', 'id'))::int AS "id" FROM generate_series(1, jsonb_array_length($3::jsonb))
      ), numbered AS (
        -- ids in the chain's order: each revision's id is above its parent's
        SELECT "id", (row_number() OVER (ORDER BY "id"))::int AS "n" FROM drawn
      ), chain AS (
        SELECT r.*, numbered."id", COALESCE(parent."id", $2::int) AS "parentId",
          CASE WHEN r."n" = 1 THEN (SELECT p."sizeBytes" FROM "Revision" p WHERE p."id" = $2::int) ELSE previous."sizeBytes" END AS "parentSize"
        FROM input r JOIN numbered ON numbered."n" = r."n"
          LEFT JOIN numbered parent ON parent."n" = r."n" - 1 LEFT JOIN input previous ON previous."n" = r."n" - 1
      ), moved AS (
        UPDATE "Article" SET "currentRevisionId" = next."id", "workItemsRevisionId" = next."id", "sourcesRevisionId" = next."id", "title" = $7::text
        FROM (SELECT max("id") AS "id" FROM numbered) next
        WHERE "Article"."id" = $1::int AND "currentRevisionId" IS NOT DISTINCT FROM $2::int AND "deletedAt" IS NULL
        RETURNING "Article"."id", "currentRevisionId", "protectionLevel", "protectionExpiresAt"
      ), blobs AS (
        INSERT INTO "ContentBlob" ("hash", "kind", "data")
        SELECT b."hash", b."kind", b."data"::jsonb FROM unnest($4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS b("hash", "kind", "data", "n")
        WHERE EXISTS (SELECT 1 FROM moved) ORDER BY b."n"
        ON CONFLICT ("hash") DO NOTHING
        RETURNING "hash"
      ), revision AS (
        INSERT INTO "Revision" ("id", "articleId", "parentId", "authorId", "summary", "minor", "tags", "approvedById", "createdAt",
          "sizeBytes", "schemaVersion", "title", "sectionsRoot", "referencesRoot", "infoboxHash")
        SELECT c."id", moved."id", c."parentId", c."authorId", c."summary", c."minor", c."tags", c."approvedById",
          COALESCE(c."createdAt", CURRENT_TIMESTAMP), c."sizeBytes", $8::int, c."title", c."sectionsRoot", c."referencesRoot", c."infoboxHash"
        FROM moved, chain c ORDER BY c."n"
        RETURNING "id", "authorId"
      ), counted AS (
        UPDATE "User" SET "editCount" = "editCount" + edits."count"
        FROM (SELECT "authorId", count(*)::int AS "count" FROM revision GROUP BY "authorId") edits WHERE "User"."id" = edits."authorId"
      ), indexed AS (
        INSERT INTO "SearchDocument" ("articleId", "revisionId", "body", "document", "titleDocument")
        SELECT moved."id", moved."currentRevisionId", $9::text, wiki_search_document($7::text, $9::text, $10::text),
          to_tsvector('wiki_search', $7::text) FROM moved
        ON CONFLICT ("articleId") DO UPDATE SET "revisionId" = EXCLUDED."revisionId", "body" = EXCLUDED."body",
          "document" = EXCLUDED."document", "titleDocument" = EXCLUDED."titleDocument"
      ), unlinked AS (
        DELETE FROM "ArticleLink" l USING moved WHERE l."sourceId" = moved."id" AND l."targetSlug" <> ALL($11::text[])
      ), linked AS (
        INSERT INTO "ArticleLink" ("sourceId", "targetSlug") SELECT moved."id", t.slug FROM moved, unnest($11::text[]) AS t(slug)
        ON CONFLICT DO NOTHING
      ), unworked AS (
        DELETE FROM "WorkItem" w USING moved WHERE w."articleId" = moved."id"
      ), worked AS (
        INSERT INTO "WorkItem" ("articleId", "revisionId", "kind", "sectionId", "label", "refKey", "date", "excerpt")
        SELECT moved."id", moved."currentRevisionId", i."kind", i."sectionId", i."label", i."refKey", i."date", i."excerpt"
        FROM moved, jsonb_to_recordset($12::jsonb) AS i("kind" text, "sectionId" text, "label" text, "refKey" text, "date" text, "excerpt" text)
      ), unsourced AS (
        -- lib/sources: the source index; rows of references the head no longer has go, unchanged ones are not rewritten
        DELETE FROM "SourceCitation" c USING moved WHERE c."articleId" = moved."id" AND c."refKey" <> ALL($13::text[])
      ), sourced AS (
        INSERT INTO "SourceCitation" ("articleId", "refKey", "sourceKey", "refHash", "domain")
        SELECT moved."id", s."refKey", s."sourceKey", s."refHash", s."domain"
        FROM moved, unnest($13::text[], $14::text[], $15::text[], $16::text[]) AS s("refKey", "sourceKey", "refHash", "domain")
        ON CONFLICT ("articleId", "refKey") DO UPDATE SET "sourceKey" = EXCLUDED."sourceKey", "refHash" = EXCLUDED."refHash",
          "domain" = EXCLUDED."domain"
        WHERE ("SourceCitation"."sourceKey", "SourceCitation"."refHash") IS DISTINCT FROM (EXCLUDED."sourceKey", EXCLUDED."refHash")
      ), facts AS (
        SELECT c."n", CASE WHEN c."parentId" IS NULL THEN 'create' ELSE COALESCE(c."changeKind", 'edit') END AS "kind",
          ${effectiveLevelSql("moved")} AS "level", c."approvedById" IS NOT NULL AS "approved",
          (SELECT ${actorGroupSql("u")} FROM "User" u WHERE u."id" = c."authorId") AS "group"
        FROM moved, chain c
      ), change AS (
        INSERT INTO "RecentChange" ("kind", "articleId", "protectionLevel", "actorId", "actorGroup", "approved", "sizeDelta",
          "tags", "patrolled", "revisionId", "parentRevisionId", "targetUserId", "summary", "details", "createdAt")
        SELECT facts."kind", moved."id", facts."level", c."authorId", facts."group", facts."approved",
          c."sizeBytes" - COALESCE(c."parentSize", 0), c."tags",
          ${patrolledSql(`facts."kind"`, `facts."approved"`, `facts."level"`, `facts."group"`)},
          revision."id", c."parentId", c."targetUserId", c."summary", c."details", COALESCE(c."createdAt", CURRENT_TIMESTAMP)
        FROM moved, chain c JOIN revision ON revision."id" = c."id" JOIN facts ON facts."n" = c."n"
        ORDER BY c."n"
      ), watched AS (
        -- lib/watchlist/auto-watch.ts's rule: a watch in force stays as it is, an expired one is renewed for good
        INSERT INTO "Watch" ("userId", "articleId")
        SELECT DISTINCT c."authorId", moved."id" FROM moved, chain c WHERE c."autoWatch" AND EXISTS (SELECT 1 FROM revision)
        ON CONFLICT ("userId", "articleId") DO UPDATE SET "expiresAt" = NULL, "createdAt" = now()
        WHERE "Watch"."expiresAt" IS NOT NULL AND "Watch"."expiresAt" <= now()
      )
      SELECT ARRAY(SELECT "id" FROM revision ORDER BY "id") AS "revisionIds", ARRAY(SELECT "hash" FROM blobs) AS "written"
      WHERE EXISTS (SELECT 1 FROM revision)`,
    values: [
      chain.articleId,
      chain.headRevisionId,
      JSON.stringify(revisions),
      blobs.map((blob) => blob.hash),
      blobs.map((blob) => blob.kind),
      blobTexts,
      head.content.title,
      SCHEMA_VERSION,
      search.body,
      search.refs,
      linkSlugsOf(head.content),
      JSON.stringify(workItemRows(head.content)),
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
  return { revisionIds: row.revisionIds, bytesWritten };
}
