import type { CitationPlan, LetteredNote, NumberedReference, SubReference } from "@/lib/document/citations";
import { letterLabel } from "@/lib/document/citations";
import { locatorPlace } from "@/lib/document/extensions/citation";
import { formatDate } from "@/lib/document/format";
import type { Reference } from "@/lib/document/model";
import { isSafeHttpUrl } from "@/lib/document/url";
import { renderRichText } from "./rich-text";
import { SourceLink } from "./source-link";

function Backlinks({ ids, cited = false }: { ids: string[]; cited?: boolean }) {
  // A reference cited only through its locators has no marker of its own to jump up to.
  if (ids.length === 0) return cited ? null : <span className="backlinks">^ (not cited)</span>;
  if (ids.length === 1) {
    return (
      <span className="backlinks">
        <a href={`#${ids[0]}`} aria-label="Jump up to the citation">
          ^
        </a>
      </span>
    );
  }
  // One hidden label for the list, and plain letters styled by CSS: this markup repeats for every citation of a long article.
  return (
    <span className="backlinks">
      <span className="visually-hidden">Jump up to citations: </span>^{" "}
      {ids.flatMap((id, index) => {
        const link = (
          <a key={id} href={`#${id}`}>
            {letterLabel(index)}
          </a>
        );
        return index ? [" ", link] : [link];
      })}
    </span>
  );
}

function ExternalLink({ href, children }: { href?: string; children: React.ReactNode }) {
  return isSafeHttpUrl(href) ? (
    <a className="external" href={href} rel="nofollow">
      {children}
    </a>
  ) : (
    children
  );
}

/** Double quotes inside a quoted title become single ones, as citation styles do. */
function quotableTitle(title: string): string {
  return title
    .replace(/“/g, "‘")
    .replace(/”/g, "’")
    .replace(/"([^"]*)"/g, "‘$1’");
}

/** A reference formatted in the familiar citation style: authors (date). "Title". Work. Retrieved … */
export function Citation({ reference }: { reference: Reference }) {
  const authors = reference.authors?.length ? reference.authors.join("; ") : null;
  const titleHref = reference.archiveUrl ?? reference.url;
  return (
    <cite className="citation-text">
      {authors ? (
        <>
          {authors}
          {reference.date ? ` (${formatDate(reference.date)})` : ""}.{" "}
        </>
      ) : null}
      <ExternalLink href={titleHref}>&quot;{quotableTitle(reference.title)}&quot;</ExternalLink>
      {reference.language ? <span className="citation-language"> (in {reference.language})</span> : null}.
      {reference.work ? (
        <>
          {" "}
          <i>{reference.work}</i>.
        </>
      ) : null}
      {reference.publisher ? ` ${reference.publisher}.` : ""}
      {!authors && reference.date ? ` ${formatDate(reference.date)}.` : ""}
      {reference.archiveUrl ? (
        <>
          {" "}
          Archived from <ExternalLink href={reference.url}>the original</ExternalLink>
          {reference.archiveDate ? ` on ${formatDate(reference.archiveDate)}` : ""}.
        </>
      ) : null}
      {reference.accessDate ? ` Retrieved ${formatDate(reference.accessDate)}.` : ""}
      {reference.quote ? <q className="citation-quote"> {reference.quote}</q> : null}
    </cite>
  );
}

/** A locator as the sub-reference shows it: "p. 12", "pp. 12–14", "at ch. 3", then the quotation. */
function LocatorText({ sub }: { sub: SubReference }) {
  const place = locatorPlace(sub.locator);
  const quote = sub.locator.quote;
  return (
    <span className="sub-reference-text">
      {place}
      {place && quote ? ": " : null}
      {quote ? <q className="citation-quote">{quote}</q> : null}
    </span>
  );
}

/**
 * One entry of the numbered reference list, with "^ a b c" backlinks to every
 * place the reference is cited; its cited locators are listed beneath it as
 * n.1, n.2 (Wikipedia's sub-referencing), each with backlinks to its markers.
 * `index` is its place in the list (a `value` is given when its number is not that).
 */
export function ReferenceItem({ entry, index }: { entry: NumberedReference; index: number }) {
  return (
    <li id={`cite_note-${entry.reference.key}`} value={entry.number === index + 1 ? undefined : entry.number}>
      <Backlinks ids={entry.citationIds} cited={entry.subReferences.length > 0} />{" "}
      <Citation reference={entry.reference} />
      <SourceLink reference={entry.reference} />
      {entry.subReferences.length ? (
        <ol className="sub-reference-list" aria-label={`Places cited in reference ${entry.number}`}>
          {entry.subReferences.map((sub) => (
            <li key={sub.id} id={sub.id}>
              <span className="sub-reference-label">{sub.label}</span> <Backlinks ids={sub.citationIds} />{" "}
              <LocatorText sub={sub} />
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
}

/** One note of the lettered notes list; its own citations link into the reference list. */
export function NoteItem({ note, plan }: { note: LetteredNote; plan: CitationPlan }) {
  return (
    <li id={note.noteId}>
      <span className="backlinks">
        <a href={`#${note.anchorId}`} aria-label="Jump up to the note">
          ^
        </a>
      </span>{" "}
      {renderRichText({ type: "doc", content: [{ type: "paragraph", content: note.content }] }, plan, {
        inline: true,
      })}
    </li>
  );
}

/** The "Notes" or "References" section around its entries (`NoteItem`s or `ReferenceItem`s, or their HTML). */
export function ListSection({
  kind,
  anchor,
  children,
}: {
  kind: "notes" | "references";
  anchor: string;
  children?: React.ReactNode;
}) {
  return (
    <section className={`section section-level-2 ${kind}`}>
      <h2 id={anchor}>{kind === "notes" ? "Notes" : "References"}</h2>
      <ol className={kind === "notes" ? "note-list" : "reference-list"}>{children}</ol>
    </section>
  );
}
