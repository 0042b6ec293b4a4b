import type { ArticleRow, RevisionView } from "@/lib/articles/read-article";
import { effectiveProtection } from "@/lib/articles/protection";
import type { RenderedRevision } from "@/lib/views/rendered-revisions";
import { partCacheEnabled } from "@/lib/views/rendered-parts";
import { colouredPieces } from "@/lib/views/wiki-links";
import { HtmlPage, type Reader } from "@/components/ui/html-page";
import { ArticleNotFound, ArticleProblem } from "./article-not-found";
import { ArticleFrame, PART_HOLES } from "./article-view";
import { renderRevisionByParts, renderRevisionWhole, type StaticRender } from "./revision-parts";
import type { WatchStarState } from "./watch-star";

export interface ArticleViewer extends Reader {
  canProtect: boolean;
  canEdit: boolean;
  /** whether the reader watches the article (the star) */
  watch?: WatchStarState;
}

/**
 * Renders the reader-independent parts of a revision's page to HTML, for the
 * render cache: from parts cached by what they show (revision-parts.tsx), or
 * whole when the part cache is off (WIKI_PART_CACHE_MB=0).
 */
export function renderRevisionParts(view: RevisionView, render: StaticRender): RenderedRevision {
  const { sidebar, body } = partCacheEnabled ? renderRevisionByParts(view, render) : renderRevisionWhole(view, render);
  return {
    articleId: view.article.id,
    revisionId: view.revision.id,
    title: view.content.title,
    sidebar,
    body,
  };
}

interface ArticlePageProps {
  article: ArticleRow;
  rendered: RenderedRevision;
  isCurrent: boolean;
  viewer: ArticleViewer | null;
  notice?: React.ReactNode;
}

const { sidebar: SIDEBAR_HOLE, body: BODY_HOLE } = PART_HOLES;

/**
 * The full HTML page of an article revision, as UTF-8: the reader's frame
 * (ArticlePage) with the cached revision parts copied in, the body's wiki
 * links coloured for the moment (`existing`, lib/views/wiki-links.ts). The
 * parts are bytes already, so a page of the 1M-character article (3 MB) is a
 * copy of them, not a string of it built and encoded again.
 */
export async function articlePageBytes(
  props: ArticlePageProps,
  existing: ReadonlySet<string>,
  renderHtml: (element: React.ReactElement) => Promise<string>,
): Promise<Uint8Array<ArrayBuffer>> {
  const frame = `<!DOCTYPE html>${await renderHtml(<ArticlePage {...props} />)}`;
  const sidebarAt = frame.indexOf(SIDEBAR_HOLE);
  const bodyAt = frame.indexOf(BODY_HOLE, sidebarAt);
  const utf8 = new TextEncoder();
  const pieces = [
    utf8.encode(frame.slice(0, sidebarAt)),
    props.rendered.sidebar,
    utf8.encode(frame.slice(sidebarAt + SIDEBAR_HOLE.length, bodyAt)),
    ...colouredPieces(props.rendered.body, existing),
    utf8.encode(frame.slice(bodyAt + BODY_HOLE.length)),
  ];
  const page = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.byteLength, 0));
  let at = 0;
  for (const piece of pieces) {
    page.set(piece, at);
    at += piece.byteLength;
  }
  return page;
}

/** The reader's frame of an article revision's page, with holes where `articlePageBytes` puts the cached parts. */
function ArticlePage({ article, rendered, isCurrent, viewer, notice }: ArticlePageProps) {
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
        sidebar={{ hole: SIDEBAR_HOLE }}
        body={{ hole: BODY_HOLE }}
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
