import { PendingChangesMarks } from "@/components/review/pending-changes-marks";
import { HtmlPage, type Reader } from "@/components/ui/html-page";
import type { HistoryPage as HistoryPageData } from "@/lib/articles/history";
import { formatTimestamp } from "@/lib/document/format";

function SizeChange({ change }: { change: number }) {
  const text = `${change > 0 ? "+" : change < 0 ? "−" : ""}${Math.abs(change).toLocaleString("en")}`;
  const big = Math.abs(change) >= 500;
  return (
    <span className={`${change > 0 ? "size-plus" : change < 0 ? "size-minus" : "size-zero"}${big ? " size-big" : ""}`}>
      ({text})
    </span>
  );
}

/**
 * An article's revision history, 50 per page: any two revisions can be
 * compared (a plain GET form, so it works without script), with cur/prev
 * diffs, permalinks, size changes and undo links.
 */
export function HistoryPage(props: {
  page: HistoryPageData;
  cursor: number | null;
  reader: Reader | null;
  /** the accepted and latest revisions while edits await review (pending changes) */
  pending?: { acceptedRevisionId: number; currentRevisionId: number } | null;
  /** the reader may roll back this article (reviewers and admins who may edit it): a link on the current revision */
  rollback?: boolean;
  /** a notice above the list (an administrator reading a deleted article's history is told it is deleted) */
  notice?: string | null;
}) {
  const { page, cursor, reader } = props;
  const { article, revisions } = page;
  const base = `/wiki/${encodeURIComponent(article.slug)}`;
  return (
    <HtmlPage title={`${article.title}: revision history`} reader={reader}>
      <div className="content-page wide">
        <h1 className="page-title">{article.title}: revision history</h1>
        {props.notice ? (
          <div className="notice notice-warning" role="alert">
            {props.notice}
          </div>
        ) : null}
        <p className="history-help">
          Choose two revisions with the radio buttons and press <b>Compare selected revisions</b>, or use <b>cur</b>{" "}
          (against the current revision) and <b>prev</b> (against the one before).{" "}
          <a href={base}>Back to the article</a> · <a href={`${base}/talk`}>Talk page</a> ·{" "}
          <a href={`${base}/log`}>Protection log</a> · <a href={`${base}/history?format=atom`}>Atom feed</a> · Export:{" "}
          <a href={`${base}/export?format=wikitext`}>wikitext</a> ·{" "}
          <a href={`${base}/export?format=xml&history=1`}>MediaWiki XML with history</a>
        </p>
        <form action={`${base}/diff`} method="get" className="history-form">
          <button type="submit" className="button-primary">
            Compare selected revisions
          </button>
          <ul className="history-rows">
            {revisions.map((revision, index) => (
              <li key={revision.id} className="history-row" data-revision-id={revision.id}>
                <span className="history-links">
                  {revision.id === article.currentRevisionId ? (
                    <span className="history-link-disabled">cur</span>
                  ) : (
                    <a href={`${base}/diff?from=${revision.id}&to=${article.currentRevisionId}`}>cur</a>
                  )}{" "}
                  |{" "}
                  {revision.parentId ? (
                    <a href={`${base}/diff?from=${revision.parentId}&to=${revision.id}`}>prev</a>
                  ) : (
                    <span className="history-link-disabled">prev</span>
                  )}
                </span>
                <input
                  type="radio"
                  name="from"
                  value={revision.id}
                  aria-label={`Compare from revision ${revision.id}`}
                  defaultChecked={index === 1 || (revisions.length === 1 && index === 0)}
                />
                <input
                  type="radio"
                  name="to"
                  value={revision.id}
                  aria-label={`Compare to revision ${revision.id}`}
                  defaultChecked={index === 0}
                />
                <a className="history-date" href={`${base}?oldid=${revision.id}`}>
                  {formatTimestamp(revision.createdAt)}
                </a>
                <a className="history-author" href={`/user/${encodeURIComponent(revision.author)}`}>
                  {revision.author}
                </a>
                <span className="history-size">{revision.sizeBytes.toLocaleString("en")} bytes</span>
                <SizeChange change={revision.sizeChange} />
                {revision.minor ? (
                  <abbr className="history-minor" title="This is a minor edit">
                    m
                  </abbr>
                ) : null}
                {revision.summary ? <span className="summary">({revision.summary})</span> : null}
                {revision.approvedBy ? (
                  <span className="history-tag">
                    {revision.amendedByApprover ? "amended and approved" : "approved"} by {revision.approvedBy}
                  </span>
                ) : null}
                <PendingChangesMarks revision={revision} pending={props.pending ?? null} />
                {revision.parentId ? (
                  <span className="history-undo">
                    (<a href={`${base}/revert?revision=${revision.id}&mode=undo`}>undo</a>)
                  </span>
                ) : null}
                {props.rollback && revision.parentId && revision.id === article.currentRevisionId ? (
                  <span className="history-undo">
                    (<a href={`${base}/rollback?head=${revision.id}`}>rollback</a>)
                  </span>
                ) : null}
                {/* As on Wikipedia: the action in parentheses, the tags after a label, so an "undo" link and an "undo" tag never read as one word twice. */}
                {revision.tags.length ? (
                  <span className="history-tags">
                    {revision.tags.length === 1 ? "Tag:" : "Tags:"}{" "}
                    {revision.tags.map((tag) => (
                      <span key={tag} className="history-tag">
                        {tag}
                      </span>
                    ))}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          {revisions.length > 1 ? (
            <button type="submit" className="button-primary">
              Compare selected revisions
            </button>
          ) : null}
        </form>
        <nav className="history-pages" aria-label="History pages">
          {cursor ? <a href={`${base}/history`}>Newest</a> : <span>Newest</span>} ·{" "}
          {page.nextCursor ? (
            <a href={`${base}/history?cursor=${page.nextCursor}`}>Older 50 →</a>
          ) : (
            <span>Oldest reached</span>
          )}
        </nav>
      </div>
    </HtmlPage>
  );
}
