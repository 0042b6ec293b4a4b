import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { type TDecisionResponse, ZProposalParams, ZRejectProposalRequestSchema } from "@/lib/contracts/proposals";
import { decideProposal } from "@/lib/proposals/decide-proposal";

// POST /api/proposals/{id}/reject — reject with a reason. Reviewers and admins, not the author.
export const POST = mutation({
  schema: ZRejectProposalRequestSchema,
  params: ZProposalParams,
  async handler({ input, params, actor }) {
    const decision: TDecisionResponse = await decideProposal({
      actor,
      proposalId: params.id,
      action: "reject",
      version: input.version,
      comment: input.reason,
    });
    return json(decision);
  },
});
