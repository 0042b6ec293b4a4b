"use client";

import { useState, type FormEvent } from "react";
import { MAX_IMPORT_WIKITEXT, type TImportResponse } from "@/lib/contracts/import";
import { callApi } from "../ui/api-client";
import { SubmitAndError } from "../ui/reason-and-save";

/** One column of an import report: element kinds and their counts. */
export function Counts({ caption, counts }: { caption: string; counts: Record<string, number> }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return (
    <table className="data-table import-counts">
      <caption>
        {caption}: {total}
      </caption>
      <thead>
        <tr>
          <th scope="col">Element</th>
          <th scope="col">Count</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([kind, n]) => (
          <tr key={kind}>
            <td>{kind}</td>
            <td>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The import report as a reader sees it: what was mapped, approximated and kept opaque, with counts. */
export function ImportReportView({ result }: { result: TImportResponse }) {
  const { report } = result;
  const what =
    result.status === "created"
      ? "Created the article"
      : result.status === "saved"
        ? "Added a new revision to the article"
        : "Nothing changed: the article already has this content";
  return (
    <section className="import-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title">Import report: {report.title}</h2>
      <p role="status">
        {what}. <a href={`/wiki/${encodeURIComponent(result.slug)}`}>Open “{report.title}”</a>
      </p>
      <p>
        {report.refs.tags} ref tags became {report.refs.citations} citations of {report.refs.references} references and{" "}
        {report.refs.notes} notes; infobox parameters mapped: {report.infoboxParams.mapped} of{" "}
        {report.infoboxParams.total}.
      </p>
      {report.warnings.length ? (
        <ul className="import-warnings">
          {report.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <div className="import-columns">
        <Counts caption="Mapped" counts={report.mapped} />
        <Counts caption="Approximated" counts={report.approximated} />
        <Counts caption="Kept opaque" counts={report.opaque} />
      </div>
    </section>
  );
}

/** Paste an article's wikitext, import it under a title, read the report. */
export function ImportForm() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TImportResponse | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const summary = String(form.get("summary") ?? "").trim();
    const response = await callApi<TImportResponse>("POST", "/api/import", {
      title: String(form.get("title") ?? ""),
      wikitext: String(form.get("wikitext") ?? ""),
      ...(summary ? { summary } : {}),
    });
    setBusy(false);
    if (!response.ok || !response.data) return setError(response.error?.message ?? "The import failed.");
    setResult(response.data);
  }

  return (
    <>
      <form className="import-form" onSubmit={submit}>
        <label>
          Title <input name="title" required maxLength={255} autoComplete="off" />
        </label>
        <label>
          Summary <input name="summary" maxLength={500} placeholder="Imported from wikitext" autoComplete="off" />
        </label>
        <label>
          Wikitext
          <textarea name="wikitext" required rows={16} maxLength={MAX_IMPORT_WIKITEXT} spellCheck={false} />
        </label>
        <SubmitAndError busy={busy} error={error} label="Import" busyLabel="Importing…" />
      </form>
      {result ? <ImportReportView result={result} /> : null}
    </>
  );
}
