import { revertArticle } from "@/lib/editing/revert-article";
import { proposedBody, type TRevertResponse, ZArticleParams, ZRevertRequestSchema } from "@/lib/contracts/articles";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";

// POST /api/articles/{slug}/revert — undo one revision or restore an old one: 201 with the new revision,
// 202 with a proposal for users who may only propose, 409 when an undo no longer applies. Signed-in users.
export const POST = mutation({
  schema: ZRevertRequestSchema,
  params: ZArticleParams,
  rateLimit: "edit",
  async handler({ input, params, actor }) {
    const result = await revertArticle({
      actor,
      slug: params.slug,
      revisionId: input.revisionId,
      mode: input.mode,
      reason: input.reason,
    });
    if (result.status === "proposed") return json(proposedBody(result.proposalId), 202);
    return json({ status: "saved", revision: { id: result.revisionId } } satisfies TRevertResponse, 201);
  },
});
