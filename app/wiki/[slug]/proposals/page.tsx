import { decodeParam } from "@/lib/http/params";
import { notFound } from "next/navigation";
import { ProposalTable } from "@/components/review/proposal-table";
import { getReadDb } from "@/lib/db/replicas";
import { listReviewQueue } from "@/lib/proposals/review-queue";
import { PROPOSAL_STATUSES, type ProposalStatus } from "@/lib/proposals/status";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `Proposals: ${decodeParam((await params).slug).replace(/_/g, " ")}` };
}

/** A heading for every status, in the vocabulary's order: a new status cannot go unlisted. */
const SECTION_TITLES: Record<ProposalStatus, string> = {
  open: "Open",
  changes_requested: "Waiting for the author",
  approved: "Approved",
  partially_approved: "Partially approved",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

// GET /wiki/{slug}/proposals — every proposal for one article, by status. Public.
export default async function ArticleProposalsPage({ params }: Props) {
  const slug = decodeParam((await params).slug);
  const article = await getReadDb().article.findUnique({ where: { slug }, select: { slug: true, title: true } });
  if (!article) notFound();
  const groups = await Promise.all(
    PROPOSAL_STATUSES.map(async (status) => ({
      status,
      label: SECTION_TITLES[status],
      proposals: await listReviewQueue({ status, article: slug }),
    })),
  );
  return (
    <div className="content-page wide">
      <h1 className="page-title">Proposals for “{article.title}”</h1>
      <p>
        <a href={`/wiki/${encodeURIComponent(article.slug)}`}>Back to the article</a> ·{" "}
        <a href={`/wiki/${encodeURIComponent(article.slug)}/talk`}>Talk page</a> · <a href="/review">Review queue</a>
      </p>
      {groups.map((group) =>
        group.proposals.length ? (
          <section key={group.status}>
            <h2>
              {group.label} ({group.proposals.length})
            </h2>
            <ProposalTable proposals={group.proposals} showArticle={false} />
          </section>
        ) : null,
      )}
      {groups.every((group) => group.proposals.length === 0) ? (
        <p>No one has proposed a change to this article yet.</p>
      ) : null}
    </div>
  );
}
