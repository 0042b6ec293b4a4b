import { presentRevision } from "@/lib/articles/present";
import { readArticleRevision } from "@/lib/articles/read-article";
import { errorResponse, json } from "@/lib/http/respond";

// GET /api/articles/{slug} — the current revision: sections, references, notes, infobox, protection. Public.
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await context.params;
    const view = await readArticleRevision({ slug: slug });
    return json(presentRevision(view), 200, { "cache-control": "no-cache" });
  } catch (error) {
    return errorResponse(error);
  }
}
