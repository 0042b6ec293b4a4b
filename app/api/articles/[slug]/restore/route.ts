import { restoreArticle } from "@/lib/articles/restore-article";
import { type TArticleStateResult, ZArticleParams, ZRestoreArticleRequestSchema } from "@/lib/contracts/articles";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";

// POST /api/articles/{slug}/restore — restore the deleted article, body { reason }. Admins.
export const POST = mutation({
  schema: ZRestoreArticleRequestSchema,
  params: ZArticleParams,
  bodyLimit: 4096,
  async handler({ input, params, actor }) {
    const result = await restoreArticle({ actor, slug: params.slug, reason: input.reason });
    return json(result satisfies TArticleStateResult);
  },
});
