import "server-only";
import { assertAllowed } from "../authz/assert";
import { decideSiteExport } from "../authz/import";
import type { Actor } from "../authz/policy";
import { MAX_EXPORT_REVISIONS } from "../contracts/import";
import { getDb, type Db } from "../db/client";
import { exportWikitext } from "../export/export-wikitext";
import { XML_FOOTER, XML_PAGE_END, xmlHeader, xmlPageStart, xmlRevision } from "../export/export-xml";
import { dumpContributorOf } from "../users/imported-users";
import { loadContent } from "./content-store";
import { findArticle, missingArticle, readArticleRevision } from "./read-article";

/** An article's revision as wikitext: what MediaWiki's `action=raw` gives. */
export async function exportArticleWikitext(options: {
  slug: string;
  revisionId?: number;
  db?: Db;
}): Promise<{ title: string; revisionId: number; wikitext: string }> {
  const view = await readArticleRevision(options);
  return { title: view.article.title, revisionId: view.revision.id, wikitext: exportWikitext(view.content) };
}

/** The site named in an export's `<siteinfo>`. */
export interface ExportSite {
  sitename: string;
  /** the site's origin, for `<base>` */
  origin: string;
}

const BATCH = 20;

/**
 * One article as a MediaWiki XML export (lib/export/export-xml.ts), streamed
 * revision by revision: its current revision, or (`history`) up to `limit` of
 * its revisions from the oldest, after revision `offset` (Special:Export's
 * paging, at most MAX_EXPORT_REVISIONS a request, so one request's cost is
 * bounded). The article is looked up before the stream starts, so a missing
 * one is a 404, not an empty export.
 */
export async function exportArticleXml(options: {
  slug: string;
  history: boolean;
  offset?: number;
  limit?: number;
  site: ExportSite;
  db?: Db;
}): Promise<{ title: string; stream: ReadableStream<Uint8Array> }> {
  const db = options.db ?? getDb();
  const article = await findArticle(db, options.slug);
  if (!article) throw await missingArticle(db, options.slug);
  const limit = Math.min(options.limit ?? MAX_EXPORT_REVISIONS, MAX_EXPORT_REVISIONS);
  async function* pieces() {
    yield xmlHeader({ sitename: options.site.sitename, base: `${options.site.origin}/wiki/${article?.slug}` });
    yield* pageXml(db, article as { id: number; title: string; currentRevisionId: number }, {
      history: options.history,
      offset: options.offset,
      limit,
    });
    yield XML_FOOTER;
  }
  return { title: article.title, stream: streamOf(pieces()) };
}

/**
 * The whole site as a MediaWiki XML export, streamed article by article in id
 * order: each article's current revision, or (`history`) its whole history.
 * Administrators only: it reads every revision of the wiki.
 */
export function exportSiteXml(options: {
  actor: Actor | null;
  history: boolean;
  site: ExportSite;
  db?: Db;
}): ReadableStream<Uint8Array> {
  assertAllowed(decideSiteExport(options.actor));
  const db = options.db ?? getDb();
  async function* pieces() {
    yield xmlHeader({ sitename: options.site.sitename, base: `${options.site.origin}/` });
    let after = 0;
    for (;;) {
      const articles = await db.article.findMany({
        where: { id: { gt: after }, deletedAt: null, currentRevisionId: { not: null } },
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true, title: true, currentRevisionId: true },
      });
      if (!articles.length) break;
      after = articles[articles.length - 1].id;
      for (const article of articles)
        yield* pageXml(db, article as { id: number; title: string; currentRevisionId: number }, {
          history: options.history,
          limit: Number.MAX_SAFE_INTEGER,
        });
    }
    yield XML_FOOTER;
  }
  return streamOf(pieces());
}

/** One `<page>` with its revisions, read BATCH at a time. */
async function* pageXml(
  db: Db,
  article: { id: number; title: string; currentRevisionId: number },
  options: { history: boolean; offset?: number; limit: number },
): AsyncGenerator<string> {
  yield xmlPageStart({ title: article.title, id: article.id });
  let after = options.offset ?? 0;
  let left = options.history ? options.limit : 1;
  while (left > 0) {
    const rows = await db.revision.findMany({
      where: options.history ? { articleId: article.id, id: { gt: after } } : { id: article.currentRevisionId },
      orderBy: { id: "asc" },
      take: Math.min(BATCH, left),
      select: {
        id: true,
        parentId: true,
        createdAt: true,
        summary: true,
        minor: true,
        title: true,
        sectionsRoot: true,
        referencesRoot: true,
        infoboxHash: true,
        author: { select: { id: true, name: true, imported: true } },
      },
    });
    if (!rows.length) break;
    for (const row of rows) {
      const content = await loadContent(db, row);
      const contributor = dumpContributorOf(row.author.name);
      yield xmlRevision({
        id: row.id,
        parentId: row.parentId,
        timestamp: row.createdAt,
        // A local user's id is theirs; an imported user's source id is not known here.
        contributor: "ip" in contributor || row.author.imported ? contributor : { ...contributor, id: row.author.id },
        comment: row.summary,
        minor: row.minor,
        text: exportWikitext(content),
      });
    }
    left -= rows.length;
    after = rows[rows.length - 1].id;
    if (!options.history) break;
  }
  yield XML_PAGE_END;
}

/** A pull stream of UTF-8 over `pieces`: each piece is made only when the reader wants more (backpressure). */
function streamOf(pieces: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}
