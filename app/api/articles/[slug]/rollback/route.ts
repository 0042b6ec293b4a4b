import { ZArticleParams } from "@/lib/contracts/articles";
import { type TRollbackResult, ZRollbackRequestSchema } from "@/lib/contracts/recent-changes";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { rollbackArticle } from "@/lib/recent-changes/rollback-article";

// POST /api/articles/{slug}/rollback — undo all the latest consecutive edits of the last editor, restoring the last
// revision by someone else (body: the head the reviewer saw; 409 when it moved). Reviewers and admins who may edit the
// article directly.
export const POST = mutation({
  schema: ZRollbackRequestSchema,
  params: ZArticleParams,
  rateLimit: "edit",
  async handler({ input, params, actor }) {
    const result = await rollbackArticle({ actor, slug: params.slug, expectedHeadId: input.expectedHeadId });
    return json(result satisfies TRollbackResult, 201);
  },
});
