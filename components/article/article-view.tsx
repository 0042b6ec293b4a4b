import type { RevisionView } from "@/lib/articles/read-article";
import type { Section } from "@/lib/document/model";
import type { ReactNode } from "react";
import { planCitations, type CitationPlan } from "@/lib/document/citations";
import { anchorOfTitle, formatDate } from "@/lib/document/format";
import { ArticleTabs } from "./article-tabs";
import { Infobox } from "./infobox";
import { ProtectionNotice, Padlock } from "./protection-notice";
import { ListSection, NoteItem, ReferenceItem } from "./reference-list";
import { renderRichText } from "./rich-text";
import { TableOfContents, type TocEntry } from "./table-of-contents";
import { WatchStar, type WatchStarState } from "./watch-star";

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
export function OldRevisionBanner({ view }: { view: Pick<RevisionView, "article" | "revision"> }) {
  const slug = encodeURIComponent(view.article.slug);
  return (
    <div className="old-revision-banner" role="note">
      <p>
        <b>This is an old revision of this page</b>, as edited by{" "}
        <a href={`/user/${encodeURIComponent(view.revision.author.name)}`}>{view.revision.author.name}</a> at{" "}
        {formatTimestamp(view.revision.createdAt)}
        {view.revision.summary ? <> ({view.revision.summary})</> : null}. It may differ significantly from the{" "}
        <a href={`/wiki/${slug}`}>current revision</a>.
      </p>
      <p className="old-revision-nav">
        {view.revision.parentId ? (
          <a href={`/wiki/${slug}?oldid=${view.revision.parentId}`}>← Older revision</a>
        ) : (
          <span>← Older revision</span>
        )}
        {view.revision.parentId ? (
          <>
            {" "}
            (<a href={`/wiki/${slug}/diff?from=${view.revision.parentId}&to=${view.revision.id}`}>diff</a>)
          </>
        ) : null}{" "}
        | <a href={`/wiki/${slug}`}>Current revision</a> (
        <a href={`/wiki/${slug}/diff?from=${view.revision.id}`}>diff</a>) |{" "}
        <a href={`/wiki/${slug}/revert?revision=${view.revision.id}&mode=restore`}>Restore this version</a>
      </p>
    </div>
  );
}

/** Where the table of contents and the headings point, from a revision's content. */
export function articleOutline(content: RevisionView["content"], plan: CitationPlan) {
  const headed = content.sections.filter((section) => section.level > 0);
  const extraSections = [...(plan.notes.length ? ["Notes"] : []), ...(plan.references.length ? ["References"] : [])];
  const anchors = uniqueAnchors([...headed.map((section) => section.title), ...extraSections]);
  const anchorOf = new Map(headed.map((section, index) => [section.id, anchors[index]]));
  const [notesAnchor, referencesAnchor] = plan.notes.length
    ? anchors.slice(headed.length)
    : [undefined, anchors[headed.length]];
  const toc: TocEntry[] = [
    ...headed.map((section) => ({ anchor: anchorOf.get(section.id)!, title: section.title, level: section.level })),
    ...(notesAnchor ? [{ anchor: notesAnchor, title: "Notes", level: 2 }] : []),
    ...(referencesAnchor ? [{ anchor: referencesAnchor, title: "References", level: 2 }] : []),
  ];
  return { toc, anchorOf, notesAnchor, referencesAnchor };
}

/** The sidebar's table of contents of one revision (the same for every reader, so cacheable). */
export function ArticleSidebar({ content }: { content: RevisionView["content"] }) {
  const { toc } = articleOutline(content, planCitations(content));
  return <TableOfContents entries={toc} placement="sidebar" />;
}

/*
 * The body is made of parts that are each one element, so that the page can
 * also be assembled from parts rendered one at a time (revision-parts.tsx,
 * which caches them): adjacent elements render to the concatenation of their
 * HTML, so the assembly is byte for byte this render.
 */

/** The lead section: its text, then the table of contents as phones show it. */
export function LeadPart({ section, plan, toc }: { section: Section; plan: CitationPlan; toc: TocEntry[] }) {
  return (
    <div className="lead">
      {renderRichText(section.body, plan)}
      <TableOfContents entries={toc} placement="inline" />
    </div>
  );
}

/** One headed section with its [edit] link (current revision only); `slug` is URL-encoded. */
export function SectionPart({
  section,
  plan,
  anchor,
  slug,
  isCurrent,
}: {
  section: Section;
  plan: CitationPlan;
  anchor: string | undefined;
  slug: string;
  isCurrent: boolean;
}) {
  const Heading = `h${section.level}` as "h2" | "h3" | "h4";
  return (
    <section className={`section section-level-${section.level}`} data-section-id={section.id}>
      <div className={`heading heading-${section.level}`}>
        <Heading id={anchor}>{section.title}</Heading>
        {isCurrent ? (
          <span className="section-edit">
            [
            <a
              href={`/wiki/${slug}/edit?section=${encodeURIComponent(section.id)}`}
              aria-label={`Edit section: ${section.title}`}
            >
              edit
            </a>
            ]
          </span>
        ) : null}
      </div>
      {renderRichText(section.body, plan)}
    </section>
  );
}

/** The box around the body's parts. */
export function ArticleBodyShell({ children }: { children?: ReactNode }) {
  return <div className="article-body">{children}</div>;
}

/** The revision's footer: when, by whom, and its permanent link. */
export function RevisionFooter({ view }: { view: Pick<RevisionView, "article" | "revision"> }) {
  const slug = encodeURIComponent(view.article.slug);
  return (
    <footer className="article-footer">
      <p>
        This revision was saved on {formatTimestamp(view.revision.createdAt)} by{" "}
        <a href={`/user/${encodeURIComponent(view.revision.author.name)}`}>{view.revision.author.name}</a>.{" "}
        <a href={`/wiki/${slug}?oldid=${view.revision.id}`}>Permanent link</a>
      </p>
    </footer>
  );
}

/**
 * Everything of a revision below its title and tabs: the old-revision banner,
 * infobox, sections, notes, references and footer. It depends only on the
 * revision and on whether it is the current one, never on the reader, so the
 * article route caches its HTML by revision id (and its parts by what each
 * shows, revision-parts.tsx).
 */
export function ArticleRevisionBody({
  view,
}: {
  view: Pick<RevisionView, "article" | "revision" | "isCurrent" | "content">;
}) {
  const slug = encodeURIComponent(view.article.slug);
  const { content } = view;
  const plan = planCitations(content);
  const { toc, anchorOf, notesAnchor, referencesAnchor } = articleOutline(content, plan);
  return (
    <>
      {!view.isCurrent ? <OldRevisionBanner view={view} /> : null}
      <ArticleBodyShell>
        {content.infobox ? <Infobox infobox={content.infobox} plan={plan} /> : null}
        {content.sections.map((section) =>
          section.level === 0 ? (
            <LeadPart key={section.id} section={section} plan={plan} toc={toc} />
          ) : (
            <SectionPart
              key={section.id}
              section={section}
              plan={plan}
              anchor={anchorOf.get(section.id)}
              slug={slug}
              isCurrent={view.isCurrent}
            />
          ),
        )}
        {notesAnchor ? (
          <ListSection kind="notes" anchor={notesAnchor}>
            {plan.notes.map((note) => (
              <NoteItem key={note.noteId} note={note} plan={plan} />
            ))}
          </ListSection>
        ) : null}
        {referencesAnchor ? (
          <ListSection kind="references" anchor={referencesAnchor}>
            {plan.references.map((entry, index) => (
              <ReferenceItem key={entry.reference.key} entry={entry} index={index} />
            ))}
          </ListSection>
        ) : null}
      </ArticleBodyShell>
      <RevisionFooter view={view} />
    </>
  );
}

/**
 * Where article-page.tsx copies in the cached parts (react-dom's own output
 * for ArticleSidebar/ArticleRevisionBody rendered from the revision's JSON,
 * so every user string in them was escaped by React): HTML comments, which
 * no user text can make (React escapes its "<").
 */
export const PART_HOLES = { sidebar: "<!--wiki-sidebar-->", body: "<!--wiki-body-->" } as const;

/**
 * A part of the page: React nodes, or one of the fixed holes. A hole is the
 * only HTML given as a string, and its type admits no other string (README,
 * architecture: the one use of dangerouslySetInnerHTML).
 */
export type PagePart = { hole: (typeof PART_HOLES)[keyof typeof PART_HOLES] } | { node: ReactNode };

const partProps = (part: PagePart) =>
  "hole" in part ? { dangerouslySetInnerHTML: { __html: part.hole } } : { children: part.node };

/**
 * The article page around a revision: title, padlock, tabs and protection
 * notice, which depend on the reader and the article's protection now; the
 * sidebar and body come in as parts.
 */
export function ArticleFrame(props: {
  slug: string;
  title: string;
  revisionId: number;
  isCurrent: boolean;
  protection: RevisionView["protection"];
  canProtect: boolean;
  /** the edit tab's words ("Edit", "Propose changes"); null when the reader may do neither (blocked): no edit links then */
  editLabel: string | null;
  sidebar: PagePart;
  body: PagePart;
  /** a notice of the article's state for this reader, under the protection notice (pending changes) */
  notice?: ReactNode;
  /** topics on the talk page, for the Talk tab (lib/talk); the editor's preview has none */
  talkTopicCount?: number;
  /** the signed-in reader's watch star (components/article/watch-star.tsx); absent for signed-out readers */
  watch?: WatchStarState | null;
}) {
  return (
    <div className="article-layout">
      <aside className="article-sidebar" {...partProps(props.sidebar)} />
      {/* The body is cached for every reader, so its section [edit] links are hidden by class for one who may not edit. */}
      <article
        className={props.editLabel === null ? "article no-edit-links" : "article"}
        data-revision-id={props.revisionId}
      >
        <header className="article-header">
          <h1 className="article-title" id="top">
            {props.title}
            {props.protection.level !== "none" ? <Padlock level={props.protection.level} /> : null}
          </h1>
          <ArticleTabs
            slug={props.slug}
            current={props.isCurrent ? "article" : null}
            talkTopicCount={props.talkTopicCount}
            editLabel={props.isCurrent ? props.editLabel : null}
            canProtect={props.canProtect}
            protectionLevel={props.protection.level}
          />
          {props.watch ? <WatchStar slug={props.slug} state={props.watch} /> : null}
        </header>
        <ProtectionNotice {...props.protection} />
        {props.notice}
        <div className="article-revision" {...partProps(props.body)} />
      </article>
    </div>
  );
}

/** A whole article revision as readers see it, rendered on the server from its JSON (the editor's preview uses it too). */
export function ArticleView({
  view,
  canProtect = false,
  editLabel = "Edit",
}: {
  view: RevisionView;
  canProtect?: boolean;
  editLabel?: string;
}) {
  return (
    <ArticleFrame
      slug={view.article.slug}
      title={view.content.title}
      revisionId={view.revision.id}
      isCurrent={view.isCurrent}
      protection={view.protection}
      canProtect={canProtect}
      editLabel={editLabel}
      sidebar={{ node: <ArticleSidebar content={view.content} /> }}
      body={{ node: <ArticleRevisionBody view={view} /> }}
    />
  );
}
