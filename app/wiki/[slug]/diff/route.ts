import { createElement } from "react";
import { DiffPage } from "@/components/diff/diff-page";
import { renderDiffOffThread } from "@/components/diff/render-diff";
import { readerView } from "@/components/ui/reader-view";
import { loadRevisionPair } from "@/lib/articles/compare";
import { decidePatrol } from "@/lib/authz/patrol";
import { ZArticleParams, ZDiffPageQuery } from "@/lib/contracts/articles";
import { getReadDb } from "@/lib/db/replicas";
import { awaitsPatrol } from "@/lib/recent-changes/patrol-state";

// GET /wiki/{slug}/diff?from={id}&to={id}[&mode=inline|side-by-side] — the diff of two revisions. Public.
export const GET = readerView({
  params: ZArticleParams,
  search: ZDiffPageQuery,
  article: true,
  // Its own admission line: diffs wait for a diff worker too, and must never hold the slots of views.
  admission: "diffs",
  // Administrators compare a deleted article's revisions too (from its history).
  deletedForAdmins: () => true,
  async handler({ params, search, reader, actor, article }) {
    const { from: fromId, mode } = search;
    const toId = search.to ?? null;
    return {
      // Two fixed revisions: the page is the same for everyone until the article moves on (its
      // "newer edit" link), so it is cached under the article's current revision too. A diff
      // to the current revision is built per request.
      cacheKey: toId === null ? null : `diff:${article.id}:${article.currentRevisionId}:${fromId}:${toId}:${mode}`,
      cache: toId === null ? "revalidate" : "immutable",
      async render() {
        const comparison = await loadRevisionPair({ slug: params.slug, fromId, toId, article });
        const rendered = await renderDiffOffThread(comparison.from.content, comparison.to.content, mode);
        // Patrollers (signed in, so never the cached page) get a way to patrol the newer revision.
        const toRevision = comparison.to.revision.id;
        const patrolLink =
          decidePatrol(actor).allowed && (await awaitsPatrol(getReadDb(), toRevision))
            ? `/wiki/${encodeURIComponent(article.slug)}/patrol?revision=${toRevision}`
            : null;
        return createElement(DiffPage, { comparison, rendered, mode, reader, patrolLink });
      },
    };
  },
});
