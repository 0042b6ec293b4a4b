import { ZProposalInterdiffParams } from "@/lib/contracts/proposals";
import { query } from "@/lib/http/query";
import { boundedSummary, INLINE_DIFF_BYTES } from "@/lib/proposals/proposal-summary";
import { getProposalInterdiff } from "@/lib/proposals/interdiff";

// GET /api/proposals/{id}/versions/{from}/diff/{to} — the interdiff of two versions: what changed between
// the two proposed contents (inline up to 512 KB, else its summary). Public.
export const GET = query({
  params: ZProposalInterdiffParams,
  cache: "revalidate",
  async handler({ params }) {
    const {
      contents: _contents,
      diff,
      summary,
      ...interdiff
    } = await getProposalInterdiff({
      proposalId: params.id,
      from: params.from,
      to: params.to,
    });
    return {
      body: { ...interdiff, diff: summary.bytes <= INLINE_DIFF_BYTES ? diff : null, summary: boundedSummary(summary) },
    };
  },
});
