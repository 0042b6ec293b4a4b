"use client";

import type { ReactNode } from "react";

/** Longest edit summary (lib/contracts/articles.ts). */
export const SUMMARY_MAX = 500;

/** A message under the save buttons: an error keeps the text, info and success just tell. */
export interface SaveStatus {
  kind: "error" | "info" | "success";
  message: ReactNode;
}

/** The edit summary, the minor-edit box and the Preview / Show changes / Publish buttons. */
export function SaveBar({
  summary,
  onSummary,
  minor,
  onMinor,
  onPreview,
  onChanges,
  onSave,
  saving,
  status,
  cancelHref,
  saveLabel,
}: {
  summary: string;
  onSummary: (value: string) => void;
  minor: boolean;
  onMinor: (value: boolean) => void;
  onPreview: () => void;
  onChanges: () => void;
  onSave: () => void;
  saving: boolean;
  status: SaveStatus | null;
  cancelHref: string;
  saveLabel: string;
}) {
  const left = SUMMARY_MAX - summary.length;
  return (
    <section className="save-bar" aria-label="Save your changes">
      <div className="save-summary">
        <label htmlFor="edit-summary">Edit summary</label>
        <div className="summary-input">
          <input
            id="edit-summary"
            value={summary}
            maxLength={SUMMARY_MAX}
            onChange={(event) => onSummary(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                onSave();
              }
            }}
            placeholder="Briefly describe your changes"
            aria-describedby="summary-count"
            autoComplete="off"
          />
          <span id="summary-count" className={`summary-count${left < 50 ? " low" : ""}`} aria-live="polite">
            {left} left
          </span>
        </div>
      </div>
      <label className="minor-edit">
        <input type="checkbox" checked={minor} onChange={(event) => onMinor(event.target.checked)} /> This is a minor
        edit
      </label>
      <p className="save-terms">By publishing, you agree that your text may be edited and redistributed by others.</p>
      {status ? (
        <div className={`save-status status-${status.kind}`} role={status.kind === "error" ? "alert" : "status"}>
          {status.message}
        </div>
      ) : null}
      <div className="save-actions">
        <button type="button" className="editor-button primary" onClick={onSave} disabled={saving}>
          {saving ? "Publishing…" : saveLabel}
        </button>
        <button type="button" className="editor-button" onClick={onPreview} disabled={saving}>
          Preview
        </button>
        <button type="button" className="editor-button" onClick={onChanges} disabled={saving}>
          Show changes
        </button>
        <a className="save-cancel" href={cancelHref}>
          Cancel
        </a>
      </div>
    </section>
  );
}
