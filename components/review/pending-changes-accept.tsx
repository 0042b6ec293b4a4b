"use client";

import { useState } from "react";
import type { TAcceptPendingChangesRequest, TPendingChangesAccepted } from "@/lib/contracts/articles";
import { callApi } from "../ui/api-client";

/**
 * Accepts an article's pending changes up to `revisionId`, the latest
 * revision of the diff this row links to: what is accepted is what the
 * reviewer could read. An edit saved since stays pending, and the row says so.
 */
export function AcceptPendingChanges({ slug, title, revisionId }: { slug: string; title: string; revisionId: number }) {
  const [state, setState] = useState<{ message: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function accept() {
    setBusy(true);
    const body: TAcceptPendingChangesRequest = { revisionId };
    const url = `/api/articles/${encodeURIComponent(slug)}/pending-changes/accept`;
    const result = await callApi<TPendingChangesAccepted>("POST", url, body);
    setBusy(false);
    if (!result.ok || !result.data) return setState({ message: result.error?.message ?? "Failed.", failed: true });
    const later = result.data.currentRevisionId > result.data.acceptedRevisionId;
    setState({
      message: later
        ? `Accepted up to revision ${revisionId}; newer edits arrived since and still await review.`
        : `Accepted: readers now see revision ${revisionId}.`,
      failed: false,
    });
  }

  if (state && !state.failed)
    return (
      <span role="status" className="pending-accepted">
        {state.message}
      </span>
    );
  return (
    <span>
      <button
        type="button"
        className="button-primary"
        onClick={accept}
        disabled={busy}
        aria-label={`Accept pending changes to ${title} up to revision ${revisionId}`}
      >
        {busy ? "Accepting…" : "Accept"}
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
