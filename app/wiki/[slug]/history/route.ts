import { createElement } from "react";
import { HistoryPage } from "@/components/history/history-page";
import { readerView } from "@/components/ui/reader-view";
import { listRevisions, listRevisionsOf } from "@/lib/articles/history";
import { pendingReview } from "@/lib/articles/pending-changes";
import { deletionMessage } from "@/lib/articles/read-article";
import { effectiveProtection } from "@/lib/articles/protection";
import { decideRollback } from "@/lib/authz/patrol";
import { ZArticleParams, ZHistoryQuery } from "@/lib/contracts/articles";
import { getReadDb } from "@/lib/db/replicas";
import { feed } from "@/lib/http/feed";
import { historyFeed } from "@/lib/recent-changes/feeds";

/**
 * GET /wiki/{slug}/history[?cursor={id}] — revision history, 50 per page, any
 * two comparable. Public. A route handler like the article view: the page
 * runs no script, and for signed-out readers it is cached whole under the
 * article's current revision (revisions are immutable, so a page of history
 * changes only when a new revision is saved). `?format=atom`: the same
 * history as an Atom feed (lib/http/feed.ts).
 */
export const GET = feed({
  params: ZArticleParams,
  cache: "revalidate",
  async handler({ params, origin, host }) {
    return historyFeed(await listRevisions({ slug: params.slug }), { origin, host });
  },
  // Without ?format=atom: the history page.
  otherwise: readerView({
    params: ZArticleParams,
    search: ZHistoryQuery,
    article: true,
    // Administrators still read a deleted article's history (to judge a restoration).
    deletedForAdmins: () => true,
    async handler({ search, reader, actor, article, deletion }) {
      const cursor = search.cursor ?? null;
      // Pending changes: which revisions await review and who accepted which depend on the accepted pointer too.
      const pending = pendingReview(article);
      const accepted = `${article.acceptedRevisionId ?? ""}:${pending ? "pending" : ""}`;
      return {
        cacheKey: `history:${article.id}:${article.currentRevisionId}:${accepted}:${cursor ?? ""}`,
        cache: "revalidate",
        render: async () => {
          const withAcceptances = article.acceptedRevisionId !== null;
          const page = await listRevisionsOf(getReadDb(), article, { cursor, withAcceptances });
          // Signed-in readers only (a signed-out page is cached for everyone and offers no rollback).
          // A deleted article takes no rollback; its administrators are told it is deleted.
          const rollback = !deletion && decideRollback(actor, effectiveProtection(article).level).allowed;
          const notice = deletion ? deletionMessage(deletion) : null;
          return createElement(HistoryPage, { page, cursor, reader, pending, rollback, notice });
        },
      };
    },
  }),
});
