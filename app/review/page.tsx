import { ProposalTable } from "@/components/review/proposal-table";
import { decide } from "@/lib/authz/policy";
import { getViewer } from "@/lib/auth/viewer";
import { listReviewQueue } from "@/lib/proposals/review-queue";

export const metadata = { title: "Review queue" };

type Props = { searchParams: Promise<{ article?: string; author?: string; clean?: string }> };

// GET /review — open proposals, oldest first, with filters. Anyone may look; reviewers decide.
export default async function ReviewPage({ searchParams }: Props) {
  const filters = await searchParams;
  const viewer = await getViewer();
  const proposals = await listReviewQueue({
    article: filters.article || undefined,
    author: filters.author || undefined,
    clean: filters.clean === "yes" ? true : filters.clean === "no" ? false : undefined,
  });
  const canReview = decide(viewer, "review").allowed;
  return (
    <div className="content-page wide">
      <h1 className="page-title">Review queue</h1>
      <p className="page-intro">
        {proposals.length} open proposal{proposals.length === 1 ? "" : "s"}, oldest first.{" "}
        {canReview
          ? "Open one to read its diff and decide; on a proposal, press j / k for the next or previous one."
          : "Reviewers and administrators decide on proposals; anyone can read and discuss them."}{" "}
        <a href="/log/review">Review log</a>
      </p>
      <form className="filters" action="/review" method="get">
        <label>
          Article <input name="article" defaultValue={filters.article ?? ""} placeholder="e.g. 2024_Hama_offensive" />
        </label>
        <label>
          Author <input name="author" defaultValue={filters.author ?? ""} />
        </label>
        <label>
          Applies cleanly
          <select name="clean" defaultValue={filters.clean ?? ""}>
            <option value="">either</option>
            <option value="yes">yes</option>
            <option value="no">no, conflicts</option>
          </select>
        </label>
        <button type="submit">Filter</button>
      </form>
      <ProposalTable proposals={proposals} />
    </div>
  );
}
