import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { type TDecisionResponse, ZProposalParams, ZRequestChangesRequestSchema } from "@/lib/contracts/proposals";
import { decideProposal } from "@/lib/proposals/decide-proposal";

// POST /api/proposals/{id}/request-changes — send back to the author with a comment. Reviewers and admins, not the author.
export const POST = mutation({
  schema: ZRequestChangesRequestSchema,
  params: ZProposalParams,
  async handler({ input, params, actor }) {
    const decision: TDecisionResponse = await decideProposal({
      actor,
      proposalId: params.id,
      action: "request_changes",
      version: input.version,
      comment: input.comment,
    });
    return json(decision);
  },
});
