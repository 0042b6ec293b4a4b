import { maxEditBytes } from "@/lib/contracts/articles";
import { ZAmendProposalRequestSchema, ZProposalParams } from "@/lib/contracts/proposals";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { amendProposal } from "@/lib/proposals/amend-proposal";

// POST /api/proposals/{id}/amendments — a reviewer amends the version they saw (a new version, not an approval). Those who may approve it.
export const POST = mutation({
  schema: ZAmendProposalRequestSchema,
  params: ZProposalParams,
  rateLimit: "proposal",
  bodyLimit: maxEditBytes(),
  async handler({ input, params, actor }) {
    return json(
      await amendProposal({ actor, proposalId: params.id, version: input.version, request: input.edit }),
      201,
    );
  },
});
