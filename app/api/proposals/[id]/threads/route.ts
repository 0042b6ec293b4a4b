import { ZProposalParams } from "@/lib/contracts/proposals";
import { ZStartThreadRequestSchema } from "@/lib/contracts/review-threads";
import { mutation } from "@/lib/http/mutation";
import { query } from "@/lib/http/query";
import { json } from "@/lib/http/respond";
import { getThreadsOfProposal } from "@/lib/review-threads/read-threads";
import { startThread } from "@/lib/review-threads/start-thread";

// GET /api/proposals/{id}/threads — the review threads, each placed on the current version (or outdated). Public.
export const GET = query({
  params: ZProposalParams,
  cache: "revalidate",
  async handler({ params }) {
    return { body: await getThreadsOfProposal({ proposalId: params.id }) };
  },
});

// POST /api/proposals/{id}/threads — start a thread anchored in the current version. Signed-in users; suggestions: reviewers.
export const POST = mutation({
  schema: ZStartThreadRequestSchema,
  params: ZProposalParams,
  rateLimit: "comment",
  async handler({ input, params, actor }) {
    return json(await startThread({ actor, proposalId: params.id, request: input }), 201);
  },
});
