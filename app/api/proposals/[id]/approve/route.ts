import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { type TDecisionResponse, ZApproveProposalRequestSchema, ZProposalParams } from "@/lib/contracts/proposals";
import { decideProposal } from "@/lib/proposals/decide-proposal";

// POST /api/proposals/{id}/approve — approve (or partially approve) the version the reviewer saw. Reviewers and admins, not the author.
export const POST = mutation({
  schema: ZApproveProposalRequestSchema,
  params: ZProposalParams,
  async handler({ input, params, actor }) {
    const decision: TDecisionResponse = await decideProposal({
      actor,
      proposalId: params.id,
      action: "approve",
      version: input.version,
      comment: input.comment,
      declined: input.declined,
    });
    return json(decision);
  },
});
