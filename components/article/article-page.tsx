import type { ArticleRow, RevisionView } from "@/lib/articles/read-article";
import { effectiveProtection } from "@/lib/articles/protection";
import type { RenderedRevision } from "@/lib/views/rendered-revisions";
import { splitWikiLinks } from "@/lib/views/wiki-links";
import { HtmlPage, type Reader } from "@/components/ui/html-page";
import { ArticleNotFound, ArticleProblem } from "./article-not-found";
import { ArticleFrame, ArticleRevisionBody, ArticleSidebar } from "./article-view";
import type { WatchStarState } from "./watch-star";

export interface ArticleViewer extends Reader {
  canProtect: boolean;
  canEdit: boolean;
  /** whether the reader watches the article (the star) */
  watch?: WatchStarState;
}

/** Renders the reader-independent parts of a revision's page to HTML, for the render cache. */
export async function renderRevisionParts(
  view: RevisionView,
  renderHtml: (element: React.ReactElement) => Promise<string>,
): Promise<RenderedRevision> {
  const [sidebarHtml, bodyHtml] = await Promise.all([
    renderHtml(<ArticleSidebar content={view.content} />),
    renderHtml(<ArticleRevisionBody view={view} />),
  ]);
  return {
    articleId: view.article.id,
    revisionId: view.revision.id,
    title: view.content.title,
    sidebarHtml,
    body: splitWikiLinks(bodyHtml),
  };
}

/**
 * The full HTML page of an article revision: the reader's frame around the
 * cached revision parts, with the body's wiki links coloured for the moment
 * (`bodyHtml`, from `colourWikiLinks`).
 */
export function ArticlePage({
  article,
  rendered,
  bodyHtml,
  isCurrent,
  viewer,
  notice,
}: {
  article: ArticleRow;
  rendered: RenderedRevision;
  bodyHtml: string;
  isCurrent: boolean;
  viewer: ArticleViewer | null;
  notice?: React.ReactNode;
}) {
  const title = isCurrent ? rendered.title : `${rendered.title} (old revision ${rendered.revisionId})`;
  return (
    <HtmlPage title={title} reader={viewer}>
      <ArticleFrame
        slug={article.slug}
        title={rendered.title}
        revisionId={rendered.revisionId}
        isCurrent={isCurrent}
        protection={effectiveProtection(article)}
        canProtect={viewer?.canProtect ?? false}
        editLabel={viewer?.block ? null : !viewer || viewer.canEdit ? "Edit" : "Propose changes"}
        sidebar={{ html: rendered.sidebarHtml }}
        body={{ html: bodyHtml }}
        notice={notice}
        talkTopicCount={article.talkTopicCount}
        watch={viewer?.watch ?? null}
      />
    </HtmlPage>
  );
}

/** The full HTML page for an article or revision that does not exist. */
export function MissingArticlePage(props: { title: string; message: string; reader: Reader | null }) {
  const { title, message, reader } = props;
  return (
    <HtmlPage title={title} reader={reader}>
      <ArticleNotFound title={title} message={message} canCreate={reader !== null} />
    </HtmlPage>
  );
}

/** The full HTML page for a bad request about an article that exists (a revision not of it, a bad parameter). */
export function ArticleProblemPage(props: { title: string; slug: string; message: string; reader: Reader | null }) {
  const { title, slug, message, reader } = props;
  return (
    <HtmlPage title={title} reader={reader}>
      <ArticleProblem title={title} slug={slug} message={message} />
    </HtmlPage>
  );
}
