import { errorResponse, json } from "@/lib/http/respond";
import { listReviewQueue } from "@/lib/proposals/review-queue";
import { PROPOSAL_STATUSES, ProposalStatus, ZProposalStatus } from "@/lib/proposals/status";

// GET /api/proposals?status=open&article=&author=&clean=true|false — the review queue, oldest first. Public.
export async function GET(request: Request) {
  try {
    const url = new URL(request.url);
    const parsed = ZProposalStatus.safeParse(url.searchParams.get("status") ?? ProposalStatus.open);
    if (!parsed.success) {
      const message = `status must be one of ${PROPOSAL_STATUSES.join(", ")}.`;
      return json({ error: { code: "bad_request", message } }, 400);
    }
    const status = parsed.data;
    const clean = url.searchParams.get("clean");
    const proposals = await listReviewQueue({
      status,
      article: url.searchParams.get("article") ?? undefined,
      author: url.searchParams.get("author") ?? undefined,
      clean: clean === null ? undefined : clean === "true",
    });
    return json({ proposals: proposals.map((proposal) => ({ ...proposal, createdAt: proposal.createdAt.toISOString() })) });
  } catch (error) {
    return errorResponse(error);
  }
}
