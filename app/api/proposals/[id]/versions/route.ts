import { maxEditBytes, ZEditRequestSchema } from "@/lib/articles/edit-contract";
import { mutation } from "@/lib/http/mutation";
import { json, parseId } from "@/lib/http/respond";
import { reviseProposal } from "@/lib/proposals/change-proposal";

// POST /api/proposals/{id}/versions — the author revises the proposal (a new version). Its author.
export const POST = mutation<typeof ZEditRequestSchema, { id: string }>({
  schema: ZEditRequestSchema,
  rateLimit: "proposal",
  bodyLimit: maxEditBytes(),
  async handler({ input, params, actor }) {
    return json(await reviseProposal({ actor, proposalId: parseId(params.id, "proposal id"), request: input }), 201);
  },
});
