"use client";

import { useState } from "react";
import type { TPatrolResult } from "@/lib/contracts/recent-changes";
import { callApi } from "../ui/api-client";

/** Marks an edit patrolled (reviewers and admins): a POST, never a link; the row says when it is done. */
export function PatrolButton({ slug, revisionId, title }: { slug: string; revisionId: number; title: string }) {
  const [state, setState] = useState<{ message: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function patrol() {
    setBusy(true);
    const url = `/api/articles/${encodeURIComponent(slug)}/revisions/${revisionId}/patrol`;
    const result = await callApi<TPatrolResult>("POST", url, {});
    setBusy(false);
    if (!result.ok) return setState({ message: result.error?.message ?? "Failed.", failed: true });
    setState({ message: result.data?.marked ? "Marked as patrolled." : "Already patrolled.", failed: false });
  }

  if (state && !state.failed)
    return (
      <span role="status" className="change-done">
        {state.message}
      </span>
    );
  return (
    <span className="change-button">
      <button
        type="button"
        onClick={patrol}
        disabled={busy}
        // The accessible name starts with the visible words (WCAG 2.5.3), then says which edit.
        aria-label={`mark as patrolled: revision ${revisionId} of ${title}`}
      >
        {busy ? "Marking…" : "mark as patrolled"}
      </button>
      {state ? (
        <span role="alert" className="form-error">
          {" "}
          {state.message}
        </span>
      ) : null}
    </span>
  );
}
