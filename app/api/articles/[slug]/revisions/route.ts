import { listRevisions } from "@/lib/articles/history";
import { ZArticleParams, ZRevisionListQuery } from "@/lib/contracts/articles";
import { query } from "@/lib/http/query";

// GET /api/articles/{slug}/revisions?cursor={id}&limit= — a page of history, newest first. Public.
export const GET = query({
  params: ZArticleParams,
  search: ZRevisionListQuery,
  cache: "revalidate",
  async handler({ params, search }) {
    const page = await listRevisions({ slug: params.slug, cursor: search.cursor ?? null, limit: search.limit });
    return {
      body: {
        article: {
          slug: page.article.slug,
          title: page.article.title,
          currentRevisionId: page.article.currentRevisionId,
        },
        revisions: page.revisions.map((revision) => ({ ...revision, createdAt: revision.createdAt.toISOString() })),
        nextCursor: page.nextCursor,
      },
    };
  },
});
