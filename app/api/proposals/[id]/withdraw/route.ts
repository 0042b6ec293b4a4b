import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { withdrawProposal } from "@/lib/proposals/change-proposal";
import { ZProposalParams, ZWithdrawProposalRequestSchema } from "@/lib/contracts/proposals";

// POST /api/proposals/{id}/withdraw — the author withdraws an open proposal. Its author.
export const POST = mutation({
  schema: ZWithdrawProposalRequestSchema,
  params: ZProposalParams,
  async handler({ params, actor }) {
    return json(await withdrawProposal({ actor, proposalId: params.id }));
  },
});
