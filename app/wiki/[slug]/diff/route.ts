import { createElement } from "react";
import { MissingArticlePage } from "@/components/article/article-page";
import { DiffPage } from "@/components/diff/diff-page";
import { HtmlPage } from "@/components/ui/html-page";
import { renderDiffOffThread } from "@/components/diff/render-diff";
import { loadRevisionPair } from "@/lib/articles/compare";
import { titleOfSlug } from "@/lib/articles/titles";
import { sessionUserId } from "@/lib/auth/session";
import { loadActor } from "@/lib/users/load-actor";
import { getDb } from "@/lib/db/client";
import { WikiError } from "@/lib/errors";
import { htmlDocumentResponse, htmlResponse, renderHtml, scriptFreeView } from "@/lib/http/html";
import { articleNotFound, findArticle } from "@/lib/articles/read-article";
import { readerPage } from "@/lib/articles/rendered-revisions";
import { parseId } from "@/lib/http/respond";

// GET /wiki/{slug}/diff?from={id}&to={id}[&mode=inline|side-by-side] — the diff of two revisions. Public.
export const GET = scriptFreeView(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const slug = (await context.params).slug;
  const url = new URL(request.url);
  const userName = (await loadActor(getDb(), await sessionUserId(request.headers.get("cookie"))))?.name;
  try {
    const to = url.searchParams.get("to");
    const fromId = parseId(url.searchParams.get("from"), "from");
    const toId = to ? parseId(to, "to") : null;
    const mode = url.searchParams.get("mode") === "side-by-side" ? "side-by-side" : "inline";
    // A diff between two fixed revisions never changes.
    const cacheControl = userName || !to ? "private, no-cache" : "public, max-age=31536000, immutable";
    const render = async () => {
      const comparison = await loadRevisionPair({ slug, fromId, toId });
      const rendered = await renderDiffOffThread(comparison.from.content, comparison.to.content, mode);
      return `<!DOCTYPE html>${await renderHtml(createElement(DiffPage, { comparison, rendered, mode, userName }))}`;
    };
    const init = { headers: { "cache-control": cacheControl }, https: url.protocol === "https:" };
    if (userName || toId === null) return htmlDocumentResponse(await render(), init);
    // Signed out, two fixed revisions: the page is the same for everyone until the article moves on
    // (its "newer edit" link), so it is cached under the article's current revision too.
    const article = await findArticle(getDb(), slug);
    if (!article) throw articleNotFound(slug);
    const page = await readerPage(`diff:${article.id}:${article.currentRevisionId}:${fromId}:${toId}:${mode}`, render);
    return htmlDocumentResponse(page, init);
  } catch (error) {
    if (error instanceof WikiError && (error.code === "not_found" || error.code === "bad_request")) {
      return htmlResponse(createElement(MissingArticlePage, { title: titleOfSlug(slug), message: error.message, userName }), { status: error.status });
    }
    if (error instanceof WikiError && error.code === "overloaded") {
      // The diff workers' line is full: shed the request rather than queue it without end.
      const retryAfter = String((error.details as { retryAfter?: number } | undefined)?.retryAfter ?? 5);
      const notice = createElement("div", { className: "notice", role: "status" }, createElement("p", null, error.message));
      // biome-ignore lint/correctness/noChildrenProp: createElement's typed props must hold HtmlPage's required children
      return htmlResponse(createElement(HtmlPage, { title: titleOfSlug(slug), userName, children: notice }), { status: 503, headers: { "retry-after": retryAfter, "cache-control": "no-store" } });
    }
    throw error;
  }
});
