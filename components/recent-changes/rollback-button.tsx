"use client";

import { useState } from "react";
import type { TRollbackRequest, TRollbackResult } from "@/lib/contracts/recent-changes";
import { callApi } from "../ui/api-client";

/**
 * Rolls back the last editor's consecutive edits (reviewers and admins): a POST naming the head the
 * reviewer saw, so an edit saved since makes it a 409 that says so instead of undoing unseen work.
 */
export function RollbackButton(props: { slug: string; title: string; headId: number; editor: string; big?: boolean }) {
  const [state, setState] = useState<{ message: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function rollback() {
    setBusy(true);
    const body: TRollbackRequest = { expectedHeadId: props.headId };
    const url = `/api/articles/${encodeURIComponent(props.slug)}/rollback`;
    const result = await callApi<TRollbackResult>("POST", url, body);
    setBusy(false);
    if (!result.ok || !result.data) return setState({ message: result.error?.message ?? "Failed.", failed: true });
    const { editsRolledBack, rolledBackUser, restoredUser, revisionId } = result.data;
    setState({
      message: `Rolled back ${editsRolledBack} edit${editsRolledBack === 1 ? "" : "s"} by ${rolledBackUser} to the last revision by ${restoredUser} (revision ${revisionId}).`,
      failed: false,
    });
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
        className={props.big ? "button-primary" : undefined}
        onClick={rollback}
        disabled={busy}
        // The accessible name starts with the visible word (WCAG 2.5.3), then says whose edits.
        aria-label={`rollback: the edits by ${props.editor} to ${props.title}`}
      >
        {busy ? "Rolling back…" : "rollback"}
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
