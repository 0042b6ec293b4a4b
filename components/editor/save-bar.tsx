"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { useEffect, useRef, type ReactNode } from "react";

/** Longest edit summary (lib/contracts/articles.ts). */
export const SUMMARY_MAX = 500;

/** A message under the save buttons: an error keeps the text, info and success just tell. */
export interface SaveStatus {
  kind: "error" | "info" | "success";
  message: ReactNode;
}

/**
 * Wikipedia's access keys for the editor: Alt+Shift+S publishes, Alt+Shift+P
 * previews, Alt+Shift+V shows the changes. Handled here rather than with the
 * accesskey attribute, whose modifiers differ by browser and platform (plain
 * Alt in Chromium) and which no script can keep from firing a second time
 * beside a handler; announced with aria-keyshortcuts and in the titles.
 */
export const SAVE_KEYS = { save: "Alt+Shift+S", preview: "Alt+Shift+P", changes: "Alt+Shift+V" } as const;
type SaveAction = keyof typeof SAVE_KEYS;
const ACTION_OF_CODE = new Map<string, SaveAction>([
  ["KeyS", "save"],
  ["KeyP", "preview"],
  ["KeyV", "changes"],
]);

/** A button of the save bar: its text, what its title says it does, and the action. */
type ActionButton = { text: string; title: string; run: () => void };

function useSaveKeys(actions: Record<SaveAction, ActionButton>, busy: boolean) {
  const latest = useRef({ actions, busy });
  latest.current = { actions, busy };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.repeat) return;
      // By the key's place, not its character: Option+Shift+S types "Í" on a Mac.
      const action = ACTION_OF_CODE.get(event.code);
      // Not behind an open dialog (citation, link), nor while a save is on its way.
      if (!action || (event.target as Element | null)?.closest?.("dialog")) return;
      event.preventDefault();
      if (!latest.current.busy) latest.current.actions[action].run();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
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
  extra,
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
  /** more fields above the terms (a proposal's talk topic) */
  extra?: ReactNode;
}) {
  const left = SUMMARY_MAX - summary.length;
  const actions: Record<SaveAction, ActionButton> = {
    save: { text: saving ? "Publishing…" : saveLabel, title: saveLabel, run: onSave },
    preview: { text: "Preview", title: "Show a preview", run: onPreview },
    changes: { text: "Show changes", title: "Show your changes", run: onChanges },
  };
  useSaveKeys(actions, saving);
  // Rendered on the server with the editor's frame: these fields take input once the script runs (a value typed
  // into a controlled field before it would be dropped).
  const hydrated = useHydrated();
  return (
    <section className="save-bar" aria-label="Save your changes">
      <div className="save-summary">
        <label htmlFor="edit-summary">Edit summary</label>
        <div className="summary-input">
          <input
            id="edit-summary"
            value={summary}
            maxLength={SUMMARY_MAX}
            disabled={!hydrated}
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
        <input
          type="checkbox"
          checked={minor}
          disabled={!hydrated}
          onChange={(event) => onMinor(event.target.checked)}
        />{" "}
        This is a minor edit
      </label>
      {extra}
      <p className="save-terms">By publishing, you agree that your text may be edited and redistributed by others.</p>
      {status ? (
        <div className={`save-status status-${status.kind}`} role={status.kind === "error" ? "alert" : "status"}>
          {status.message}
        </div>
      ) : null}
      <div className="save-actions">
        {(Object.keys(SAVE_KEYS) as SaveAction[]).map((action) => (
          <button
            key={action}
            type="button"
            className={action === "save" ? "editor-button primary" : "editor-button"}
            onClick={actions[action].run}
            disabled={saving || !hydrated}
            title={`${actions[action].title} (${SAVE_KEYS[action]})`}
            aria-keyshortcuts={SAVE_KEYS[action]}
          >
            {actions[action].text}
          </button>
        ))}
        <a className="save-cancel" href={cancelHref}>
          Cancel
        </a>
      </div>
    </section>
  );
}
