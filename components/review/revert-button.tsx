"use client";

import { useState } from "react";
import type { TRevertRequest, TRevertResponse } from "@/lib/contracts/articles";
import { callApi } from "../ui/api-client";
import type { RevertMode } from "@/lib/articles/revision-tags";

/** Confirms an undo or a restore; goes to the article (or the proposal it became) when done. */
export function RevertButton({
  slug,
  revisionId,
  mode,
  label,
}: {
  slug: string;
  revisionId: number;
  mode: RevertMode;
  label: string;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    const request: TRevertRequest = { revisionId, mode, reason };
    const result = await callApi<TRevertResponse>("POST", `/api/articles/${encodeURIComponent(slug)}/revert`, request);
    setBusy(false);
    if (!result.ok) return setError(result.error?.message ?? "The change failed.");
    const proposal = result.data?.status === "proposed" ? result.data.proposal : null;
    window.location.assign(proposal?.url ?? `/wiki/${encodeURIComponent(slug)}`);
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
