import { ZReviewQueueQuery } from "@/lib/contracts/proposals";
import { query } from "@/lib/http/query";
import { listReviewQueue } from "@/lib/proposals/review-queue";

// GET /api/proposals?status=open&article=&author=&clean=true|false — the review queue, oldest first. Public.
export const GET = query({
  search: ZReviewQueueQuery,
  cache: "revalidate",
  async handler({ search }) {
    const proposals = await listReviewQueue(search);
    const rows = proposals.map((proposal) => ({ ...proposal, createdAt: proposal.createdAt.toISOString() }));
    return { body: { proposals: rows } };
  },
});
