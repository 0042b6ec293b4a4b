import { z } from "zod";
import { revertArticle } from "@/lib/articles/revert-article";
import { ZRevertMode } from "@/lib/articles/revision-tags";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { ZId } from "@/lib/http/ids";

const ZRevertRequestSchema = z.strictObject({
  revisionId: ZId,
  mode: ZRevertMode,
  reason: z.string().max(400).default(""),
});

// POST /api/articles/{slug}/revert — undo one revision or restore an old one: 201 with the new revision,
// 202 with a proposal for users who may only propose, 409 when an undo no longer applies. Signed-in users.
export const POST = mutation<typeof ZRevertRequestSchema, { slug: string }>({
  schema: ZRevertRequestSchema,
  rateLimit: "edit",
  async handler({ input, params, actor }) {
    const result = await revertArticle({ actor, slug: params.slug, revisionId: input.revisionId, mode: input.mode, reason: input.reason });
    return result.status === "proposed"
      ? json({ status: "proposed", proposal: { id: result.proposalId, url: `/proposals/${result.proposalId}` } }, 202)
      : json({ status: "saved", revision: { id: result.revisionId } }, 201);
  },
});
