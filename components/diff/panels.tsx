import { alertAnchor, type AlertPlace, type ReviewAlert } from "@/lib/diff/review-alerts";
import type { ArticleDiff } from "@/lib/diff/types";
import { Citation } from "@/components/article/reference-list";
import { Runs, type ReferenceLookup } from "./tokens-view";

const FIELD_NAMES: Record<string, string> = {
  title: "title",
  url: "URL",
  work: "work",
  publisher: "publisher",
  authors: "authors",
  date: "date",
  accessDate: "access date",
  archiveUrl: "archive URL",
  archiveDate: "archive date",
  language: "language",
  quote: "quote",
};

/** Added, removed and changed references, each change field by field. */
export function ReferencesPanel({ diff, anchors }: { diff: ArticleDiff; anchors?: ReadonlySet<string> }) {
  if (diff.references.length === 0) return null;
  return (
    <section className="diff-panel" aria-labelledby="diff-references">
      <h3 id="diff-references">References ({diff.references.length} changed)</h3>
      <ul className="diff-reference-list">
        {diff.references.map((change) => (
          <li
            key={change.key}
            className={`diff-reference diff-reference-${change.op}`}
            data-ref-key={change.key}
            id={shownAnchor(anchors, { at: "reference", key: change.key })}
          >
            <span className={`diff-badge diff-badge-${change.op}`}>
              {change.op === "added"
                ? "added"
                : change.op === "removed"
                  ? change.stillCitedInFrom
                    ? "no longer cited, dropped"
                    : "removed"
                  : "changed"}
            </span>{" "}
            {change.op === "changed" ? (
              <>
                <Citation reference={change.to} />
                <table className="diff-fields">
                  <tbody>
                    {change.fields.map((field) => (
                      <tr key={field.field}>
                        <th scope="row">{FIELD_NAMES[field.field] ?? field.field}</th>
                        <td>
                          {field.from === null ? (
                            <span className="diff-none">(none)</span>
                          ) : (
                            <del className="diff-del">{field.from}</del>
                          )}
                        </td>
                        <td>
                          {field.to === null ? (
                            <span className="diff-none">(removed)</span>
                          ) : (
                            <ins className="diff-ins">{field.to}</ins>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : change.op === "added" ? (
              <ins className="diff-ins">
                <Citation reference={change.to} />
              </ins>
            ) : (
              <del className="diff-del">
                <Citation reference={change.from} />
              </del>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The infobox's changed cells, each compared word by word. */
export function InfoboxPanel({
  diff,
  lookup,
  anchors,
}: {
  diff: ArticleDiff;
  lookup: ReferenceLookup;
  anchors?: ReadonlySet<string>;
}) {
  if (!diff.infobox) return null;
  const { cells } = diff.infobox;
  return (
    <section className="diff-panel" aria-labelledby="diff-infobox">
      <h3 id="diff-infobox">
        Infobox{" "}
        {diff.infobox.from === null
          ? "(added)"
          : diff.infobox.to === null
            ? "(removed)"
            : `(${cells.length} field${cells.length === 1 ? "" : "s"} changed)`}
      </h3>
      <table className="diff-fields diff-infobox">
        <tbody>
          {cells.map((cell) => (
            <tr
              key={cell.label}
              data-field={cell.label}
              id={shownAnchor(anchors, { at: "infobox", label: cell.label })}
            >
              <th scope="row">{cell.label}</th>
              <td>
                <Runs runs={cell.runs} lookup={lookup} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Notes whose text changed, was added or removed. */
export function NotesPanel({ diff, lookup }: { diff: ArticleDiff; lookup: ReferenceLookup }) {
  if (diff.notes.length === 0) return null;
  return (
    <section className="diff-panel" aria-labelledby="diff-notes">
      <h3 id="diff-notes">Notes</h3>
      <ul className="diff-reference-list">
        {diff.notes.map((note, index) => (
          <li key={index}>
            <span className={`diff-badge diff-badge-${note.op}`}>{note.op}</span>{" "}
            <Runs runs={note.runs} lookup={lookup} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Warnings a reviewer should see: references the change dropped (named by
 * their titles: a reference key is an internal name), citations that point
 * nowhere (which have only their key to show).
 */
export function FlagsPanel({ diff, lookup }: { diff: ArticleDiff; lookup: ReferenceLookup }) {
  const { droppedReferences, danglingCitations } = diff.flags;
  if (!droppedReferences.length && !danglingCitations.length && !diff.coarse) return null;
  return (
    <div className="diff-flags" role="note">
      {droppedReferences.length ? (
        <>
          <p>
            ⚠ This change leaves {droppedReferences.length} reference{droppedReferences.length > 1 ? "s" : ""} uncited,
            so {droppedReferences.length > 1 ? "they were" : "it was"} dropped:
          </p>
          <DroppedReferences titles={droppedReferences.map((key) => lookup(key)?.title ?? key)} />
        </>
      ) : null}
      {danglingCitations.length ? (
        <p>
          ⚠ Citations point at references that do not exist (cited as{" "}
          {danglingCitations.map((key) => `“${key}”`).join(", ")}).
        </p>
      ) : null}
      {diff.coarse ? <p>This diff is large: changed paragraphs are shown whole rather than word by word.</p> : null}
    </div>
  );
}

/** The titles of dropped references: the first few in view, the rest behind a disclosure (a restore can drop dozens). */
function DroppedReferences({ titles }: { titles: string[] }) {
  const shown = 5;
  const list = (items: string[]) => (
    <ul className="diff-dropped-references">
      {items.map((title, index) => (
        <li key={index}>“{title}”</li>
      ))}
    </ul>
  );
  return (
    <>
      {list(titles.slice(0, shown))}
      {titles.length > shown ? (
        <details>
          <summary>{titles.length - shown} more</summary>
          {list(titles.slice(shown))}
        </details>
      ) : null}
    </>
  );
}

/** The id of a place, when a review alert links to it (only those get one, so two diffs on a page rarely clash). */
function shownAnchor(anchors: ReadonlySet<string> | undefined, place: AlertPlace): string | undefined {
  const id = alertAnchor(place);
  return anchors?.has(id) ? id : undefined;
}

/** What each kind of review alert says, by reference title (a key is an internal name) and section title. */
function AlertText({
  alert,
  lookup,
  sections,
}: {
  alert: ReviewAlert;
  lookup: ReferenceLookup;
  sections: (id: string) => string;
}) {
  const title = (key: string) => `“${lookup(key)?.title ?? key}”`;
  switch (alert.kind) {
    case "citation-removed":
      return (
        <>
          <strong>Claim kept, citation removed:</strong> “{alert.claim}” no longer cites {title(alert.refKey)}.
        </>
      );
    case "citation-moved":
      return (
        <>
          <strong>Citation moved to a different claim:</strong> {title(alert.refKey)} now supports “{alert.toClaim}”
          instead of “{alert.fromClaim}”.
        </>
      );
    case "reference-domain-changed":
      return (
        <>
          <strong>Reference URL changed to another site:</strong> {title(alert.refKey)} moved from {alert.fromHost} to{" "}
          {alert.toHost}.
        </>
      );
    case "quote-changed":
      return (
        <>
          <strong>Quote changed inside a quote box</strong>
          {alert.place.at === "block" ? ` in “${sections(alert.place.sectionId)}”` : ""}: a quotation must stay what was
          said.
        </>
      );
    case "source-rated":
      return (
        <>
          <strong>Adds a citation to a {alert.status} source:</strong> {title(alert.refKey)} cites {alert.domain} (
          {alert.reason}
          {alert.status === "blacklisted" ? "; approving it will be refused" : ""}).
        </>
      );
    case "infobox-figure-uncited":
      return (
        <>
          <strong>Infobox figure changed without a citation:</strong> {alert.label}
          {alert.from || alert.to ? ` (${alert.from || "none"} → ${alert.to || "none"})` : ""}.
        </>
      );
  }
}

/**
 * The review alerts at the top of a diff (lib/diff/review-alerts.ts): edits
 * that weaken an article's sourcing while its text reads the same, each
 * linking to its place below.
 */
export function AlertsPanel({
  alerts,
  lookup,
  sections,
}: {
  alerts: ReviewAlert[];
  lookup: ReferenceLookup;
  sections: (id: string) => string;
}) {
  if (alerts.length === 0) return null;
  const item = (alert: ReviewAlert, index: number) => (
    <li key={index} data-alert={alert.kind}>
      <AlertText alert={alert} lookup={lookup} sections={sections} /> <a href={`#${alertAnchor(alert.place)}`}>Show</a>
    </li>
  );
  const rest = alerts.slice(ALERTS_SHOWN);
  return (
    <section className="diff-alerts" aria-labelledby="diff-alerts-title">
      <h3 id="diff-alerts-title">Review alerts ({alerts.length})</h3>
      <ul>{alerts.slice(0, ALERTS_SHOWN).map(item)}</ul>
      {rest.length ? (
        <details>
          <summary>
            {rest.length} more {rest.length === 1 ? "alert" : "alerts"}
          </summary>
          <ul>{rest.map((alert, index) => item(alert, ALERTS_SHOWN + index))}</ul>
        </details>
      ) : null}
    </section>
  );
}

/** Alerts listed before the rest fold away: a rewritten article moves thousands of citations at once. */
const ALERTS_SHOWN = 25;
