"use client";

import type { TPatrolResult } from "@/lib/contracts/recent-changes";
import { ActionButton } from "../ui/action-button";

/** Marks an edit patrolled (reviewers and admins): a POST, never a link; the row says when it is done. */
export function PatrolButton({ slug, revisionId, title }: { slug: string; revisionId: number; title: string }) {
  return (
    <ActionButton<TPatrolResult>
      url={`/api/articles/${encodeURIComponent(slug)}/revisions/${revisionId}/patrol`}
      body={{}}
      label="mark as patrolled"
      busyLabel="Marking…"
      ariaLabel={`mark as patrolled: revision ${revisionId} of ${title}`}
      wrapperClassName="change-button"
      doneClassName="change-done"
      done={(data) => (data.marked ? "Marked as patrolled." : "Already patrolled.")}
    />
  );
}
