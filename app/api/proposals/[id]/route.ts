import { errorResponse, json, parseId } from "@/lib/http/respond";
import { getProposal } from "@/lib/proposals/read-proposal";

// GET /api/proposals/{id} — one proposal: versions, discussion, decisions, diffs, rebase state. Public.
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    // The three full article contents stay server-side; the diffs carry what changed.
    const { content: _content, ...details } = await getProposal({ proposalId: parseId((await context.params).id, "proposal id") });
    return json(details);
  } catch (error) {
    return errorResponse(error);
  }
}
