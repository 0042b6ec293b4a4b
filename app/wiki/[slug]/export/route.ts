import { exportArticleWikitext, exportArticleXml } from "@/lib/articles/export-article";
import { ZArticleParams } from "@/lib/contracts/articles";
import { ZArticleExportQuery } from "@/lib/contracts/import";
import { download } from "@/lib/http/download";

// GET /wiki/{slug}/export?format=wikitext[&oldid=N] | format=xml[&history=1&offset=N&limit=N] — the article (or one
// revision) as wikitext, or as MediaWiki XML with up to 100 revisions of history per request (issue 21). Public, as
// history is; a request's cost is bounded by the article's size and the revision limit.
export const GET = download({
  params: ZArticleParams,
  search: ZArticleExportQuery,
  async handler({ params, search, origin }) {
    if (search.format === "xml") {
      const { title, stream } = await exportArticleXml({
        slug: params.slug,
        history: search.history === "1",
        offset: search.offset,
        limit: search.limit,
        site: { sitename: new URL(origin).host, origin },
      });
      return {
        body: stream,
        contentType: "application/xml; charset=utf-8",
        filename: `${title}.xml`,
        cache: "revalidate",
      };
    }
    const exported = await exportArticleWikitext({ slug: params.slug, revisionId: search.oldid });
    return {
      body: exported.wikitext,
      contentType: "text/plain; charset=utf-8",
      filename: `${exported.title}.wiki`,
      // A named revision never changes; the current one does with the next save.
      cache: search.oldid ? "immutable" : "revalidate",
    };
  },
});
