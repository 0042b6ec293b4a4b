"use client";

import { useMemo, useState } from "react";
import type { Reference } from "@/lib/document/model";
import { Dialog } from "./dialog";
import { ReferenceForm, type ReferenceFields } from "./reference-form";

const MAX_RESULTS = 60;

/** References whose title, work, URL, publisher, authors or key contain every word of `query`. */
export function searchReferences(references: Reference[], query: string): Reference[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return references;
  return references.filter((reference) => {
    const haystack = [
      reference.title,
      reference.work,
      reference.url,
      reference.publisher,
      reference.key,
      ...(reference.authors ?? []),
    ]
      .join(" ")
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The "Insert citation" dialog: find an existing reference (cite it again, so
 * it is listed once with several backlinks) or describe a new one.
 */
export function CitationDialog({
  references,
  numberOf,
  onCite,
  onCreate,
  onClose,
}: {
  references: Reference[];
  /** the [n] of references the draft already cites */
  numberOf: Map<string, number>;
  onCite: (key: string) => void;
  onCreate: (fields: ReferenceFields) => void;
  onClose: () => void;
}) {
  const [tab, setTab] = useState<"existing" | "new">(references.length ? "existing" : "new");
  const [query, setQuery] = useState("");
  const results = useMemo(() => searchReferences(references, query), [references, query]);

  return (
    <Dialog title="Insert citation" onClose={onClose} className="citation-dialog">
      <div className="dialog-tabs" role="tablist" aria-label="Reference source">
        <button
          type="button"
          role="tab"
          id="cite-tab-existing"
          aria-selected={tab === "existing"}
          aria-controls="cite-panel-existing"
          onClick={() => setTab("existing")}
        >
          Existing reference
        </button>
        <button
          type="button"
          role="tab"
          id="cite-tab-new"
          aria-selected={tab === "new"}
          aria-controls="cite-panel-new"
          onClick={() => setTab("new")}
        >
          New reference
        </button>
      </div>
      {tab === "existing" ? (
        <div role="tabpanel" id="cite-panel-existing" aria-labelledby="cite-tab-existing" className="dialog-panel">
          <input
            type="search"
            className="dialog-search"
            placeholder="Search by title, work or URL"
            aria-label="Search references"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && results.length === 1) {
                event.preventDefault();
                onCite(results[0].key);
              }
            }}
            data-autofocus=""
          />
          <p className="dialog-count" aria-live="polite">
            {results.length === references.length
              ? `${references.length} references`
              : `${results.length} of ${references.length} references`}
          </p>
          {results.length ? (
            <ul className="reference-results">
              {results.slice(0, MAX_RESULTS).map((reference) => (
                <li key={reference.key}>
                  <button type="button" onClick={() => onCite(reference.key)} aria-label={`Cite “${reference.title}”`}>
                    <span className="result-number">
                      {numberOf.has(reference.key) ? `[${numberOf.get(reference.key)}]` : "new"}
                    </span>
                    <span className="result-main">
                      <span className="result-title">{reference.title}</span>
                      <span className="result-meta">
                        {[reference.work ?? reference.publisher, reference.date, reference.authors?.join("; ")]
                          .filter(Boolean)
                          .join(" · ")}
                      </span>
                      {reference.url ? <span className="result-url">{reference.url}</span> : null}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="dialog-empty">
              No reference matches.{" "}
              <button type="button" className="link-button" onClick={() => setTab("new")}>
                Add a new reference
              </button>
            </p>
          )}
        </div>
      ) : (
        <div role="tabpanel" id="cite-panel-new" aria-labelledby="cite-tab-new" className="dialog-panel">
          <ReferenceForm
            initial={{ accessDate: today() }}
            submitLabel="Insert citation"
            onSubmit={onCreate}
            onCancel={onClose}
            autoFocus
          />
        </div>
      )}
    </Dialog>
  );
}
