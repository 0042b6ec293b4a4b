import { mutation } from "@/lib/http/mutation";
import { json, parseId } from "@/lib/http/respond";
import { ZRequestChangesRequestSchema } from "@/lib/proposals/contract";
import { decideProposal } from "@/lib/proposals/decide-proposal";

// POST /api/proposals/{id}/request-changes — send back to the author with a comment. Reviewers and admins, not the author.
export const POST = mutation<typeof ZRequestChangesRequestSchema, { id: string }>({
  schema: ZRequestChangesRequestSchema,
  async handler({ input, params, actor }) {
    return json(await decideProposal({ actor, proposalId: parseId(params.id, "proposal id"), action: "request_changes", version: input.version, comment: input.comment }));
  },
});
