import { mutation } from "@/lib/http/mutation";
import { json, parseId } from "@/lib/http/respond";
import { withdrawProposal } from "@/lib/proposals/change-proposal";
import { ZWithdrawProposalRequestSchema } from "@/lib/proposals/contract";

// POST /api/proposals/{id}/withdraw — the author withdraws an open proposal. Its author.
export const POST = mutation<typeof ZWithdrawProposalRequestSchema, { id: string }>({
  schema: ZWithdrawProposalRequestSchema,
  async handler({ params, actor }) {
    return json(await withdrawProposal({ actor, proposalId: parseId(params.id, "proposal id") }));
  },
});
