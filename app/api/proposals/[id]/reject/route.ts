import { mutation } from "@/lib/http/mutation";
import { json, parseId } from "@/lib/http/respond";
import { ZRejectProposalRequestSchema } from "@/lib/proposals/contract";
import { decideProposal } from "@/lib/proposals/decide-proposal";

// POST /api/proposals/{id}/reject — reject with a reason. Reviewers and admins, not the author.
export const POST = mutation<typeof ZRejectProposalRequestSchema, { id: string }>({
  schema: ZRejectProposalRequestSchema,
  async handler({ input, params, actor }) {
    return json(await decideProposal({ actor, proposalId: parseId(params.id, "proposal id"), action: "reject", version: input.version, comment: input.reason }));
  },
});
