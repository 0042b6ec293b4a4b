import { ZProposalDiffQuery, ZProposalParams } from "@/lib/contracts/proposals";
import { query } from "@/lib/http/query";
import { getProposalDiffPart } from "@/lib/proposals/read-proposal";

// GET /api/proposals/{id}/diff?against=base|current&section={sectionId} (or &part=references|infobox|notes)
// — one part of the proposal's current version's diff, so no answer grows with the whole article. Public.
export const GET = query({
  params: ZProposalParams,
  search: ZProposalDiffQuery,
  cache: "revalidate",
  async handler({ params, search }) {
    return { body: await getProposalDiffPart({ proposalId: params.id, against: search.against, part: search.part }) };
  },
});
