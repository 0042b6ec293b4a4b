import { mutation } from "@/lib/http/mutation";
import { json, parseId } from "@/lib/http/respond";
import { commentOnProposal } from "@/lib/proposals/change-proposal";
import { ZCommentRequestSchema } from "@/lib/proposals/contract";

// POST /api/proposals/{id}/comments — comment in the proposal's discussion. Signed-in users.
export const POST = mutation<typeof ZCommentRequestSchema, { id: string }>({
  schema: ZCommentRequestSchema,
  rateLimit: "comment",
  async handler({ input, params, actor }) {
    return json(await commentOnProposal({ actor, proposalId: parseId(params.id, "proposal id"), body: input.body }), 201);
  },
});
