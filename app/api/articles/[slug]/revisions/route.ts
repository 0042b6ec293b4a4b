import { listRevisions } from "@/lib/articles/history";
import { errorResponse, json, parseId } from "@/lib/http/respond";

// GET /api/articles/{slug}/revisions?cursor={id}&limit= — a page of history, newest first. Public.
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const slug = (await context.params).slug;
    const url = new URL(request.url);
    const cursor = url.searchParams.get("cursor");
    const limit = url.searchParams.get("limit");
    const page = await listRevisions({ slug, cursor: cursor ? parseId(cursor, "cursor") : null, limit: limit ? parseId(limit, "limit") : undefined });
    return json({
      article: { slug: page.article.slug, title: page.article.title, currentRevisionId: page.article.currentRevisionId },
      revisions: page.revisions.map((revision) => ({ ...revision, createdAt: revision.createdAt.toISOString() })),
      nextCursor: page.nextCursor,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
