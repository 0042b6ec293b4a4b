import { importDump } from "@/lib/articles/import-dump";
import { DUMP_UPLOAD_LIMITS, type TDumpImportResponse, ZDumpImportQuery } from "@/lib/contracts/import";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";

// POST /api/import/dump — import a MediaWiki XML dump (body: the XML, application/xml), streamed: each page of
// namespace 0 becomes an article or new revisions, with history; answers the report. Administrators
// (lib/authz/import.ts), rate-limited even for them; bounded by DUMP_UPLOAD_LIMITS (413 naming the limit).
export const POST = mutation({
  schema: ZDumpImportQuery,
  body: "xml",
  rateLimit: "import",
  bodyLimit: DUMP_UPLOAD_LIMITS.maxBytes,
  async handler({ actor, stream }) {
    const report: TDumpImportResponse = await importDump({ actor, source: stream, limits: DUMP_UPLOAD_LIMITS });
    return json(report, report.totals.revisionsImported > 0 ? 201 : 200);
  },
});
