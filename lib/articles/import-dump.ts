import "server-only";
import { createHash } from "node:crypto";
import { assertAllowed } from "../authz/assert";
import { decideImport } from "../authz/import";
import type { Actor } from "../authz/policy";
import { nameKeyOf, nameSkeletonOf } from "../auth/usernames";
import { getDb, type Db } from "../db/client";
import type { ArticleContent } from "../document/model";
import { WikiError } from "../errors";
import { importWikitext } from "../import/import-wikitext";
import type { DumpImportReport, DumpPageReport } from "../import/dump-report";
import { MAX_PAGE_REPORTS } from "../import/dump-report";
import { base36Sha1, readDump, type DumpLimits, type DumpRevision } from "../import/xml-dump";
import { IMPORTED_PREFIX, importedDisplayName } from "../users/imported-users";
import { commitRevision, type RevisionMeta } from "./commit-on-head";
import { loadContent } from "./content-store";
import { commitFirstRevision } from "./create-article";
import { assertEditSize } from "./edit-request";
import { findRevisionRow } from "./read-article";
import { normalizeTitle, slugOfTitle, titleProblem } from "./titles";

interface Head {
  revisionId: number;
  createdAt: Date;
  content: ArticleContent | null;
  /** SHA-1 of the wikitext the head was imported from, when it was */
  textSha1: string | null;
}

interface PageState {
  report: DumpPageReport;
  title: string;
  slug: string;
  articleId: number | null;
  head: Head | null;
  known: Set<string>;
  /** set when the whole page is skipped: its remaining batches are counted, not read */
  skipReason: string | null;
}

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

  try {
    for await (const item of readDump(options.source, options.limits)) {
      if (item.kind === "siteinfo") {
        result.sitename = item.sitename;
        continue;
      }
      if (item.kind === "skipped") {
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
      page ??= await openPage(db, item.title);
      if (page.skipReason) skip(page.report, page.skipReason, item.revisions.length);
      else
        for (const revision of item.revisions) {
          await importRevision(db, page, revision, users, result.warnings);
        }
      if (item.last) {
        const { report } = page;
        if (report.revisions.imported === 0 && report.status !== "skipped")
          report.status = report.status === "created" ? "skipped" : "unchanged";
        finish(report);
        page = null;
      }
    }
  } catch (error) {
    // What was imported before the fault stays (each revision is committed on its own), and the report says so.
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

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, n) => total + n, 0);
}

function skip(report: DumpPageReport, reason: string, by = 1): void {
  report.revisions.skipped += by;
  report.skipped[reason] = (report.skipped[reason] ?? 0) + by;
}

/** The key a dump revision is recognised by on a re-import: its timestamp and the SHA-1 of its text. */
function revisionKey(timestamp: Date, textSha1: string): string {
  return `${timestamp.toISOString()}|${textSha1}`;
}

/** Reads what the wiki already has at a page's title: the article, its head and the dump revisions imported into it. */
async function openPage(db: Db, rawTitle: string): Promise<PageState> {
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
  const state: PageState = { report, title, slug: "", articleId: null, head: null, known: new Set(), skipReason: null };
  if (problem) {
    report.status = "skipped";
    state.skipReason = `title refused: ${problem}`;
    return state;
  }
  state.slug = report.slug = slugOfTitle(title);
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
  const imported = await db.importedRevision.findMany({
    where: { articleId: article.id },
    select: { sourceTimestamp: true, textSha1: true, revisionId: true },
  });
  for (const row of imported) state.known.add(revisionKey(row.sourceTimestamp, row.textSha1));
  const headImport = imported.filter((row) => row.revisionId === head.id).at(-1);
  state.head = {
    revisionId: head.id,
    createdAt: head.createdAt,
    content: null,
    textSha1: headImport?.textSha1 ?? null,
  };
  return state;
}

/** Applies one dump revision to its page's article, or counts why it is skipped. */
async function importRevision(
  db: Db,
  page: PageState,
  revision: DumpRevision,
  users: Map<string, number>,
  warnings: string[],
): Promise<void> {
  const { report } = page;
  if (revision.text === null) return skip(report, "text withheld by the source wiki");
  if (revision.model && revision.model !== "wikitext")
    return skip(report, `content model ${revision.model.slice(0, 40)}`);
  const textSha1 = createHash("sha1").update(revision.text).digest("hex");
  const key = revisionKey(revision.timestamp, textSha1);
  if (page.known.has(key)) return skip(report, "already imported");
  if (page.head && revision.timestamp.getTime() <= page.head.createdAt.getTime())
    return skip(report, "not newer than the article's current revision (history is never rewritten)");
  if (revision.sha1 && revision.sha1 !== base36Sha1(textSha1) && warnings.length < 100)
    warnings.push(`${page.title}: revision ${revision.id ?? "?"}'s <sha1> does not match its text (imported anyway).`);
  if (page.head && page.head.textSha1 === textSha1) {
    // The same text as the revision before it (a null edit): no revision, but remembered as imported.
    await rememberImport(db, page, revision, textSha1, page.head.revisionId);
    page.known.add(key);
    return skip(report, "same text as the revision before it");
  }
  if (revision.text.length === 0) return skip(report, "empty text");
  const { content, report: elements } = importWikitext(revision.text, { title: page.title });
  try {
    // The same bounds as an edit: an article larger than an edit may make is refused, not stored.
    assertEditSize(content);
  } catch (error) {
    if (error instanceof WikiError) return skip(report, "larger than an edit may make an article");
    throw error;
  }
  const meta: RevisionMeta = {
    authorId: await importedUserId(db, revision.contributor, users),
    summary: revision.comment.replace(/[\r\n]+/g, " ").slice(0, 500),
    minor: revision.minor,
    createdAt: revision.timestamp,
  };
  let revisionId: number;
  if (page.articleId === null) {
    const created = await commitFirstRevision(db, { slug: page.slug, content, meta });
    page.articleId = created.articleId;
    revisionId = created.revisionId;
  } else {
    const head = page.head as Head;
    head.content ??= await loadHeadContent(db, head.revisionId);
    const outcome = await commitRevision(db, {
      article: { id: page.articleId, slug: page.slug, currentRevisionId: head.revisionId },
      base: { revisionId: head.revisionId, content: head.content },
      content,
      meta,
      onMovedHead: "refuse",
    });
    if (outcome.status === "unchanged") {
      await rememberImport(db, page, revision, textSha1, head.revisionId);
      page.known.add(key);
      head.textSha1 = textSha1;
      return skip(report, "same document as the revision before it");
    }
    if (outcome.status !== "saved")
      throw new WikiError(
        "conflict",
        `“${page.title}” was changed while importing; what was imported before stays. Import the dump again to continue.`,
      );
    revisionId = outcome.revisionId;
  }
  await rememberImport(db, page, revision, textSha1, revisionId);
  page.known.add(key);
  page.head = { revisionId, createdAt: revision.timestamp, content, textSha1 };
  report.revisions.imported += 1;
  report.report = elements;
}

async function loadHeadContent(db: Db, revisionId: number): Promise<ArticleContent> {
  const row = await findRevisionRow(db, revisionId);
  if (!row) throw new WikiError("conflict", "The article's current revision could not be read; try again.");
  return loadContent(db, row);
}

/** Records a dump revision as imported into `revisionId` (a lost race with a concurrent import of the same dump is fine). */
async function rememberImport(
  db: Db,
  page: PageState,
  revision: DumpRevision,
  textSha1: string,
  revisionId: number,
): Promise<void> {
  await db.importedRevision.createMany({
    data: [
      {
        articleId: page.articleId as number,
        revisionId,
        sourceTimestamp: revision.timestamp,
        textSha1,
        sourceRevisionId: revision.id !== null && revision.id <= 2_147_483_647 ? revision.id : null,
      },
    ],
    skipDuplicates: true,
  });
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
