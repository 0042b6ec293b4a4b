import { ZProposalParams } from "@/lib/contracts/proposals";
import { query } from "@/lib/http/query";
import { presentProposalSummary } from "@/lib/proposals/proposal-summary";
import { getProposalOverview } from "@/lib/proposals/read-proposal";

// GET /api/proposals/{id} — one proposal: versions, discussion, decisions, rebase state, and its diffs
// (inline when small, else a summary of changed sections with sizes; parts from ./diff). Public.
export const GET = query({
  params: ZProposalParams,
  cache: "revalidate",
  async handler({ params }) {
    return { body: presentProposalSummary(await getProposalOverview({ proposalId: params.id })) };
  },
});
