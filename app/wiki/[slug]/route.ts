import { createElement, Fragment } from "react";
import { articlePageBytes, renderRevisionParts } from "@/components/article/article-page";
import { readerView } from "@/components/ui/reader-view";
import { pendingReview, shownRevisionId } from "@/lib/articles/pending-changes";
import { countPendingRevisions } from "@/lib/articles/pending-changes-queue";
import { effectiveProtection } from "@/lib/articles/protection";
import { PendingChangesNotice } from "@/components/review/pending-changes-notice";
import { SavedNotice } from "@/components/article/saved-notice";
import { deletionMessage, readRevisionOf } from "@/lib/articles/read-article";
import { slugOfTitle } from "@/lib/articles/titles";
import { decide } from "@/lib/authz/policy";
import { ZArticleParams, ZArticleViewQuery } from "@/lib/contracts/articles";
import { getReadDb } from "@/lib/db/replicas";
import { WikiError } from "@/lib/errors";
import { renderHtml, staticRenderer } from "@/lib/http/html";
import { offerCachedViewToServer } from "@/lib/views/cached-view";
import { articlePageKey, linkColoursKey, renderedRevision } from "@/lib/views/rendered-revisions";
import { existingSlugs } from "@/lib/articles/links";
import { articleViewCache } from "@/lib/views/view-headers";

offerCachedViewToServer();

/**
 * GET /wiki/{slug}[?oldid={revisionId}] — an article, current or at an old
 * revision; `?saved=1` (where the editor lands after publishing) tells a
 * signed-in reader the edit was saved, and changes nothing for anyone else,
 * so the page cached for signed-out readers stays the one page. A view
 * costs one query for the article row (plus the reader's
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
  // Administrators read a deleted article's old revisions (from its history); its address stays the deletion page.
  deletedForAdmins: (url) => url.searchParams.has("oldid"),
  canonicalUrl(url, params) {
    // Next hands route handlers the slug already decoded.
    const canonical = slugOfTitle(params.slug ?? "");
    if (canonical === params.slug || canonical === "") return null;
    const moved = new URL(url);
    moved.pathname = `/wiki/${encodeURIComponent(canonical)}`;
    return moved;
  },
  async handler({ search, actor, reader, watch: watching, article, deletion }) {
    const protection = effectiveProtection(article);
    const canEdit = actor !== null && decide(actor, "edit", { protection: protection.level }).allowed;
    const canReview = actor !== null && decide(actor, "review").allowed;
    // Under pending changes, readers get the accepted revision; editors and reviewers the latest (pending-changes.ts).
    const pending = search.oldid === undefined ? pendingReview(article) : null;
    const revisionId = search.oldid ?? shownRevisionId(article, canEdit || canReview);
    // Shown as the article (no old-revision banner, edit links) unless an old revision was asked for.
    const isCurrent = search.oldid === undefined || search.oldid === article.currentRevisionId;
    // The star's state is the signed-in reader's own, read with them (their page is rendered per request; a
    // signed-out one has no star).
    const watch = watching
      ? { watched: watching.watched, expiresAt: watching.expiresAt?.toISOString() ?? null }
      : undefined;
    const viewer = actor && reader ? { ...reader, canProtect: decide(actor, "protect").allowed, canEdit, watch } : null;
    const renderParts = async () => {
      const view = await readRevisionOf(getReadDb(), article, revisionId);
      return renderRevisionParts({ ...view, isCurrent }, await staticRenderer());
    };
    // The current revision's link colours are named by the article's link epoch (read with the row); any
    // other revision's by the colours themselves, read now (its links are not in the links table).
    const ownColours = revisionId !== article.currentRevisionId;
    const early = ownColours ? await renderedRevision(revisionId, isCurrent, renderParts) : null;
    const earlyColours = early ? await existingSlugs(getReadDb(), early.body.slugs) : null;
    return {
      cacheKey: articlePageKey(article, search.oldid) + (early ? linkColoursKey(early.body.slugs, earlyColours!) : ""),
      // A page with wiki links changes when their targets are created or deleted: never "immutable".
      cache: articleViewCache(isCurrent || (early !== null && early.body.slugs.length > 0)),
      async render() {
        const [rendered, pendingCount] = await Promise.all([
          early ?? renderedRevision(revisionId, isCurrent, renderParts),
          pending ? countPendingRevisions(getReadDb(), article.id, pending) : 0,
        ]);
        if (rendered.articleId !== article.id) {
          throw new WikiError("not_found", `Revision ${revisionId} of "${article.title}" does not exist.`);
        }
        const existing = earlyColours ?? (await existingSlugs(getReadDb(), rendered.body.slugs));
        const pendingNotice = pending
          ? createElement(PendingChangesNotice, {
              slug: article.slug,
              pending,
              pendingCount,
              showingAccepted: revisionId === pending.acceptedRevisionId,
              canReview,
            })
          : null;
        // Only a signed-in reader's page, rendered per request, may say so (a signed-out one is cached whole).
        const saved =
          actor && search.saved && isCurrent
            ? createElement(SavedNotice, { slug: article.slug, pending: pending !== null })
            : null;
        // An administrator reading an old revision of a deleted article (deletedForAdmins) is told it is deleted.
        const deleted = deletion
          ? createElement("div", { className: "notice notice-warning", role: "alert" }, deletionMessage(deletion))
          : null;
        const notice =
          deleted ??
          (saved && pendingNotice ? createElement(Fragment, null, saved, pendingNotice) : (saved ?? pendingNotice));
        return articlePageBytes({ article, rendered, isCurrent, viewer, notice }, existing, renderHtml);
      },
    };
  },
});
