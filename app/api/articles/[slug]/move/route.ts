import { moveArticle } from "@/lib/articles/move-article";
import { type TMoveArticleResult, ZArticleParams, ZMoveArticleRequestSchema } from "@/lib/contracts/articles";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";

// POST /api/articles/{slug}/move — move (rename) the article, body { title, reason, expectedHeadId? }; the old
// title redirects. Admins.
export const POST = mutation({
  schema: ZMoveArticleRequestSchema,
  params: ZArticleParams,
  bodyLimit: 8192,
  async handler({ input, params, actor }) {
    const result = await moveArticle({ actor, slug: params.slug, ...input });
    return json(result satisfies TMoveArticleResult);
  },
});
