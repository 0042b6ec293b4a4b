import { exportSiteXml } from "@/lib/articles/export-article";
import { ZSiteExportQuery } from "@/lib/contracts/import";
import { download } from "@/lib/http/download";

// GET /admin/export[?history=1] — every article as one MediaWiki XML export, streamed (issue 21). Administrators
// (lib/authz/import.ts): it reads every revision of the wiki.
export const GET = download({
  search: ZSiteExportQuery,
  actor: true,
  async handler({ search, actor, origin }) {
    const stream = exportSiteXml({
      actor,
      history: search.history === "1",
      site: { sitename: new URL(origin).host, origin },
    });
    const day = new Date().toISOString().slice(0, 10);
    return {
      body: stream,
      contentType: "application/xml; charset=utf-8",
      filename: `wiki-${day}.xml`,
      cache: "private",
    };
  },
});
