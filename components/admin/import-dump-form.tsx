"use client";

import { useState, type FormEvent } from "react";
import { DUMP_UPLOAD_LIMITS, type TDumpImportResponse } from "@/lib/contracts/import";
import { Counts } from "./import-form";
import { SubmitAndError } from "../ui/reason-and-save";

const STATUS_WORDS = {
  created: "created",
  updated: "new revisions",
  unchanged: "nothing new",
  skipped: "skipped",
} as const;

/** A dump import's report: totals, then per page its revisions imported and skipped (with why) and its elements. */
export function DumpReportView({ report }: { report: TDumpImportResponse }) {
  const { totals } = report;
  return (
    <section className="import-report" aria-labelledby="dump-report-title">
      <h2 id="dump-report-title">Dump import report{report.sitename ? `: ${report.sitename}` : ""}</h2>
      <p role="status">
        {totals.pages} pages read: {totals.pagesImported} imported, {totals.pagesSkipped} skipped;{" "}
        {totals.revisionsImported} revisions imported, {totals.revisionsSkipped} skipped. Elements of the imported
        articles: {totals.mapped} mapped, {totals.approximated} approximated, {totals.opaque} kept opaque.
      </p>
      {report.warnings.length ? (
        <ul className="import-warnings">
          {report.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <table className="data-table dump-pages">
        <caption>Pages</caption>
        <thead>
          <tr>
            <th scope="col">Page</th>
            <th scope="col">Result</th>
            <th scope="col">Revisions imported</th>
            <th scope="col">Revisions skipped</th>
          </tr>
        </thead>
        <tbody>
          {report.pages.map((page, index) => (
            <tr key={`${index}-${page.title}`}>
              <th scope="row">
                {page.slug && page.status !== "skipped" ? (
                  <a href={`/wiki/${encodeURIComponent(page.slug)}/history`}>{page.title}</a>
                ) : (
                  page.title
                )}
              </th>
              <td>{STATUS_WORDS[page.status]}</td>
              <td>{page.revisions.imported}</td>
              <td>
                {page.revisions.skipped}
                {Object.keys(page.skipped).length ? (
                  <ul className="dump-skipped">
                    {Object.entries(page.skipped).map(([reason, n]) => (
                      <li key={reason}>
                        {n}: {reason}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.pagesNotListed ? <p>{report.pagesNotListed} more pages are counted above but not listed.</p> : null}
      {report.pages
        .filter((page) => page.report)
        .map((page, index) => (
          <details key={`${index}-${page.title}`} className="dump-page-report">
            <summary>Elements of “{page.title}” (newest imported revision)</summary>
            <div className="import-columns">
              <Counts caption="Mapped" counts={page.report?.mapped ?? {}} />
              <Counts caption="Approximated" counts={page.report?.approximated ?? {}} />
              <Counts caption="Kept opaque" counts={page.report?.opaque ?? {}} />
            </div>
          </details>
        ))}
    </section>
  );
}

/** Upload a MediaWiki XML dump (sent as it is, streamed to the server), read the report. */
export function DumpImportForm() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<TDumpImportResponse | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("dump");
    if (!(file instanceof File) || file.size === 0) return setError("Choose a MediaWiki XML file to import.");
    if (file.size > DUMP_UPLOAD_LIMITS.maxBytes)
      return setError(
        `The file is larger than ${DUMP_UPLOAD_LIMITS.maxBytes / 1024 / 1024} MB; split it, or import it with npm run import on the server.`,
      );
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const response = await fetch("/api/import/dump", {
        method: "POST",
        headers: { "content-type": "application/xml" },
        body: file,
        credentials: "same-origin",
      });
      const payload = await response.json().catch(() => null);
      if (!response.ok) {
        setError(payload?.error?.message ?? `The server answered ${response.status}.`);
        if (payload?.error?.details?.report) setReport(payload.error.details.report);
      } else setReport(payload as TDumpImportResponse);
    } catch {
      setError("Could not reach the server. Check your connection; importing again is safe.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form className="import-form" onSubmit={submit} aria-labelledby="dump-form-title">
        <h2 id="dump-form-title">Import an XML dump</h2>
        <p>
          A file from Special:Export or dumpBackup.php, with any number of pages and revisions (at most{" "}
          {DUMP_UPLOAD_LIMITS.maxPages.toLocaleString("en")} pages,{" "}
          {DUMP_UPLOAD_LIMITS.maxRevisions.toLocaleString("en")} revisions and{" "}
          {DUMP_UPLOAD_LIMITS.maxBytes / 1024 / 1024} MB here; larger dumps with <code>npm run import -- dump.xml</code>
          ). Articles (namespace 0) are imported with their history: each revision keeps its date, comment and
          contributor, who appears as <code>imported&gt;Name</code> and cannot sign in. Importing the same dump again
          adds nothing.
        </p>
        <label>
          XML dump <input type="file" name="dump" accept=".xml,application/xml,text/xml" required />
        </label>
        <SubmitAndError busy={busy} error={error} label="Upload dump" busyLabel="Uploading…" />
      </form>
      {report ? <DumpReportView report={report} /> : null}
    </>
  );
}
