import type { ArticleContent, Reference } from "@/lib/document/model";
import type { ArticleDiff, SectionDiff } from "@/lib/diff/types";
import { alertAnchor, reviewAlerts, type UrlRating } from "@/lib/diff/review-alerts";
import { AlertsPanel, FlagsPanel, InfoboxPanel, NotesPanel, ReferencesPanel } from "./panels";
import { SectionDiffView, type BlockAside, type DiffMode } from "./section-diff-view";
import { Tokens } from "./tokens-view";
import { blockTokens } from "@/lib/diff/tokens";

function isQuiet(section: SectionDiff): boolean {
  return section.status === "unchanged" && !section.renamed && !section.relevelled && !section.moved;
}

export interface DiffViewProps {
  diff: ArticleDiff;
  from: ArticleContent;
  to: ArticleContent;
  mode: DiffMode;
  /** under each block of the newer version in a changed section (inline mode): the proposal page's review threads */
  blockAside?: BlockAside;
  /** how the source reliability list rates the URLs the change cites anew (lib/diff/review-alerts.ts urlsToRate) */
  ratings?: ReadonlyMap<string, UrlRating>;
}

/** The class of a diff's outer element, which the diff page also sets around HTML rendered off-thread. */
export const diffViewClass = (mode: DiffMode) => `diff diff-mode-${mode}`;

/**
 * A whole article diff: changed sections (inline or side by side), runs of
 * unchanged sections folded into an expandable count, then the infobox,
 * references and notes panels. Used by the diff page (rendered on a worker
 * thread, components/diff/render-diff.ts), the proposal page and the
 * editor's "Show changes".
 */
export function DiffView(props: DiffViewProps) {
  return (
    <div className={diffViewClass(props.mode)}>
      <DiffViewContent {...props} />
    </div>
  );
}

/** What is inside a DiffView's outer element. */
export function DiffViewContent({ diff, from, to, mode, blockAside, ratings }: DiffViewProps) {
  const references = new Map<string, Reference>(
    [...from.references, ...to.references].map((reference) => [reference.key, reference]),
  );
  const lookup = (key: string) => references.get(key);
  const titles = new Map([...from.sections, ...to.sections].map((section) => [section.id, section.title || "(lead)"]));
  const titleOf = (id: string) => titles.get(id) ?? id;
  const fromById = new Map(from.sections.map((section) => [section.id, section]));
  const alerts = reviewAlerts(diff, { ratings });
  const anchors = new Set(alerts.map((alert) => alertAnchor(alert.place)));

  const groups: Array<{ quiet: true; sections: SectionDiff[] } | { quiet: false; section: SectionDiff }> = [];
  for (const section of diff.sections) {
    const last = groups[groups.length - 1];
    if (isQuiet(section)) {
      if (last?.quiet) last.sections.push(section);
      else groups.push({ quiet: true, sections: [section] });
    } else groups.push({ quiet: false, section });
  }
  const nothingChanged =
    diff.sections.every(isQuiet) && !diff.infobox && !diff.references.length && !diff.notes.length && !diff.title;

  return (
    <>
      {diff.title ? (
        <p className="diff-title-change">
          Title: <del className="diff-del">{diff.title.from}</del> → <ins className="diff-ins">{diff.title.to}</ins>
        </p>
      ) : null}
      <AlertsPanel alerts={alerts} lookup={lookup} sections={titleOf} />
      <FlagsPanel diff={diff} lookup={lookup} />
      {nothingChanged ? <p className="diff-empty">These revisions have the same content.</p> : null}
      {mode === "side-by-side" ? (
        <div className="diff-columns-head" aria-hidden="true">
          <span>Older revision</span>
          <span>Newer revision</span>
        </div>
      ) : null}
      {groups.map((group, index) =>
        group.quiet ? (
          <details key={index} className="diff-unchanged">
            <summary>
              {group.sections.length} unchanged section{group.sections.length > 1 ? "s" : ""}:{" "}
              {group.sections.map((section) => titleOf(section.id)).join(", ")}
            </summary>
            {group.sections.map((section) => (
              <div key={section.id} className="diff-unchanged-section">
                <h4>{titleOf(section.id)}</h4>
                {(fromById.get(section.id)?.body.content ?? []).map((block, blockIndex) => (
                  <p key={blockIndex}>
                    <Tokens tokens={blockTokens(block)} lookup={lookup} />
                  </p>
                ))}
              </div>
            ))}
          </details>
        ) : (
          <SectionDiffView
            key={group.section.id}
            section={group.section}
            mode={mode}
            lookup={lookup}
            titleOf={titleOf}
            blockAside={blockAside}
            anchors={anchors}
          />
        ),
      )}
      <InfoboxPanel diff={diff} lookup={lookup} anchors={anchors} />
      <ReferencesPanel diff={diff} anchors={anchors} />
      <NotesPanel diff={diff} lookup={lookup} />
    </>
  );
}
