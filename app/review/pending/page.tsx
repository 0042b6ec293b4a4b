import { AcceptPendingChanges } from "@/components/review/pending-changes-accept";
import { pendingDiffUrl } from "@/lib/articles/pending-changes";
import { listPendingChanges } from "@/lib/articles/pending-changes-queue";
import { getViewer } from "@/lib/auth/viewer";
import { decide } from "@/lib/authz/policy";
import { formatTimestamp } from "@/lib/document/format";

export const metadata = { title: "Pending changes" };

// GET /review/pending — articles whose edits await acceptance, oldest waiting first. Anyone may look; reviewers accept.
export default async function PendingChangesPage() {
  const viewer = await getViewer();
  const articles = await listPendingChanges();
  const canReview = decide(viewer, "review").allowed;
  return (
    <div className="content-page wide">
      <h1 className="page-title">Pending changes</h1>
      <p className="page-intro">
        {articles.length} article{articles.length === 1 ? "" : "s"} with edits awaiting review, oldest first. Readers
        see each article’s accepted revision until a reviewer accepts the newer ones; to reject them, restore the
        accepted revision from the article’s history. <a href="/review">Proposals</a>
      </p>
      {articles.length === 0 ? (
        <p>No pending changes.</p>
      ) : (
        <table className="proposal-table pending-changes-table">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Pending</th>
              <th scope="col">Waiting since</th>
              <th scope="col">Changes</th>
              {canReview ? <th scope="col">Decision</th> : null}
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.slug}>
                <td>
                  <a href={`/wiki/${encodeURIComponent(article.slug)}`}>{article.title}</a>
                </td>
                <td>
                  {article.pendingCount} edit{article.pendingCount === 1 ? "" : "s"}
                </td>
                <td>{formatTimestamp(article.oldestPendingAt)}</td>
                <td>
                  <a href={pendingDiffUrl(article.slug, article)}>
                    Diff {article.acceptedRevisionId} → {article.currentRevisionId}
                  </a>
                </td>
                {canReview ? (
                  <td>
                    <AcceptPendingChanges
                      slug={article.slug}
                      title={article.title}
                      revisionId={article.currentRevisionId}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
