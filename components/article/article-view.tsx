import type { RevisionView } from "@/lib/articles/read-article";
import { planCitations } from "@/lib/document/citations";
import { anchorOfTitle, formatDate } from "@/lib/document/format";
import { Infobox } from "./infobox";
import { ProtectionNotice, Padlock } from "./protection-notice";
import { NoteList, ReferenceList } from "./reference-list";
import { renderRichText } from "./rich-text";
import { TableOfContents, type TocEntry } from "./table-of-contents";

function uniqueAnchors(titles: string[]): string[] {
  const seen = new Map<string, number>();
  return titles.map((title) => {
    const base = anchorOfTitle(title) || "section";
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}_${count + 1}`;
  });
}

function formatTimestamp(date: Date): string {
  return `${date.toISOString().slice(11, 16)}, ${formatDate(date.toISOString().slice(0, 10))}`;
}

/** The banner above an old revision, with links to its neighbours. */
function OldRevisionBanner({ view }: { view: RevisionView }) {
  const slug = encodeURIComponent(view.article.slug);
  return (
    <div className="old-revision-banner" role="note">
      <p>
        <b>This is an old revision of this page</b>, as edited by{" "}
        <a href={`/user/${encodeURIComponent(view.revision.author.name)}`}>{view.revision.author.name}</a> at {formatTimestamp(view.revision.createdAt)}
        {view.revision.summary ? <> ({view.revision.summary})</> : null}. It may differ significantly from the{" "}
        <a href={`/wiki/${slug}`}>current revision</a>.
      </p>
      <p className="old-revision-nav">
        {view.revision.parentId ? <a href={`/wiki/${slug}?oldid=${view.revision.parentId}`}>← Older revision</a> : <span>← Older revision</span>}
        {view.revision.parentId ? (
          <>
            {" "}
            (<a href={`/wiki/${slug}/diff?from=${view.revision.parentId}&to=${view.revision.id}`}>diff</a>)
          </>
        ) : null}{" "}
        | <a href={`/wiki/${slug}`}>Current revision</a> (<a href={`/wiki/${slug}/diff?from=${view.revision.id}`}>diff</a>) |{" "}
        <a href={`/wiki/${slug}/revert?revision=${view.revision.id}&mode=restore`}>Restore this version</a>
      </p>
    </div>
  );
}

/** A whole article revision as readers see it, rendered on the server from its JSON. */
export function ArticleView({ view, canProtect = false, editLabel = "Edit" }: { view: RevisionView; canProtect?: boolean; editLabel?: string }) {
  const slug = encodeURIComponent(view.article.slug);
  const { content } = view;
  const plan = planCitations(content);
  const headed = content.sections.filter((section) => section.level > 0);
  const extraSections = [...(plan.notes.length ? ["Notes"] : []), ...(plan.references.length ? ["References"] : [])];
  const anchors = uniqueAnchors([...headed.map((section) => section.title), ...extraSections]);
  const anchorOf = new Map(headed.map((section, index) => [section.id, anchors[index]]));
  const [notesAnchor, referencesAnchor] = plan.notes.length ? anchors.slice(headed.length) : [undefined, anchors[headed.length]];
  const toc: TocEntry[] = [
    ...headed.map((section) => ({ anchor: anchorOf.get(section.id)!, title: section.title, level: section.level })),
    ...(notesAnchor ? [{ anchor: notesAnchor, title: "Notes", level: 2 }] : []),
    ...(referencesAnchor ? [{ anchor: referencesAnchor, title: "References", level: 2 }] : []),
  ];

  return (
    <div className="article-layout">
      <aside className="article-sidebar">
        <TableOfContents entries={toc} placement="sidebar" />
      </aside>
      <article className="article" data-revision-id={view.revision.id}>
        <header className="article-header">
          <h1 className="article-title" id="top">
            {content.title}
            {view.protection.level !== "none" ? <Padlock level={view.protection.level} /> : null}
          </h1>
          <nav className="article-tabs" aria-label="Page views">
            <a href={`/wiki/${encodeURIComponent(view.article.slug)}`} aria-current={view.isCurrent ? "page" : undefined}>
              Article
            </a>
            {view.isCurrent ? <a href={`/wiki/${slug}/edit`}>{editLabel}</a> : null}
            <a href={`/wiki/${slug}/history`}>History</a>
            <a href={`/wiki/${slug}/proposals`}>Proposals</a>
            <a href={`/wiki/${encodeURIComponent(view.article.slug)}/log`}>Protection log</a>
            {canProtect ? <a href={`/wiki/${encodeURIComponent(view.article.slug)}/protect`}>{view.protection.level === "none" ? "Protect" : "Change protection"}</a> : null}
          </nav>
        </header>
        <ProtectionNotice {...view.protection} />
        {!view.isCurrent ? <OldRevisionBanner view={view} /> : null}
        <div className="article-body">
          {content.infobox ? <Infobox infobox={content.infobox} plan={plan} /> : null}
          {content.sections.map((section) => {
            const body = renderRichText(section.body, plan);
            if (section.level === 0) {
              return (
                <div key={section.id} className="lead">
                  {body}
                  <TableOfContents entries={toc} placement="inline" />
                </div>
              );
            }
            const Heading = `h${section.level}` as "h2" | "h3" | "h4";
            return (
              <section key={section.id} className={`section section-level-${section.level}`} data-section-id={section.id}>
                <div className={`heading heading-${section.level}`}>
                  <Heading id={anchorOf.get(section.id)}>{section.title}</Heading>
                  {view.isCurrent ? (
                    <span className="section-edit">
                      [<a href={`/wiki/${slug}/edit?section=${encodeURIComponent(section.id)}`} aria-label={`Edit section: ${section.title}`}>edit</a>]
                    </span>
                  ) : null}
                </div>
                {body}
              </section>
            );
          })}
          {notesAnchor ? (
            <section className="section section-level-2 notes">
              <h2 id={notesAnchor}>Notes</h2>
              <NoteList plan={plan} />
            </section>
          ) : null}
          {referencesAnchor ? (
            <section className="section section-level-2 references">
              <h2 id={referencesAnchor}>References</h2>
              <ReferenceList references={plan.references} />
            </section>
          ) : null}
        </div>
        <footer className="article-footer">
          <p>
            This revision was saved on {formatTimestamp(view.revision.createdAt)} by{" "}
            <a href={`/user/${encodeURIComponent(view.revision.author.name)}`}>{view.revision.author.name}</a>.{" "}
            <a href={`/wiki/${encodeURIComponent(view.article.slug)}?oldid=${view.revision.id}`}>Permanent link</a>
          </p>
        </footer>
      </article>
    </div>
  );
}
