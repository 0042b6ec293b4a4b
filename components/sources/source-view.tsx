import type { TSourceFixRow } from "@/lib/contracts/sources";
import { formatTimestamp } from "@/lib/document/format";
import { SOURCE_STATUS_NAMES, type ListedStatus } from "@/lib/sources/domains";
import type { SourceCitation, FieldVariant, SourceField } from "@/lib/sources/source-index";
import { SOURCE_FIELD_NAMES, SOURCE_FIELDS } from "@/lib/sources/source-index";
import { HtmlPage, type Reader } from "../ui/html-page";

const articleHref = (slug: string) => `/wiki/${encodeURIComponent(slug)}`;
const referenceHref = (slug: string, refKey: string, revisionId?: number) =>
  `${articleHref(slug)}${revisionId ? `?oldid=${revisionId}` : ""}#cite_note-${encodeURIComponent(refKey)}`;

const OUTCOME_WORDS: Record<TSourceFixRow["outcome"], string> = {
  edited: "Edited",
  proposed: "Proposed for review",
  refused: "Refused",
  skipped: "Skipped",
  "not-reached": "Not reached",
};

/** Field inputs of the fix form: empty keeps each article's own value; the most used value is the placeholder. */
const INPUT_TYPES: Partial<Record<SourceField, string>> = { url: "url", archiveUrl: "url" };

/**
 * The "fix once" form: a plain HTML form (works without script) posted to
 * /sources/{id}/fix, answered with a 303 to this page and the fix's report.
 */
export function SourceFixForm(props: {
  sourceId: string;
  variants: Record<SourceField, FieldVariant[]> | null;
  fields?: Record<string, string>;
  error?: string | null;
  /** how many articles cite the source (unknown on the refusal page) */
  articles?: number;
  /** lib/authz sourceFixReach: "propose" when the viewer's fix goes to review on every article */
  reach?: "edit" | "propose";
}) {
  return (
    <form className="form source-fix-form" method="post" action={`/sources/${props.sourceId}/fix`}>
      <h2 id="fix-heading">Fix once</h2>
      <p className="page-intro">
        Correct this source's details once: each
        {props.articles === undefined ? "" : ` of the ${props.articles} article${props.articles === 1 ? "" : "s"}`}{" "}
        citing it gets{" "}
        {props.reach === "propose"
          ? "a proposal for review: a fix changes many articles at once, so until your account is extended-confirmed a reviewer checks each one."
          : "one edit, or one proposal for review where its protection requires."}{" "}
        Leave a field empty to keep each article's own value. At most 50 articles are changed per fix.
      </p>
      {props.error ? (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      ) : null}
      <div className="source-fix-fields">
        {SOURCE_FIELDS.map((field) => {
          const common = props.variants?.[field].find((variant) => variant.value)?.value ?? "";
          return (
            <label key={field} htmlFor={`fix-${field}`}>
              {SOURCE_FIELD_NAMES[field]}
              {field === "authors" ? " (separated by ;)" : ""}
              {/date/i.test(field) ? " (YYYY-MM-DD)" : ""}
              <input
                id={`fix-${field}`}
                name={field}
                type={INPUT_TYPES[field] ?? "text"}
                defaultValue={props.fields?.[field] ?? ""}
                placeholder={common}
                autoComplete="off"
                maxLength={field === "url" || field === "archiveUrl" ? 2048 : 1000}
              />
            </label>
          );
        })}
      </div>
      <button type="submit" className="button-primary">
        Correct every article
      </button>
    </form>
  );
}

/** What one fix did, article by article. */
export function SourceFixReport({ rows, createdAt }: { rows: TSourceFixRow[]; createdAt: Date }) {
  const count = (outcome: TSourceFixRow["outcome"]) => rows.filter((row) => row.outcome === outcome).length;
  return (
    <section className="notice source-fix-report" role="status" aria-labelledby="fix-report-heading">
      <h2 id="fix-report-heading">Your fix of {formatTimestamp(createdAt)}</h2>
      <p>
        {count("edited")} edited, {count("proposed")} proposed for review, {count("refused")} refused,{" "}
        {count("skipped")} skipped{count("not-reached") ? `, ${count("not-reached")} not reached` : ""}.
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">What happened</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug} data-outcome={row.outcome}>
              <td>
                <a href={articleHref(row.slug)}>{row.title}</a>
              </td>
              <td>
                {OUTCOME_WORDS[row.outcome]}
                {row.outcome === "edited" && row.revisionId ? (
                  <>
                    {": "}
                    <a href={`${articleHref(row.slug)}/diff?to=${row.revisionId}`}>revision {row.revisionId}</a>
                  </>
                ) : null}
                {row.outcome === "proposed" && row.proposalId ? (
                  <>
                    {": "}
                    <a href={`/proposals/${row.proposalId}`}>proposal {row.proposalId}</a>
                  </>
                ) : null}
                {row.reason ? <span className="summary"> ({row.reason})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The source page's body: who cites it, the variants of its metadata, its rating. */
/** Citing references shown per page of /sources/{id} (the variants are computed over all of them). */
export const SOURCE_ROWS_PER_PAGE = 100;
/** Values of one field listed; the rest are counted. */
const VARIANTS_SHOWN = 8;

export function SourceView(props: {
  label: string;
  kindName: string;
  /** the address of this page, for the page links */
  href?: string;
  /** which page of the citing references to show, from 1 */
  page?: number;
  citations: SourceCitation[];
  total: number;
  variants: Record<SourceField, FieldVariant[]>;
  rating: { domain: string; status: ListedStatus; reason: string } | null;
  fixes: Array<{ id: number; createdAt: Date; actor: string | null; changes: Record<string, unknown> }>;
}) {
  const articles = new Set(props.citations.map((citation) => citation.articleId)).size;
  const title = props.variants.title[0]?.value ?? props.label;
  const pages = Math.max(1, Math.ceil(props.citations.length / SOURCE_ROWS_PER_PAGE));
  const page = Math.min(Math.max(1, props.page ?? 1), pages);
  const shown = props.citations.slice((page - 1) * SOURCE_ROWS_PER_PAGE, page * SOURCE_ROWS_PER_PAGE);
  const pageHref = (n: number) => `${props.href ?? ""}${n > 1 ? `?page=${n}` : ""}#citing-heading`;
  return (
    <>
      <h1 className="page-title">{title}</h1>
      <p className="page-intro">
        {props.kindName} <code className="source-key">{props.label}</code>, cited in {articles} article
        {articles === 1 ? "" : "s"}
        {props.total > props.citations.length ? ` (the first ${props.citations.length} references shown)` : ""}.{" "}
        <a href="/sources/reliability">Source reliability</a>.
      </p>
      <p className="source-rating">
        Reliability:{" "}
        {props.rating ? (
          <>
            <b>{props.rating.domain}</b> is <b>{SOURCE_STATUS_NAMES[props.rating.status]}</b> ({props.rating.reason})
          </>
        ) : (
          "its site is not on the reliability list"
        )}
        .
      </p>
      <h2 id="citing-heading">Articles citing it</h2>
      <table className="data-table sources-citing" aria-labelledby="citing-heading">
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Reference</th>
            <th scope="col">Revision</th>
            <th scope="col">Title as cited</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((citation) => (
            <tr key={`${citation.articleId}:${citation.refKey}`} data-article={citation.slug}>
              <td>
                <a href={articleHref(citation.slug)}>{citation.title}</a>
                {citation.protectionLevel !== "none" ? (
                  <span className="muted"> ({citation.protectionLevel})</span>
                ) : null}
              </td>
              <td>
                <a href={referenceHref(citation.slug, citation.refKey)}>{citation.refKey}</a>
              </td>
              <td>
                <a href={referenceHref(citation.slug, citation.refKey, citation.revisionId)}>{citation.revisionId}</a>
              </td>
              <td>{citation.reference.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav className="pager" aria-label="Pages of citing articles">
          {page > 1 ? <a href={pageHref(page - 1)}>Previous {SOURCE_ROWS_PER_PAGE}</a> : null}{" "}
          <span>
            Page {page} of {pages}
          </span>{" "}
          {page < pages ? <a href={pageHref(page + 1)}>Next {SOURCE_ROWS_PER_PAGE}</a> : null}
        </nav>
      ) : null}
      <h2 id="variants-heading">How articles cite it</h2>
      <dl className="source-variants">
        {SOURCE_FIELDS.filter((field) => props.variants[field].some((variant) => variant.value)).map((field) => (
          <div key={field} className="source-variant">
            <dt>{SOURCE_FIELD_NAMES[field]}</dt>
            {props.variants[field].slice(0, VARIANTS_SHOWN).map((variant) => (
              <dd key={variant.value} data-field={field}>
                {variant.value ? <span className="source-value">{variant.value}</span> : <i>(not given)</i>}{" "}
                <span className="muted">
                  — {variant.articles} article{variant.articles === 1 ? "" : "s"}
                  {props.variants[field].length > 1
                    ? `: ${variant.examples.map((example) => example.title).join(", ")}${variant.articles > variant.examples.length ? "…" : ""}`
                    : ""}
                </span>
              </dd>
            ))}
            {props.variants[field].length > VARIANTS_SHOWN ? (
              <dd className="muted">and {props.variants[field].length - VARIANTS_SHOWN} other values</dd>
            ) : null}
          </div>
        ))}
      </dl>
      {props.fixes.length ? (
        <>
          <h2>Fixes</h2>
          <ul className="history-list">
            {props.fixes.map((fix) => (
              <li key={fix.id}>
                {formatTimestamp(fix.createdAt)}{" "}
                {fix.actor ? <a href={`/user/${encodeURIComponent(fix.actor)}`}>{fix.actor}</a> : "(unknown)"} corrected{" "}
                {Object.keys(fix.changes)
                  .map((field) => SOURCE_FIELD_NAMES[field as SourceField]?.toLowerCase() ?? field)
                  .join(", ")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** The no-script fix form's answer when it was refused: the message and the form with the fields as typed. */
export function SourceFixProblemPage(props: {
  sourceId: string;
  reader: Reader | null;
  error: string;
  fields: Record<string, string>;
}) {
  return (
    <HtmlPage title="Fix a source" reader={props.reader}>
      <div className="content-page wide">
        <h1 className="page-title">Fix a source</h1>
        <p className="page-intro">
          <a href={`/sources/${props.sourceId}`}>Back to the source</a>
        </p>
        <SourceFixForm sourceId={props.sourceId} variants={null} fields={props.fields} error={props.error} />
      </div>
    </HtmlPage>
  );
}
