import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { commentOnProposal } from "@/lib/proposals/change-proposal";
import { ZCommentRequestSchema, ZProposalParams } from "@/lib/contracts/proposals";

// POST /api/proposals/{id}/comments — comment in the proposal's discussion. Signed-in users.
export const POST = mutation({
  schema: ZCommentRequestSchema,
  params: ZProposalParams,
  rateLimit: "comment",
  async handler({ input, params, actor }) {
    return json(await commentOnProposal({ actor, proposalId: params.id, body: input.body }), 201);
  },
});
