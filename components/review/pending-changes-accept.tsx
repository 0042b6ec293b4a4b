"use client";

import type { TAcceptPendingChangesRequest, TPendingChangesAccepted } from "@/lib/contracts/articles";
import { ActionButton } from "../ui/action-button";

/**
 * Accepts an article's pending changes up to `revisionId`, the latest
 * revision of the diff this row links to: what is accepted is what the
 * reviewer could read. An edit saved since stays pending, and the row says so.
 */
export function AcceptPendingChanges({ slug, title, revisionId }: { slug: string; title: string; revisionId: number }) {
  const body: TAcceptPendingChangesRequest = { revisionId };
  return (
    <ActionButton<TPendingChangesAccepted>
      url={`/api/articles/${encodeURIComponent(slug)}/pending-changes/accept`}
      body={body}
      label="Accept"
      busyLabel="Accepting…"
      ariaLabel={`Accept pending changes to ${title} up to revision ${revisionId}`}
      className="button-primary"
      doneClassName="pending-accepted"
      done={(data) =>
        data.currentRevisionId > data.acceptedRevisionId
          ? `Accepted up to revision ${revisionId}; newer edits arrived since and still await review.`
          : `Accepted: readers now see revision ${revisionId}.`
      }
    />
  );
}
