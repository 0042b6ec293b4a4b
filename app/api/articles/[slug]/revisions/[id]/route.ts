import { presentRevision } from "@/lib/articles/present";
import { readArticleRevision } from "@/lib/articles/read-article";
import { errorResponse, json, parseId } from "@/lib/http/respond";

// GET /api/articles/{slug}/revisions/{id} — one revision (immutable, so cacheable). Public.
export async function GET(_request: Request, context: { params: Promise<{ slug: string; id: string }> }) {
  try {
    const { slug, id } = await context.params;
    const view = await readArticleRevision({ slug: slug, revisionId: parseId(id, "revision id") });
    return json(presentRevision(view), 200, { "cache-control": "public, max-age=31536000, immutable" });
  } catch (error) {
    return errorResponse(error);
  }
}
