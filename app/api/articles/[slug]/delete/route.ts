import { deleteArticle } from "@/lib/articles/delete-article";
import { type TArticleStateResult, ZArticleParams, ZDeleteArticleRequestSchema } from "@/lib/contracts/articles";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";

// POST /api/articles/{slug}/delete — delete the article, body { reason, expectedHeadId? }. Admins.
export const POST = mutation({
  schema: ZDeleteArticleRequestSchema,
  params: ZArticleParams,
  bodyLimit: 4096,
  async handler({ input, params, actor }) {
    const result = await deleteArticle({ actor, slug: params.slug, ...input });
    return json(result satisfies TArticleStateResult);
  },
});
