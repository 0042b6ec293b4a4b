import { compareRevisions } from "@/lib/articles/compare";
import { presentRevisionMeta } from "@/lib/articles/present";
import { errorResponse, json, parseId } from "@/lib/http/respond";

// GET /api/articles/{slug}/diff?from={id}&to={id} — the structured diff of two revisions. Public.
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const slug = (await context.params).slug;
    const url = new URL(request.url);
    const to = url.searchParams.get("to");
    const comparison = await compareRevisions({ slug, fromId: parseId(url.searchParams.get("from"), "from"), toId: to ? parseId(to, "to") : null });
    return json({ from: presentRevisionMeta(comparison.from), to: presentRevisionMeta(comparison.to), diff: comparison.diff }, 200, {
      "cache-control": to ? "public, max-age=31536000, immutable" : "no-cache",
    });
  } catch (error) {
    return errorResponse(error);
  }
}
