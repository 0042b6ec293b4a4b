import { createElement } from "react";
import { ArticlePage, renderRevisionParts } from "@/components/article/article-page";
import { readerView } from "@/components/ui/reader-view";
import { effectiveProtection } from "@/lib/articles/protection";
import { readRevisionOf } from "@/lib/articles/read-article";
import { slugOfTitle } from "@/lib/articles/titles";
import { decide } from "@/lib/authz/policy";
import { ZArticleParams, ZArticleViewQuery } from "@/lib/contracts/articles";
import { getDb } from "@/lib/db/client";
import { WikiError } from "@/lib/errors";
import { renderHtml } from "@/lib/http/html";
import { offerCachedViewToServer } from "@/lib/views/cached-view";
import { articlePageKey, renderedRevision } from "@/lib/views/rendered-revisions";
import { articleViewCache } from "@/lib/views/view-headers";

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
export const GET = readerView({
  params: ZArticleParams,
  search: ZArticleViewQuery,
  article: true,
  canonicalUrl(url, params) {
    // Next hands route handlers the slug already decoded.
    const canonical = slugOfTitle(params.slug ?? "");
    if (canonical === params.slug || canonical === "") return null;
    const moved = new URL(url);
    moved.pathname = `/wiki/${encodeURIComponent(canonical)}`;
    return moved;
  },
  async handler({ search, actor, reader, article }) {
    const revisionId = search.oldid ?? article.currentRevisionId;
    const isCurrent = revisionId === article.currentRevisionId;
    const protection = effectiveProtection(article);
    const viewer =
      actor && reader
        ? {
            ...reader,
            canProtect: decide(actor, "protect").allowed,
            canEdit: decide(actor, "edit", { protection: protection.level }).allowed,
          }
        : null;
    return {
      cacheKey: articlePageKey(article, revisionId),
      cache: articleViewCache(isCurrent),
      async render() {
        const renderParts = async () => {
          return renderRevisionParts(await readRevisionOf(getDb(), article, revisionId), renderHtml);
        };
        const rendered = await renderedRevision(revisionId, isCurrent, renderParts);
        if (rendered.articleId !== article.id) {
          throw new WikiError("not_found", `Revision ${revisionId} of "${article.title}" does not exist.`);
        }
        return createElement(ArticlePage, { article, rendered, isCurrent, viewer });
      },
    };
  },
});
