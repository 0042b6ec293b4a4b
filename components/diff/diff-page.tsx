import { HtmlPage, type Reader } from "@/components/ui/html-page";
import type { RevisionPair } from "@/lib/articles/compare";
import type { RevisionView } from "@/lib/articles/read-article";
import { describeChangeCounts } from "@/lib/diff/change-counts";
import { formatTimestamp } from "@/lib/document/format";
import { diffViewClass } from "./diff-view";
import type { RenderedDiff } from "./render-diff-job";
import type { DiffMode } from "./section-diff-view";

function RevisionCard({ view, label }: { view: RevisionView; label: string }) {
  const slug = encodeURIComponent(view.article.slug);
  return (
    <div className="diff-revision">
      <div className="diff-revision-label">{label}</div>
      <a href={`/wiki/${slug}?oldid=${view.revision.id}`}>Revision as of {formatTimestamp(view.revision.createdAt)}</a>
      {view.isCurrent ? <span className="diff-current"> (current)</span> : null}
      <div>
        <a href={`/user/${encodeURIComponent(view.revision.author.name)}`}>{view.revision.author.name}</a>
        {view.revision.approvedBy ? (
          <span className="diff-tag-approved"> · approved by {view.revision.approvedBy.name}</span>
        ) : null}
        {view.revision.minor ? <span className="diff-minor"> · minor</span> : null}
      </div>
      <div className="summary">{view.revision.summary || "(no summary)"}</div>
      <div className="diff-size">{view.revision.sizeBytes.toLocaleString("en")} bytes</div>
    </div>
  );
}

/**
 * The full diff page of two revisions with navigation and the mode switch.
 * The diff itself comes rendered (renderDiffOffThread): react-dom's own
 * output for DiffViewContent from the two revisions' JSON, so every user
 * string in it was escaped by React (README, architecture: the article body
 * from the render cache is the other such splice).
 */
export function DiffPage(props: {
  comparison: RevisionPair;
  rendered: RenderedDiff;
  mode: DiffMode;
  reader: Reader | null;
  /** for patrollers, when the newer revision awaits patrol: the page that marks it (this page runs no script) */
  patrolLink?: string | null;
}) {
  const { comparison, rendered, mode, reader } = props;
  const { from, to, article } = comparison;
  const { counts } = rendered;
  const slug = encodeURIComponent(article.slug);
  const link = (fromId: number, toId: number, linkMode: DiffMode = mode) =>
    `/wiki/${slug}/diff?from=${fromId}&to=${toId}${linkMode === "side-by-side" ? "&mode=side-by-side" : ""}`;
  return (
    <HtmlPage title={`${article.title}: difference between revisions`} reader={reader}>
      <div className="content-page wide diff-page">
        <h1 className="page-title">{article.title}: difference between revisions</h1>
        <nav className="diff-nav" aria-label="Diff navigation">
          <a href={`/wiki/${slug}`}>Article</a> · <a href={`/wiki/${slug}/history`}>History</a> ·{" "}
          <span className="diff-mode-switch">
            {mode === "inline" ? <b>Inline</b> : <a href={link(from.revision.id, to.revision.id, "inline")}>Inline</a>}{" "}
            |{" "}
            {mode === "side-by-side" ? (
              <b>Side by side</b>
            ) : (
              <a href={link(from.revision.id, to.revision.id, "side-by-side")}>Side by side</a>
            )}
          </span>
        </nav>
        <div className="diff-header">
          <div>
            <RevisionCard view={from} label="Older revision" />
            {comparison.olderId ? (
              <a className="diff-step" href={link(comparison.olderId, from.revision.id)}>
                ← Older edit
              </a>
            ) : null}
          </div>
          <div>
            <RevisionCard view={to} label="Newer revision" />
            {comparison.newerId ? (
              <a className="diff-step" href={link(to.revision.id, comparison.newerId)}>
                Newer edit →
              </a>
            ) : null}
          </div>
        </div>
        <p className="diff-stats">
          {describeChangeCounts(counts).join(" · ")}
          {/* Words of prose only: an edit of the infobox or references alone shows no "+0 words". */}
          {counts.wordsInserted || counts.wordsDeleted ? (
            <>
              {" "}
              · <ins className="diff-ins">+{counts.wordsInserted.toLocaleString("en")} words</ins> ·{" "}
              <del className="diff-del">−{counts.wordsDeleted.toLocaleString("en")} words</del>
            </>
          ) : null}
        </p>
        {props.patrolLink ? (
          <p className="diff-patrol">
            <abbr className="unpatrolled" title="This edit has not yet been patrolled">
              !
            </abbr>{" "}
            This edit awaits patrol: <a href={props.patrolLink}>mark as patrolled</a>
          </p>
        ) : null}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: react-dom rendered this HTML on the diff worker, escaping every user string */}
        <div className={diffViewClass(mode)} dangerouslySetInnerHTML={{ __html: rendered.html }} />
      </div>
    </HtmlPage>
  );
}
