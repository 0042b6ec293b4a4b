import "server-only";
import { createHash } from "node:crypto";
import { assertAllowed } from "../authz/assert";
import { decideImport } from "../authz/import";
import type { Actor } from "../authz/policy";
import { nameKeyOf, nameSkeletonOf } from "../auth/usernames";
import { getDb, queryPrepared, type Db, type Tx } from "../db/client";
import { WikiError } from "../errors";
import { importWikitext } from "../import/import-wikitext";
import { BlockMemo } from "../import/parse-chunks";
import type { DumpImportReport, DumpPageReport } from "../import/dump-report";
import { MAX_PAGE_REPORTS } from "../import/dump-report";
import { base36Sha1, readDump, type DumpLimits, type DumpRevision } from "../import/xml-dump";
import { IMPORTED_PREFIX, importedDisplayName } from "../users/imported-users";
import { appendRevisions, checkContent, type RevisionMeta, type RevisionToAppend } from "./commit-on-head";
import { commitNewArticle } from "./create-article";
import { assertEditSize } from "./edit-request";
import { findRevisionRow } from "./read-article";
import { normalizeTitle, slugOfTitle, titleProblem } from "./titles";

/** What a page's newest revision is once everything prepared so far is committed: what the next one is compared with. */
interface Tip {
  createdAt: Date;
  /** SHA-1 of the wikitext it was imported from, when it was */
  textSha1: string | null;
  /** its title and content roots: the same key means the same document */
  document: string;
}

interface PageState {
  report: DumpPageReport;
  title: string;
  slug: string;
  known: Set<string>;
  /** set when the whole page is skipped: its remaining batches are counted, not read */
  skipReason: string | null;
  /** the blocks of the last revision parsed, so the next parses only what changed */
  memo: BlockMemo;
  tip: Tip | null;
  /** the article and its head as the commits left them (a commit reads them when it runs, after the one before) */
  articleId: number | null;
  headRevisionId: number | null;
}

/** Revisions of one page prepared (parsed, validated, encoded) and committed together in one statement. */
interface Batch {
  page: PageState;
  chain: RevisionToAppend[];
  /** bytes of the chain's documents: a batch is committed before it holds too much */
  bytes: number;
  /** the rows remembering what was imported: each names its revision by its place in the chain, or -1 for the head before it */
  imports: Array<{ at: number; revision: DumpRevision; textSha1: string }>;
  /** the page's last batch: the page is done when it is committed */
  last: boolean;
}

// A batch is committed once it holds this many revisions or bytes of documents (memory stays bounded for any page).
const BATCH_REVISIONS = 200;
const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Imports a MediaWiki XML dump (issue 21) as an administrator, streaming:
 * each page of namespace 0 becomes an article (or gets revisions on the one
 * at its title) and each of its revisions a revision in history, in
 * timestamp order, with its timestamp, comment and contributor (an imported
 * user, `imported>Name`, who cannot sign in), through the ordinary commit
 * path (validation, content addressing, recent changes). History is never
 * rewritten: a revision not newer than the article's current one is skipped.
 * A re-import is idempotent: each imported revision is recorded by its
 * timestamp and the SHA-1 of its text (ImportedRevision) and found again
 * without being parsed. `onPage` hears each page as it is done.
 *
 * Built for throughput (README, Performance): a page's revisions are parsed
 * block by block, each block once (BlockMemo: consecutive revisions share
 * most of them), and committed together, the revisions of a batch in ONE
 * statement (`appendRevisions`) and their ImportedRevision rows in one more;
 * while a batch is being committed the next one is read and parsed, so the
 * database and the parser work at the same time. One batch commits at a
 * time, in the dump's order, so memory holds at most two batches.
 */
export async function importDump(options: {
  actor: Actor | null;
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  limits: DumpLimits;
  db?: Db;
  onPage?: (page: DumpPageReport) => void;
}): Promise<DumpImportReport> {
  assertAllowed(decideImport(options.actor));
  const db = options.db ?? getDb();
  const result: DumpImportReport = {
    sitename: null,
    pages: [],
    pagesNotListed: 0,
    totals: {
      pages: 0,
      pagesImported: 0,
      pagesSkipped: 0,
      revisionsImported: 0,
      revisionsSkipped: 0,
      mapped: 0,
      approximated: 0,
      opaque: 0,
    },
    warnings: [],
  };
  const users = new Map<string, number>();
  let page: PageState | null = null;

  const finish = (done: DumpPageReport) => {
    const { totals } = result;
    totals.pages += 1;
    if (done.status === "skipped") totals.pagesSkipped += 1;
    else if (done.revisions.imported > 0) totals.pagesImported += 1;
    totals.revisionsImported += done.revisions.imported;
    totals.revisionsSkipped += done.revisions.skipped;
    if (done.report) {
      totals.mapped += sum(done.report.mapped);
      totals.approximated += sum(done.report.approximated);
      totals.opaque += sum(done.report.opaque);
    }
    if (result.pages.length < MAX_PAGE_REPORTS) result.pages.push(done);
    else result.pagesNotListed += 1;
    options.onPage?.(done);
  };
  const finishPage = (state: PageState) => {
    const { report } = state;
    if (report.revisions.imported === 0 && report.status !== "skipped")
      report.status = report.status === "created" ? "skipped" : "unchanged";
    finish(report);
  };

  // The batch being committed (never rejects: its fault waits in `committed.failure` for the loop to throw it).
  const committed: { running: Promise<void>; slug: string | null; failure: unknown } = {
    running: Promise.resolve(),
    slug: null,
    failure: null,
  };
  const settle = async () => {
    await committed.running;
    if (committed.failure) throw committed.failure;
  };
  const commitInTurn = async (batch: Batch) => {
    await settle();
    committed.slug = batch.page.slug;
    committed.running = (async () => {
      try {
        await commitBatch(db, batch);
        if (batch.last) finishPage(batch.page);
      } catch (error) {
        committed.failure = error;
      }
    })();
  };

  try {
    for await (const item of readDump(options.source, options.limits)) {
      if (item.kind === "siteinfo") {
        result.sitename = item.sitename;
        continue;
      }
      if (item.kind === "skipped") {
        // Pages are reported in the dump's order: after the one being committed.
        await settle();
        finish({
          title: item.title,
          slug: null,
          status: "skipped",
          revisions: { imported: 0, skipped: 0 },
          skipped: { [item.reason]: 1 },
          report: null,
        });
        continue;
      }
      // A page at the title being committed (a dump may list a title twice) is read once that commit is in.
      page ??= await openPage(db, item.title, (slug) => (slug === committed.slug ? settle() : undefined));
      let batch = newBatch(page);
      if (page.skipReason) skip(page.report, page.skipReason, item.revisions.length);
      else
        for (const revision of item.revisions) {
          await prepareRevision(db, batch, revision, users, result.warnings);
          // Parsing holds the event loop: let the commit running meanwhile take its next step.
          await yieldToIo();
          if (batch.chain.length >= BATCH_REVISIONS || batch.bytes >= BATCH_BYTES) {
            await commitInTurn(batch);
            batch = newBatch(page);
          }
        }
      batch.last = item.last;
      await commitInTurn(batch);
      if (item.last) page = null;
    }
    await settle();
  } catch (error) {
    // What was imported before the fault stays (each batch is committed on its own), and the report says so.
    await committed.running;
    if (!(error instanceof WikiError)) throw error;
    const { totals } = result;
    throw new WikiError(
      error.code,
      `${error.message} Before it, ${totals.revisionsImported} revisions of ${totals.pagesImported} pages were imported; importing the dump again skips them.`,
      { ...(error.details as object), report: result },
    );
  }
  return result;
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, n) => total + n, 0);
}

function skip(report: DumpPageReport, reason: string, by = 1): void {
  report.revisions.skipped += by;
  report.skipped[reason] = (report.skipped[reason] ?? 0) + by;
}

function newBatch(page: PageState): Batch {
  return { page, chain: [], bytes: 0, imports: [], last: false };
}

/** The key a dump revision is recognised by on a re-import: its timestamp and the SHA-1 of its text. */
function revisionKey(timestamp: Date, textSha1: string): string {
  return `${timestamp.toISOString()}|${textSha1}`;
}

/** What identifies a revision's document: its title and content roots (content addressing). */
function documentKey(revision: {
  title: string;
  sectionsRoot: string;
  referencesRoot: string;
  infoboxHash: string | null;
}): string {
  return `${revision.title}\u0000${revision.sectionsRoot}\u0000${revision.referencesRoot}\u0000${revision.infoboxHash}`;
}

/**
 * Reads what the wiki already has at a page's title: the article, its head and
 * the dump revisions imported into it. `beforeReading` may wait for a commit
 * of the same slug.
 */
async function openPage(
  db: Db,
  rawTitle: string,
  beforeReading: (slug: string) => Promise<void> | undefined,
): Promise<PageState> {
  const title = normalizeTitle(rawTitle);
  const problem = titleProblem(title);
  const report: DumpPageReport = {
    title,
    slug: null,
    status: "updated",
    revisions: { imported: 0, skipped: 0 },
    skipped: {},
    report: null,
  };
  const state: PageState = {
    report,
    title,
    slug: "",
    known: new Set(),
    skipReason: null,
    memo: new BlockMemo(),
    tip: null,
    articleId: null,
    headRevisionId: null,
  };
  if (problem) {
    report.status = "skipped";
    state.skipReason = `title refused: ${problem}`;
    return state;
  }
  state.slug = report.slug = slugOfTitle(title);
  await beforeReading(state.slug);
  const article = await db.article.findUnique({
    where: { slug: state.slug },
    select: { id: true, currentRevisionId: true, deletedAt: true },
  });
  if (!article?.currentRevisionId) {
    report.status = "created";
    return state;
  }
  if (article.deletedAt) {
    report.status = "skipped";
    state.skipReason = "the article is deleted (restore it first)";
    return state;
  }
  state.articleId = article.id;
  const head = await findRevisionRow(db, article.currentRevisionId);
  if (!head) throw new WikiError("conflict", `The current revision of “${title}” could not be read; try again.`);
  state.headRevisionId = head.id;
  const imported = await db.importedRevision.findMany({
    where: { articleId: article.id },
    select: { sourceTimestamp: true, textSha1: true, revisionId: true },
  });
  for (const row of imported) state.known.add(revisionKey(row.sourceTimestamp, row.textSha1));
  const headImport = imported.filter((row) => row.revisionId === head.id).at(-1);
  state.tip = { createdAt: head.createdAt, textSha1: headImport?.textSha1 ?? null, document: documentKey(head) };
  return state;
}

/** Prepares one dump revision for its page's next commit (parsed, validated, encoded), or counts why it is skipped. */
async function prepareRevision(
  db: Db,
  batch: Batch,
  revision: DumpRevision,
  users: Map<string, number>,
  warnings: string[],
): Promise<void> {
  const { page } = batch;
  const { report } = page;
  if (revision.text === null) return skip(report, "text withheld by the source wiki");
  if (revision.model && revision.model !== "wikitext")
    return skip(report, `content model ${revision.model.slice(0, 40)}`);
  const textSha1 = createHash("sha1").update(revision.text).digest("hex");
  const key = revisionKey(revision.timestamp, textSha1);
  if (page.known.has(key)) return skip(report, "already imported");
  if (page.tip && revision.timestamp.getTime() <= page.tip.createdAt.getTime())
    return skip(report, "not newer than the article's current revision (history is never rewritten)");
  if (revision.sha1 && revision.sha1 !== base36Sha1(textSha1) && warnings.length < 100)
    warnings.push(`${page.title}: revision ${revision.id ?? "?"}'s <sha1> does not match its text (imported anyway).`);
  // The same text, or the same document, as the revision before it (a null edit): no revision, but remembered as imported.
  const nullEdit = (reason: string) => {
    batch.imports.push({ at: batch.chain.length - 1, revision, textSha1 });
    page.known.add(key);
    if (page.tip) page.tip.textSha1 = textSha1;
    skip(report, reason);
  };
  if (page.tip && page.tip.textSha1 === textSha1) return nullEdit("same text as the revision before it");
  if (revision.text.length === 0) return skip(report, "empty text");
  const { content, report: elements } = importWikitext(revision.text, { title: page.title, memo: page.memo });
  try {
    // The same bounds as an edit: an article larger than an edit may make is refused, not stored.
    assertEditSize(content);
  } catch (error) {
    if (error instanceof WikiError) return skip(report, "larger than an edit may make an article");
    throw error;
  }
  const checked = checkContent(page.slug, content);
  const document = documentKey({ title: checked.content.title, ...checked.encoded });
  if (page.tip && page.tip.document === document) return nullEdit("same document as the revision before it");
  const meta: RevisionMeta = {
    authorId: await importedUserId(db, revision.contributor, users),
    summary: revision.comment.replace(/[\r\n]+/g, " ").slice(0, 500),
    minor: revision.minor,
    createdAt: revision.timestamp,
  };
  batch.chain.push({ checked, meta });
  batch.bytes += checked.sizeBytes;
  batch.imports.push({ at: batch.chain.length - 1, revision, textSha1 });
  page.known.add(key);
  page.tip = { createdAt: revision.timestamp, textSha1, document };
  report.revisions.imported += 1;
  report.report = elements;
}

/**
 * Commits a batch: its revisions on the page's article (created by the first,
 * or appended on its head, which must not have moved since the page was read),
 * then the ImportedRevision rows (in the creation's transaction; for an
 * existing article a second write: if the process dies between them, the
 * timestamp rule still skips those revisions next time).
 */
async function commitBatch(db: Db, batch: Batch): Promise<void> {
  const { page } = batch;
  // One statement for the batch's rows; a lost race with a concurrent import of the same dump is fine (ON CONFLICT).
  const remember = async (tx: Db | Tx, articleId: number, revisionIds: number[]) => {
    if (batch.imports.length === 0) return;
    const { imports } = batch;
    await queryPrepared(tx, {
      name: "wiki-remember-imported-revisions",
      text: `INSERT INTO "ImportedRevision" ("articleId", "revisionId", "sourceTimestamp", "textSha1", "sourceRevisionId")
        SELECT $1::int, r."revisionId", r."sourceTimestamp", r."textSha1", r."sourceRevisionId"
        FROM unnest($2::int[], $3::timestamp[], $4::text[], $5::int[]) AS r("revisionId", "sourceTimestamp", "textSha1", "sourceRevisionId")
        ON CONFLICT DO NOTHING`,
      values: [
        articleId,
        imports.map(({ at }) => (at < 0 ? (page.headRevisionId as number) : revisionIds[at])),
        imports.map(({ revision }) => revision.timestamp.toISOString()),
        imports.map(({ textSha1 }) => textSha1),
        imports.map(({ revision }) => (revision.id !== null && revision.id <= 2_147_483_647 ? revision.id : null)),
      ],
    });
  };
  if (batch.chain.length === 0) {
    if (page.articleId !== null) await remember(db, page.articleId, []);
    return;
  }
  if (page.articleId === null) {
    const created = await commitNewArticle(db, {
      slug: page.slug,
      revisions: batch.chain,
      alsoInTransaction: async (tx, saved) => {
        await remember(tx, saved.articleId, saved.revisionIds);
      },
    });
    page.articleId = created.articleId;
    page.headRevisionId = created.revisionIds.at(-1) as number;
    return;
  }
  const appended = await appendRevisions(db, {
    articleId: page.articleId,
    headRevisionId: page.headRevisionId,
    revisions: batch.chain,
  });
  if (!appended)
    throw new WikiError(
      "conflict",
      `“${page.title}” was changed while importing; what was imported before stays. Import the dump again to continue.`,
    );
  page.headRevisionId = appended.revisionIds.at(-1) as number;
  await remember(db, page.articleId, appended.revisionIds);
}

/**
 * The local user standing for a dump's contributor: `imported>Name` (MediaWiki's
 * own convention for imported names), created on first sight with no password
 * and `imported` set, so it can never sign in; the prefix cannot be registered
 * (`>` is refused in usernames), so it never collides with, nor takes over, a
 * local account. Cached per import.
 */
async function importedUserId(
  db: Db,
  contributor: DumpRevision["contributor"],
  cache: Map<string, number>,
): Promise<number> {
  const name = `${IMPORTED_PREFIX}${importedDisplayName(contributor)}`;
  const nameKey = nameKeyOf(name);
  const cached = cache.get(nameKey);
  if (cached !== undefined) return cached;
  const find = () => db.user.findUnique({ where: { nameKey }, select: { id: true, imported: true } });
  let user = await find();
  if (!user) {
    // Two imported names that look alike (Unicode confusables) cannot share a skeleton: the second keeps none.
    for (const nameSkeleton of [nameSkeletonOf(name), null]) {
      await db.user.createMany({
        data: [{ name, nameKey, nameSkeleton, passwordHash: "!imported: no password", imported: true }],
        skipDuplicates: true,
      });
      user = await find();
      if (user) break;
    }
  }
  if (!user?.imported)
    throw new WikiError(
      "conflict",
      `The imported contributor “${name}” clashes with a local account; nothing was taken over.`,
    );
  cache.set(nameKey, user.id);
  return user.id;
}
