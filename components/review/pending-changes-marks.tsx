/**
 * A history row's pending-changes marks: "pending review" on the revisions
 * after the accepted one, "accepted" on the one readers see, and who accepted
 * each revision that was accepted (by a reviewer, or automatically).
 */
export function PendingChangesMarks(props: {
  revision: { id: number; acceptedBy?: string | null };
  pending: { acceptedRevisionId: number; currentRevisionId: number } | null;
}) {
  const { revision, pending } = props;
  const awaiting = pending !== null && revision.id > pending.acceptedRevisionId;
  const shownToReaders = pending !== null && revision.id === pending.acceptedRevisionId;
  return (
    <>
      {awaiting ? <span className="history-tag pending-review">pending review</span> : null}
      {shownToReaders ? (
        <span className="history-tag accepted-revision" title="Readers see this revision">
          accepted version
        </span>
      ) : null}
      {revision.acceptedBy ? <span className="history-tag">accepted by {revision.acceptedBy}</span> : null}
    </>
  );
}
