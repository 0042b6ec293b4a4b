import { mutation } from "@/lib/http/mutation";
import { json, parseId } from "@/lib/http/respond";
import { ZApproveProposalRequestSchema } from "@/lib/proposals/contract";
import { decideProposal } from "@/lib/proposals/decide-proposal";

// POST /api/proposals/{id}/approve — approve (or partially approve) the version the reviewer saw. Reviewers and admins, not the author.
export const POST = mutation<typeof ZApproveProposalRequestSchema, { id: string }>({
  schema: ZApproveProposalRequestSchema,
  async handler({ input, params, actor }) {
    return json(await decideProposal({ actor, proposalId: parseId(params.id, "proposal id"), action: "approve", version: input.version, comment: input.comment, declined: input.declined }));
  },
});
