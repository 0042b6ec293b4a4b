import { createElement } from "react";
import { MissingArticlePage } from "@/components/article/article-page";
import { HistoryPage } from "@/components/history/history-page";
import { listRevisionsOf } from "@/lib/articles/history";
import { articleNotFound, findArticle } from "@/lib/articles/read-article";
import { readerPage } from "@/lib/views/rendered-revisions";
import { titleOfSlug } from "@/lib/articles/titles";
import { sessionUserId } from "@/lib/auth/session";
import { decide } from "@/lib/authz/policy";
import { getDb } from "@/lib/db/client";
import { WikiError } from "@/lib/errors";
import { htmlDocumentResponse, htmlResponse, renderHtml, scriptFreeView } from "@/lib/http/html";
import { parseId } from "@/lib/http/respond";
import { countOpenProposals } from "@/lib/proposals/review-queue";
import { loadActor } from "@/lib/users/load-actor";

/**
 * GET /wiki/{slug}/history[?cursor={id}] — revision history, 50 per page, any
 * two comparable. Public. A route handler like the article view: the page
 * runs no script, and for signed-out readers it is cached whole under the
 * article's current revision (revisions are immutable, so a page of history
 * changes only when a new revision is saved).
 */
export const GET = scriptFreeView(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  // Next hands route handlers the slug already decoded.
  const { slug } = await context.params;
  const url = new URL(request.url);
  const rawCursor = url.searchParams.get("cursor");
  const db = getDb();
  const [actor, article] = await Promise.all([sessionUserId(request.headers.get("cookie")).then((id) => loadActor(db, id)), findArticle(db, slug)]);
  try {
    if (!article) throw articleNotFound(slug);
    const cursor = rawCursor ? parseId(rawCursor, "cursor") : null;
    const reviewCount = actor && decide(actor, "review").allowed ? await countOpenProposals() : null;
    const build = async () => `<!DOCTYPE html>${await renderHtml(createElement(HistoryPage, { page: await listRevisionsOf(db, article, { cursor }), cursor, userName: actor?.name, reviewCount }))}`;
    const init = { headers: { "cache-control": actor ? "private, no-cache" : "no-cache" }, https: url.protocol === "https:" };
    if (actor) return htmlDocumentResponse(await build(), init);
    return htmlDocumentResponse(await readerPage(`history:${article.id}:${article.currentRevisionId}:${cursor ?? ""}`, build), init);
  } catch (error) {
    if (error instanceof WikiError && (error.code === "not_found" || error.code === "bad_request")) {
      return htmlResponse(createElement(MissingArticlePage, { title: titleOfSlug(slug), message: error.message, userName: actor?.name }), { status: error.status });
    }
    throw error;
  }
});
