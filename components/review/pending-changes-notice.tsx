import { pendingDiffUrl } from "@/lib/articles/pending-changes";

/**
 * The notice on an article whose newer edits await review. Readers shown the
 * accepted revision are told so and how many changes wait; people shown the
 * latest (editors, reviewers) are told it is not yet what readers see. Both
 * link to the diff from the accepted revision to the latest; reviewers also
 * to the queue where they accept. Plain HTML: the article page has no script.
 */
export function PendingChangesNotice(props: {
  slug: string;
  pending: { acceptedRevisionId: number; currentRevisionId: number };
  pendingCount: number;
  showingAccepted: boolean;
  canReview: boolean;
}) {
  const changes = props.pendingCount === 1 ? "1 pending change awaits" : `${props.pendingCount} pending changes await`;
  return (
    <div className="notice pending-changes-notice" role="note" aria-label="Pending changes">
      <p>
        {props.showingAccepted ? (
          <>
            <b>This is the accepted version</b> of this page; {changes} review.{" "}
          </>
        ) : (
          <>
            <b>This version is pending review</b>: readers see the accepted revision until a reviewer accepts the{" "}
            {props.pendingCount === 1 ? "newer edit" : `${props.pendingCount} newer edits`}.{" "}
          </>
        )}
        <a href={pendingDiffUrl(props.slug, props.pending)}>Show the pending changes</a>
        {props.canReview ? (
          <>
            {" · "}
            <a href="/review/pending">Review pending changes</a>
          </>
        ) : null}
      </p>
    </div>
  );
}
