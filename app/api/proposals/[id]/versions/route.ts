import { maxEditBytes, ZEditRequestSchema } from "@/lib/contracts/articles";
import { ZProposalParams } from "@/lib/contracts/proposals";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { reviseProposal } from "@/lib/proposals/change-proposal";

// POST /api/proposals/{id}/versions — the author revises the proposal (a new version). Its author.
export const POST = mutation({
  schema: ZEditRequestSchema,
  params: ZProposalParams,
  rateLimit: "proposal",
  bodyLimit: maxEditBytes(),
  async handler({ input, params, actor }) {
    return json(await reviseProposal({ actor, proposalId: params.id, request: input }), 201);
  },
});
