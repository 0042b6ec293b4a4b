import { compareRevisions } from "@/lib/articles/compare";
import { presentRevisionMeta } from "@/lib/articles/present";
import { ZArticleParams, ZDiffQuery } from "@/lib/contracts/articles";
import { query } from "@/lib/http/query";

// GET /api/articles/{slug}/diff?from={id}&to={id} — the structured diff of two revisions. Public.
export const GET = query({
  params: ZArticleParams,
  search: ZDiffQuery,
  cache: "revalidate",
  async handler({ params, search }) {
    const comparison = await compareRevisions({ slug: params.slug, fromId: search.from, toId: search.to ?? null });
    return {
      body: {
        from: presentRevisionMeta(comparison.from),
        to: presentRevisionMeta(comparison.to),
        diff: comparison.diff,
      },
      // A diff between two fixed revisions never changes; one to the current revision does on a save.
      cache: search.to === undefined ? "revalidate" : "immutable",
    };
  },
});
