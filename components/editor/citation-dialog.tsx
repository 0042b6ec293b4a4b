"use client";

import { useId, useMemo, useRef, useState } from "react";
import {
  type CitationLocator,
  LOCATOR_FIELDS,
  LOCATOR_LIMITS,
  type LocatorField,
  locatorProblem,
} from "@/lib/document/extensions/citation";
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

/** What the locator fields hold, as typed. */
export type LocatorValues = Record<LocatorField, string>;

/**
 * The typed locator as a citation carries it: each field on one line with
 * runs of spaces as one, trimmed, empty ones left out; or the problems by
 * field (the validator's own rule, so the dialog refuses what the server would).
 */
export function locatorFromValues(values: LocatorValues): {
  locator: CitationLocator;
  problems: Partial<Record<LocatorField, string>>;
} {
  const locator: CitationLocator = {};
  const problems: Partial<Record<LocatorField, string>> = {};
  for (const field of LOCATOR_FIELDS) {
    const value = values[field].replace(/\s+/g, " ").trim();
    if (!value) continue;
    const problem = locatorProblem(field, value);
    if (problem) problems[field] = problem;
    else locator[field] = value;
  }
  return { locator, problems };
}

const LOCATOR_LABELS: Record<LocatorField, { label: string; hint: string }> = {
  pages: { label: "Pages", hint: "e.g. 12 or 12–14" },
  at: { label: "At", hint: "a section, chapter or time: “ch. 3”, “01:23:45”" },
  quote: { label: "Quote", hint: "a short quotation supporting the claim" },
};

/**
 * The place in the source a citation points at (Wikipedia's sub-referencing):
 * citations of one reference at different pages are listed beneath it as
 * 1.1, 1.2 instead of duplicating it.
 */
function LocatorFields({
  values,
  problems,
  onChange,
  fieldRef,
}: {
  values: LocatorValues;
  problems: Partial<Record<LocatorField, string>>;
  onChange: (values: LocatorValues) => void;
  fieldRef: (field: LocatorField, element: HTMLInputElement | null) => void;
}) {
  const id = useId();
  return (
    <fieldset className="citation-locator">
      <legend>Where in the source (optional)</legend>
      <div className="citation-locator-grid">
        {LOCATOR_FIELDS.map((field) => {
          const fieldId = `${id}-${field}`;
          const problem = problems[field];
          return (
            <div key={field} className={`reference-field${field === "quote" ? " wide" : ""}`}>
              <label htmlFor={fieldId}>{LOCATOR_LABELS[field].label}</label>
              <input
                ref={(element) => fieldRef(field, element)}
                id={fieldId}
                name={field}
                type="text"
                autoComplete="off"
                maxLength={LOCATOR_LIMITS[field]}
                value={values[field]}
                aria-invalid={problem ? true : undefined}
                aria-describedby={`${fieldId}-${problem ? "problem" : "hint"}`}
                onChange={(event) => onChange({ ...values, [field]: event.target.value })}
              />
              {problem ? (
                <span className="field-problem" id={`${fieldId}-problem`} role="alert">
                  {problem}
                </span>
              ) : (
                <span className="field-hint" id={`${fieldId}-hint`}>
                  {LOCATOR_LABELS[field].hint}
                </span>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The "Insert citation" dialog: find an existing reference (cite it again, so
 * it is listed once with several backlinks) or describe a new one, with an
 * optional place in it (pages, at, quote). Opened on a selected citation, it
 * edits that citation's place instead.
 */
export function CitationDialog({
  references,
  numberOf,
  editing = null,
  onCite,
  onCreate,
  onUpdate,
  onClose,
}: {
  references: Reference[];
  /** the [n] of references the draft already cites */
  numberOf: Map<string, number>;
  /** the selected citation whose place is being edited, if any */
  editing?: { refKey: string; locator: CitationLocator } | null;
  onCite: (key: string, locator: CitationLocator) => void;
  onCreate: (fields: ReferenceFields, locator: CitationLocator) => void;
  onUpdate?: (locator: CitationLocator) => void;
  onClose: () => void;
}) {
  const [tab, setTab] = useState<"existing" | "new">(references.length ? "existing" : "new");
  const [query, setQuery] = useState("");
  const results = useMemo(() => searchReferences(references, query), [references, query]);
  const [locatorValues, setLocatorValues] = useState<LocatorValues>(() => ({
    pages: editing?.locator.pages ?? "",
    at: editing?.locator.at ?? "",
    quote: editing?.locator.quote ?? "",
  }));
  const [locatorProblems, setLocatorProblems] = useState<Partial<Record<LocatorField, string>>>({});
  const locatorInputs = useRef(new Map<LocatorField, HTMLInputElement>());
  const fieldRef = (field: LocatorField, element: HTMLInputElement | null) => {
    if (element) locatorInputs.current.set(field, element);
    else locatorInputs.current.delete(field);
  };
  /** Runs `use` with the typed locator, or shows what is wrong with it and focuses the first such field. */
  const withLocator = (use: (locator: CitationLocator) => void) => {
    const { locator, problems } = locatorFromValues(locatorValues);
    setLocatorProblems(problems);
    const first = LOCATOR_FIELDS.find((field) => problems[field]);
    if (first) return locatorInputs.current.get(first)?.focus();
    use(locator);
  };
  const locatorFields = (
    <LocatorFields
      values={locatorValues}
      problems={locatorProblems}
      onChange={(values) => {
        setLocatorValues(values);
        // A field's problem goes once it is edited; the next attempt checks again.
        setLocatorProblems((current) =>
          Object.fromEntries(
            Object.entries(current).filter(
              ([field]) => values[field as LocatorField] === locatorValues[field as LocatorField],
            ),
          ),
        );
      }}
      fieldRef={fieldRef}
    />
  );

  if (editing) {
    const reference = references.find((candidate) => candidate.key === editing.refKey);
    return (
      <Dialog title="Edit citation" onClose={onClose} className="citation-dialog">
        <form
          className="dialog-panel"
          onSubmit={(event) => {
            event.preventDefault();
            withLocator((locator) => onUpdate?.(locator));
          }}
        >
          <p className="citation-editing">
            Citing <strong>{reference?.title ?? editing.refKey}</strong>
            {numberOf.has(editing.refKey) ? ` [${numberOf.get(editing.refKey)}]` : ""}
          </p>
          {locatorFields}
          <div className="reference-form-actions">
            <button type="submit" className="editor-button primary">
              Update citation
            </button>
            <button type="button" className="editor-button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      </Dialog>
    );
  }

  return (
    <Dialog title="Insert citation" onClose={onClose} className="citation-dialog">
      <div className="dialog-panel citation-locator-panel">{locatorFields}</div>
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
                withLocator((locator) => onCite(results[0].key, locator));
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
                  <button
                    type="button"
                    onClick={() => withLocator((locator) => onCite(reference.key, locator))}
                    aria-label={`Cite “${reference.title}”`}
                  >
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
            onSubmit={(fields) => withLocator((locator) => onCreate(fields, locator))}
            onCancel={onClose}
            autoFocus
          />
        </div>
      )}
    </Dialog>
  );
}
