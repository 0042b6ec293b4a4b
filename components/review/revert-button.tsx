"use client";

import { useState } from "react";
import { callApi } from "../ui/api-client";
import type { RevertMode } from "@/lib/articles/revision-tags";

/** Confirms an undo or a restore; goes to the article (or the proposal it became) when done. */
export function RevertButton({ slug, revisionId, mode, label }: { slug: string; revisionId: number; mode: RevertMode; label: string }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    const result = await callApi<{ status: string; proposal?: { url: string } }>("POST", `/api/articles/${encodeURIComponent(slug)}/revert`, { revisionId, mode, reason });
    setBusy(false);
    if (!result.ok) return setError(result.error?.message ?? "The change failed.");
    window.location.assign(result.data?.proposal?.url ?? `/wiki/${encodeURIComponent(slug)}`);
  }
  return (
    <div className="form">
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <label>
        Reason (added to the automatic summary, optional)
        <input value={reason} onChange={(event) => setReason(event.target.value)} maxLength={400} />
      </label>
      <button type="button" className="button-primary" onClick={confirm} disabled={busy}>
        {busy ? "Saving…" : label}
      </button>
    </div>
  );
}
