import { createElement } from "react";
import { ArticlePage, MissingArticlePage, renderRevisionParts } from "@/components/article/article-page";
import { articleNotFound, findArticle, readRevisionOf } from "@/lib/articles/read-article";
import { effectiveProtection } from "@/lib/articles/protection";
import { articlePageKey, readerPage, renderedRevision } from "@/lib/views/rendered-revisions";
import { articleViewInit, offerCachedViewToServer } from "@/lib/views/cached-view";
import { sessionUserId } from "@/lib/auth/session";
import { decide } from "@/lib/authz/policy";
import { getDb } from "@/lib/db/client";
import { loadActor } from "@/lib/users/load-actor";
import { countOpenProposals } from "@/lib/proposals/review-queue";
import { slugOfTitle, titleOfSlug } from "@/lib/articles/titles";
import { WikiError } from "@/lib/errors";
import { htmlDocumentResponse, htmlResponse, renderHtml, scriptFreeView } from "@/lib/http/html";
import { parseId } from "@/lib/http/respond";

offerCachedViewToServer();

/**
 * GET /wiki/{slug}[?oldid={revisionId}] — an article, current or at an old
 * revision. A view costs one query for the article row (plus the reader's
 * account when signed in, and the review count for reviewers); the revision
 * itself comes from the render cache, loaded and rendered only on a miss.
 * A signed-out reader's view of a cached current page is answered before
 * Next routes it (lib/views/cached-view.ts), with this route's page and
 * headers.
 */
export const GET = scriptFreeView(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  // Next hands route handlers the slug already decoded.
  const { slug } = await context.params;
  const url = new URL(request.url);
  const canonical = slugOfTitle(slug);
  if (canonical !== slug && canonical !== "") {
    url.pathname = `/wiki/${encodeURIComponent(canonical)}`;
    return Response.redirect(url, 301);
  }
  const db = getDb();
  const [actor, article] = await Promise.all([sessionUserId(request.headers.get("cookie")).then((id) => loadActor(db, id)), findArticle(db, slug)]);
  try {
    if (!article) throw articleNotFound(slug);
    const oldid = url.searchParams.get("oldid");
    const revisionId = oldid === null ? article.currentRevisionId : parseId(oldid, "oldid");
    const isCurrent = revisionId === article.currentRevisionId;
    const protection = effectiveProtection(article);
    const viewer = actor
      ? {
          name: actor.name,
          canProtect: decide(actor, "protect").allowed,
          canEdit: decide(actor, "edit", { protection: protection.level }).allowed,
          reviewCount: decide(actor, "review").allowed ? await countOpenProposals() : null,
        }
      : null;
    const buildPage = async () => {
      const rendered = await renderedRevision(revisionId, isCurrent, async () => renderRevisionParts(await readRevisionOf(db, article, revisionId), renderHtml));
      if (rendered.articleId !== article.id) throw new WikiError("not_found", `Revision ${revisionId} of "${article.title}" does not exist.`);
      return `<!DOCTYPE html>${await renderHtml(createElement(ArticlePage, { article, rendered, isCurrent, viewer }))}`;
    };
    const init = articleViewInit({ signedIn: actor !== null, isCurrent, https: url.protocol === "https:" });
    if (viewer) return htmlDocumentResponse(await buildPage(), init);
    return htmlDocumentResponse(await readerPage(articlePageKey(article, revisionId), buildPage), init);
  } catch (error) {
    if (error instanceof WikiError && (error.code === "not_found" || error.code === "bad_request")) {
      return htmlResponse(createElement(MissingArticlePage, { title: titleOfSlug(slug), message: error.message, userName: actor?.name }), { status: error.status });
    }
    throw error;
  }
});
