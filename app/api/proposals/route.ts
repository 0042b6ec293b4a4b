import { ZReviewQueueFilters } from "@/lib/contracts/review";
import { query } from "@/lib/http/query";
import { listReviewQueue } from "@/lib/proposals/review-queue";

// GET /api/proposals?status=open&article=&author=&level=&clean=yes|no&overlap=yes|no&threads=yes|no&mine=yes&sort=&page= — the review queue. Public; mine=yes is the signed-in reviewer's.
export const GET = query({
  search: ZReviewQueueFilters,
  cache: "revalidate",
  actor: true,
  async handler({ search, actor }) {
    const proposals = await listReviewQueue({
      ...search,
      unresolvedThreads: search.threads,
      needsReviewBy: search.mine ? actor : undefined,
    });
    const rows = proposals.map((proposal) => ({ ...proposal, createdAt: proposal.createdAt.toISOString() }));
    return { body: { proposals: rows } };
  },
});
