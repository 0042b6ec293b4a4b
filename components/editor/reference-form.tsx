"use client";

import { useEffect, useId, useState, type FormEvent } from "react";
import type { Reference } from "@/lib/document/model";
import { isSafeHttpUrl } from "@/lib/document/url";
import { callApi } from "../ui/api-client";

/** A reference's fields without its key (the key is made once and never changes). */
export type ReferenceFields = Omit<Reference, "key">;

type Values = Record<
  | "title"
  | "url"
  | "work"
  | "publisher"
  | "authors"
  | "date"
  | "accessDate"
  | "archiveUrl"
  | "archiveDate"
  | "language",
  string
>;

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const FIELDS: Array<{
  name: keyof Values;
  label: string;
  hint?: string;
  kind?: "url" | "date" | "lines";
  wide?: boolean;
}> = [
  { name: "title", label: "Title", wide: true },
  { name: "url", label: "URL", kind: "url", wide: true },
  { name: "work", label: "Work (newspaper, website)" },
  { name: "publisher", label: "Publisher" },
  { name: "authors", label: "Authors", hint: "One per line, e.g. “Lunde, Paul”", kind: "lines", wide: true },
  { name: "date", label: "Date", hint: "YYYY-MM-DD", kind: "date" },
  { name: "accessDate", label: "Access date", hint: "YYYY-MM-DD", kind: "date" },
  { name: "archiveUrl", label: "Archive URL", kind: "url", wide: true },
  { name: "archiveDate", label: "Archive date", hint: "YYYY-MM-DD", kind: "date" },
  { name: "language", label: "Language", hint: "If not English" },
];

function valuesOf(reference: Partial<ReferenceFields> | undefined): Values {
  return {
    title: reference?.title ?? "",
    url: reference?.url ?? "",
    work: reference?.work ?? "",
    publisher: reference?.publisher ?? "",
    authors: (reference?.authors ?? []).join("\n"),
    date: reference?.date ?? "",
    accessDate: reference?.accessDate ?? "",
    archiveUrl: reference?.archiveUrl ?? "",
    archiveDate: reference?.archiveDate ?? "",
    language: reference?.language ?? "",
  };
}

/** Problems with the values, by field; the server checks again. */
export function referenceProblems(values: Values): Partial<Record<keyof Values, string>> {
  const problems: Partial<Record<keyof Values, string>> = {};
  if (!values.title.trim()) problems.title = "A reference needs a title.";
  for (const field of FIELDS) {
    const value = values[field.name].trim();
    if (!value) continue;
    if (field.kind === "url" && !isSafeHttpUrl(value))
      problems[field.name] = "Use a full web address starting with http:// or https://.";
    if (field.kind === "date" && !ISO_DATE.test(value))
      problems[field.name] = "Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY).";
  }
  return problems;
}

function fieldsOf(values: Values, keep: Partial<ReferenceFields>): ReferenceFields {
  const text = (value: string) => value.trim() || undefined;
  const authors = values.authors
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const fields: ReferenceFields = {
    title: values.title.trim(),
    url: text(values.url),
    work: text(values.work),
    publisher: text(values.publisher),
    authors: authors.length ? authors : undefined,
    date: text(values.date),
    accessDate: text(values.accessDate),
    archiveUrl: text(values.archiveUrl),
    archiveDate: text(values.archiveDate),
    language: text(values.language),
    quote: keep.quote,
  };
  // Absent rather than undefined, so an unchanged reference compares equal to the stored one.
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as ReferenceFields;
}

/** The form for a new reference or for editing one; validates before calling `onSubmit`. */
export function ReferenceForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus = false,
}: {
  initial?: Partial<ReferenceFields>;
  autoFocus?: boolean;
  submitLabel: string;
  onSubmit: (fields: ReferenceFields) => void;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const [problems, setProblems] = useState<Partial<Record<keyof Values, string>>>({});
  const id = useId();
  const source = useSourceHelp(values.url);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    event.stopPropagation();
    const found = referenceProblems(values);
    setProblems(found);
    if (Object.keys(found).length) {
      document.getElementById(`${id}-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    onSubmit(fieldsOf(values, initial ?? {}));
  }

  return (
    <form className="reference-form" onSubmit={submit} noValidate>
      <div className="reference-form-grid">
        {FIELDS.map((field) => {
          const fieldId = `${id}-${field.name}`;
          const problem = problems[field.name];
          const common = {
            id: fieldId,
            name: field.name,
            value: values[field.name],
            "aria-invalid": problem ? true : undefined,
            "aria-describedby": problem ? `${fieldId}-problem` : field.hint ? `${fieldId}-hint` : undefined,
            onChange: (event: { target: { value: string } }) =>
              setValues((current) => ({ ...current, [field.name]: event.target.value })),
          };
          return (
            <div key={field.name} className={`reference-field${field.wide ? " wide" : ""}`}>
              <label htmlFor={fieldId}>
                {field.label}
                {field.name === "title" ? <span className="required"> (required)</span> : null}
              </label>
              {field.kind === "lines" ? (
                <textarea {...common} rows={2} />
              ) : (
                <input
                  {...common}
                  type={field.kind === "url" ? "url" : "text"}
                  inputMode={field.kind === "date" ? "numeric" : undefined}
                  placeholder={field.kind === "url" ? "https://" : field.kind === "date" ? field.hint : undefined}
                  autoComplete="off"
                  autoFocus={field.name === "title" && autoFocus}
                />
              )}
              {field.name === "url" ? (
                <SourceHelp
                  help={source}
                  onUse={(found) => setValues((current) => ({ ...current, ...valuesFromFound(found) }))}
                />
              ) : null}
              {problem ? (
                <span className="field-problem" id={`${fieldId}-problem`} role="alert">
                  {problem}
                </span>
              ) : field.hint && field.kind !== "date" ? (
                <span className="field-hint" id={`${fieldId}-hint`}>
                  {field.hint}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="reference-form-actions">
        <button type="submit" className="editor-button primary">
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="editor-button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** What the page at a URL says about itself (POST /api/citations/from-url), as the form offers it. */
interface FoundReference {
  reference: Partial<ReferenceFields> & { url: string };
  found: string[];
}

interface Rating {
  domain: string;
  status: string;
  reason: string;
}

/** The found fields as form values: only those the page supplied, plus its address and today's access date. */
function valuesFromFound(found: FoundReference): Partial<Values> {
  const all = valuesOf(found.reference);
  const keys: Array<keyof Values> = [...(found.found as Array<keyof Values>), "url", "accessDate"];
  return Object.fromEntries(keys.filter((key) => key in all && all[key]).map((key) => [key, all[key]]));
}

/**
 * Help with a reference's URL: how the source reliability list rates its
 * site (looked up once the URL is a full address, so a deprecated source is
 * flagged as it is entered), and the server's reading of the page's own
 * metadata, offered for the user to accept, never applied unasked.
 */
function useSourceHelp(url: string) {
  const [rating, setRating] = useState<Rating | null>(null);
  const [found, setFound] = useState<FoundReference | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const trimmed = url.trim();
  useEffect(() => {
    setRating(null);
    setFound(null);
    setError(null);
    if (!isSafeHttpUrl(trimmed)) return;
    let current = true;
    const timer = setTimeout(async () => {
      const answer = await callApi<{ rating: Rating | null }>(
        "GET",
        `/api/sources/reliability?url=${encodeURIComponent(trimmed)}`,
      );
      if (current && answer.ok) setRating(answer.data?.rating ?? null);
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed]);
  async function fill() {
    setBusy(true);
    setError(null);
    const answer = await callApi<FoundReference>("POST", "/api/citations/from-url", { url: trimmed });
    setBusy(false);
    if (!answer.ok || !answer.data) return setError(answer.error?.message ?? "The page could not be read.");
    setFound(answer.data);
  }
  return { url: trimmed, rating, found, error, busy, fill, dismiss: () => setFound(null) };
}

const RATING_WORDS: Record<string, string> = {
  deprecated: "is deprecated on this wiki",
  blacklisted: "is blacklisted: a save that adds this link is refused",
  no_consensus: "has no consensus on its reliability: attribute contested claims",
};

function SourceHelp({
  help,
  onUse,
}: {
  help: ReturnType<typeof useSourceHelp>;
  onUse: (found: FoundReference) => void;
}) {
  const { rating, found, error, busy } = help;
  const usable = isSafeHttpUrl(help.url);
  return (
    <div className="source-help">
      {rating && RATING_WORDS[rating.status] ? (
        <p className={`source-rating source-rating-${rating.status}`} role="status">
          ⚠ {rating.domain} {RATING_WORDS[rating.status]} ({rating.reason}). <a href="/sources/reliability">Why</a>
        </p>
      ) : null}
      <button type="button" className="editor-button" disabled={!usable || busy} onClick={help.fill}>
        {busy ? "Reading the page…" : "Fill from the page"}
      </button>
      {error ? (
        <span className="field-problem" role="alert">
          {error}
        </span>
      ) : null}
      {found ? (
        <div className="source-found" role="group" aria-label="Found on the page">
          {found.found.length ? (
            <>
              <p>The page says:</p>
              <dl>
                {found.found.map((key) => (
                  <div key={key}>
                    <dt>{FIELDS.find((field) => field.name === key)?.label ?? key}</dt>
                    <dd>{String(valuesFromFound(found)[key as keyof Values] ?? "").replace(/\n/g, "; ")}</dd>
                  </div>
                ))}
              </dl>
              <button
                type="button"
                className="editor-button primary"
                onClick={() => {
                  onUse(found);
                  help.dismiss();
                }}
              >
                Use these
              </button>{" "}
            </>
          ) : (
            <p>The page says nothing about itself; fill the fields by hand.</p>
          )}
          <button type="button" className="editor-button" onClick={help.dismiss}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
