import { formatDate } from "@/lib/document/format";
import { decisionVerb } from "@/components/review/decision-words";
import { AmendmentNote } from "@/components/review/interdiff-amendment-note";
import { ReviewDecisionAction } from "@/lib/proposals/review-action";
import { listReviewLog } from "@/lib/proposals/review-queue";

export const metadata = { title: "Review log" };
export const dynamic = "force-dynamic";

// GET /log/review — every review decision, newest first. Public.
export default async function ReviewLogPage() {
  const entries = await listReviewLog();
  return (
    <div className="content-page wide">
      <h1 className="page-title">Review log</h1>
      {entries.length === 0 ? <p>No decisions yet.</p> : null}
      <ul className="history-list">
        {entries.map((entry) => (
          <li key={entry.id}>
            {entry.createdAt.toISOString().slice(11, 16)}, {formatDate(entry.createdAt.toISOString().slice(0, 10))}{" "}
            <a href={`/user/${encodeURIComponent(entry.reviewer.name)}`}>{entry.reviewer.name}</a>{" "}
            {decisionVerb(entry.action)}
            {entry.action === ReviewDecisionAction.request_changes ? " to" : ""}{" "}
            <a href={`/proposals/${entry.proposal.id}`}>proposal #{entry.proposal.id}</a> by{" "}
            {entry.proposal.author.name} to{" "}
            <a href={`/wiki/${encodeURIComponent(entry.proposal.article.slug)}`}>{entry.proposal.article.title}</a>
            {entry.revisionId ? (
              <>
                {" "}
                (
                <a href={`/wiki/${encodeURIComponent(entry.proposal.article.slug)}?oldid=${entry.revisionId}`}>
                  revision {entry.revisionId}
                </a>
                )
              </>
            ) : null}
            {entry.amendedFromVersion ? (
              <AmendmentNote
                proposalId={entry.proposal.id}
                reviewer={entry.reviewer.name}
                from={entry.amendedFromVersion}
                to={entry.version}
              />
            ) : null}
            {entry.comment ? <span className="summary"> ({entry.comment})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
