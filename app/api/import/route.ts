import { importArticle } from "@/lib/articles/import-article";
import { MAX_IMPORT_WIKITEXT, type TImportResponse, ZImportRequestSchema } from "@/lib/contracts/import";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";

// POST /api/import — import one article's wikitext: creates the article or adds a revision, never overwrites; answers the import report. Administrators (lib/authz/import.ts).
export const POST = mutation({
  schema: ZImportRequestSchema,
  rateLimit: "edit",
  // A large article's wikitext, JSON-escaped (a quote or a backslash doubles).
  bodyLimit: MAX_IMPORT_WIKITEXT * 2 + 4096,
  async handler({ input, actor }) {
    const result = await importArticle({ actor, ...input });
    const body: TImportResponse = {
      status: result.status,
      slug: result.slug,
      revisionId: result.revisionId,
      report: result.report,
    };
    return json(body, result.status === "unchanged" ? 200 : 201);
  },
});
