import { errorResponse, json, parseId } from "@/lib/http/respond";
import { presentProposalSummary } from "@/lib/proposals/proposal-summary";
import { getProposalOverview } from "@/lib/proposals/read-proposal";

// GET /api/proposals/{id} — one proposal: versions, discussion, decisions, rebase state, and its diffs
// (inline when small, else a summary of changed sections with sizes; parts from ./diff). Public.
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    return json(presentProposalSummary(await getProposalOverview({ proposalId: parseId((await context.params).id, "proposal id") })));
  } catch (error) {
    return errorResponse(error);
  }
}
