"use client";

import type { Reference } from "@/lib/document/model";
import type { CitationRemoval } from "./citation-removals";

/**
 * The polite report of citations just removed from the text, each with an
 * Undo that puts it back where it was. The live region is always in the page
 * (empty when there is nothing to say), so screen readers announce each
 * report as it appears.
 */
export function CitationRemovedNotice({
  removals,
  referenceOf,
  onUndo,
  onDismiss,
}: {
  removals: CitationRemoval[];
  referenceOf: (key: string) => Reference | undefined;
  onUndo: (id: number) => void;
  onDismiss: () => void;
}) {
  return (
    <div className="citation-removed" role="status">
      {removals.length ? (
        <>
          <ul>
            {removals.map((removal) => {
              const label = removal.number === null ? "Citation" : `Citation [${removal.number}]`;
              const title = referenceOf(removal.refKey)?.title ?? removal.refKey;
              return (
                <li key={removal.id} data-ref-key={removal.refKey}>
                  {label} to “{title}” removed —{" "}
                  <button
                    type="button"
                    className="editor-button small"
                    aria-label={`Undo: put back ${label.toLowerCase()} to “${title}”`}
                    onClick={() => onUndo(removal.id)}
                  >
                    Undo
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="editor-button small quiet" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      ) : null}
    </div>
  );
}
