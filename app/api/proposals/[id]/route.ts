import { errorResponse, json, parseId } from "@/lib/http/respond";
import { getProposal } from "@/lib/proposals/read-proposal";

// GET /api/proposals/{id} — one proposal: versions, discussion, decisions, diffs, rebase state. Public.
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const details = await getProposal({ proposalId: parseId((await context.params).id, "proposal id") });
    const { content, ...rest } = details;
    void content;
    return json(rest);
  } catch (error) {
    return errorResponse(error);
  }
}
