"use client";

import { useState } from "react";
import type { Reference } from "@/lib/document/model";
import { lazyComponent } from "@/components/ui/lazy";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ReferenceFields } from "./reference-form";

// The form opens on "Edit": it loads then, not with the editor (issue 19).
const ReferenceForm = lazyComponent(() => import("./reference-form").then((module) => module.ReferenceForm));

/** One reference the draft cites, with its number and how often the draft cites it. */
export interface CitedReference {
  number: number;
  reference: Reference;
  uses: number;
  /** changed in this draft (new or edited) */
  changed: boolean;
}

/**
 * The references the draft cites. Editing one changes it everywhere it is
 * cited, since citations point at its key.
 */
export function ReferencesPanel({
  cited,
  onUpdate,
}: {
  cited: CitedReference[];
  onUpdate: (key: string, fields: ReferenceFields) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  // Rendered on the server with the editor's frame: its buttons work once the script runs.
  const hydrated = useHydrated();
  return (
    <details className="editor-panel references-panel">
      <summary>
        <span className="panel-title">References</span>{" "}
        <span className="panel-count">{cited.length ? `${cited.length} cited in this text` : "none cited yet"}</span>
      </summary>
      {cited.length === 0 ? (
        <p className="panel-empty">
          Use “Cite” in the toolbar to cite a source; it will be listed here, where you can edit it.
        </p>
      ) : (
        <ol className="references-panel-list">
          {cited.map(({ number, reference, uses, changed }) => (
            <li key={reference.key}>
              <div className="reference-row">
                <span className="reference-number">[{number}]</span>
                <span className="reference-summary">
                  <span className="reference-title">{reference.title}</span>
                  <span className="reference-meta">
                    {[reference.work ?? reference.publisher, reference.date].filter(Boolean).join(" · ")}
                    {uses > 1 ? ` · cited ${uses} times here` : ""}
                    {changed ? <span className="badge">changed</span> : null}
                  </span>
                </span>
                <button
                  type="button"
                  className="editor-button small"
                  aria-expanded={open === reference.key}
                  disabled={!hydrated}
                  aria-label={`Edit reference “${reference.title}”`}
                  onClick={() => setOpen(open === reference.key ? null : reference.key)}
                >
                  {open === reference.key ? "Close" : "Edit"}
                </button>
              </div>
              {open === reference.key ? (
                <ReferenceForm
                  key={JSON.stringify(reference)}
                  initial={reference}
                  submitLabel={uses > 1 ? `Apply to all ${uses} citations` : "Apply"}
                  onSubmit={(fields) => {
                    onUpdate(reference.key, fields);
                    setOpen(null);
                  }}
                  onCancel={() => setOpen(null)}
                  autoFocus
                />
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
