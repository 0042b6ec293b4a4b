import { errorResponse, json } from "@/lib/http/respond";
import { listReviewQueue } from "@/lib/proposals/review-queue";

const STATUSES = ["open", "changes_requested", "approved", "partially_approved", "rejected", "withdrawn"];

// GET /api/proposals?status=open&article=&author=&clean=true|false — the review queue, oldest first. Public.
export async function GET(request: Request) {
  try {
    const url = new URL(request.url);
    const status = url.searchParams.get("status") ?? "open";
    if (!STATUSES.includes(status)) return json({ error: { code: "bad_request", message: `status must be one of ${STATUSES.join(", ")}.` } }, 400);
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
