import "server-only";
import { createElement, type ReactElement } from "react";
import type { z } from "zod";
import { ArticleProblemPage, MissingArticlePage } from "@/components/article/article-page";
import { DeletedArticlePage } from "@/components/article/article-deleted";
import { HtmlPage, type Reader } from "@/components/ui/html-page";
import { readerOf } from "@/components/ui/reader";
import {
  articleNotFound,
  findArticle,
  findArticleFate,
  type ArticleDeletion,
  type ArticleRow,
} from "@/lib/articles/read-article";
import { decideArticleAdmin } from "@/lib/authz/article-admin";
import { titleOfSlug } from "@/lib/articles/titles";
import { sessionUserId } from "@/lib/auth/session";
import type { Actor } from "@/lib/authz/policy";
import { getReadDb } from "@/lib/db/replicas";
import { WikiError } from "@/lib/errors";
import { admitted } from "@/lib/http/admission";
import { parseAddress, type AddressSchemas, type NO_PARAMS, type TextSchema } from "@/lib/http/address-params";
import type { CachePolicy } from "@/lib/http/cache-control";
import { htmlDocumentResponse, renderHtml, serverErrorResponse } from "@/lib/http/html";
import { loadViewer, type Viewer } from "@/lib/users/load-viewer";
import { pageBytes, readerPage } from "@/lib/views/rendered-revisions";
import { nextCoding } from "@/lib/views/content-coding";
import { bytesTag, entityTag, notModified, pageKeyTag } from "@/lib/views/validators";
import { notModifiedHeaders, readerViewInit } from "@/lib/views/view-headers";

export interface ReaderViewContext<TParams, TSearch> {
  request: Request;
  url: URL;
  params: TParams;
  search: TSearch;
  /** the signed-in user read fresh from the database, or null (always null with `reader: false`) */
  actor: Actor | null;
  /** the same user as the header shows them (with the review count for reviewers), or null */
  reader: Reader | null;
  /** for `/wiki/{slug}/…` views, whether the signed-in reader watches the article (null when signed out) */
  watch: Viewer["watch"];
  /** the article of `/wiki/{slug}/…`, loaded with the reader when the view asked for it (`article: true`) */
  article: ArticleRow & { currentRevisionId: number };
  /** set only in views that let administrators into a deleted article (`deletedForAdmins`): who deleted it, when, why */
  deletion: ArticleDeletion | null;
}

/** A reader view's page, as its handler describes it; the helper renders, caches and sends it. */
export interface ReaderPage {
  /** the page as React elements, or as the whole document already encoded (the article's, assembled from cached bytes) */
  render: () => Promise<ReactElement | Uint8Array<ArrayBuffer>>;
  /**
   * For signed-out readers: the reader-page cache key, naming everything the
   * page shows (so a save, which moves the article's current revision, makes
   * a new key); null when the page is built per request.
   */
  cacheKey: string | null;
  /** the page's cache policy for signed-out readers; a signed-in reader's page is always private */
  cache: CachePolicy;
}

/**
 * Wraps every HTML route handler (the reader views: article, history, diff,
 * and the static pages served the same way), the HTML side of `query()`: the
 * path and query parsed with the route's schemas; the reader and, for
 * `/wiki/{slug}/…` views, the article row loaded together; the review count
 * in every reader's header; a signed-out reader's page cached whole under the
 * handler's key; headers from one place (script-free CSP, cache policy);
 * a missing article or a bad parameter answered with the "no such article"
 * page and its status, a full admission line (lib/http/admission.ts) or
 * worker queue with a 503 page and Retry-After,
 * and anything unexpected with a 500 page that has the security headers
 * (these routes skip proxy.ts, so Next's own would go out without them).
 */
export function readerView<
  TParamsSchema extends TextSchema = typeof NO_PARAMS,
  TSearchSchema extends TextSchema = typeof NO_PARAMS,
>(
  options: AddressSchemas<TParamsSchema, TSearchSchema> & {
    /** false: a page for everyone alike (no session read, so Next may render it once at build time) */
    reader?: boolean;
    /** load the article named by the path's `slug` with the reader; a missing one is the 404 page */
    article?: boolean;
    /**
     * the admission line this view waits in (lib/http/admission.ts): "views" (the default) or "diffs", so
     * that diff pages, which wait for a diff worker too, never hold the slots of article and history views
     */
    admission?: "views" | "diffs";
    /**
     * Whether administrators may open this view of a deleted article (its history, a diff, an old revision;
     * the handler then gets `deletion`); everyone else, and every view without it, gets the deletion page (410)
     */
    deletedForAdmins?: (url: URL) => boolean;
    /** where this address really lives, if elsewhere (a non-canonical title): answered with 301 before any query */
    canonicalUrl?: (url: URL, params: Record<string, string>) => URL | null;
    handler: (context: ReaderViewContext<z.output<TParamsSchema>, z.output<TSearchSchema>>) => Promise<ReaderPage>;
  },
) {
  return async (request: Request, route: { params?: Promise<Record<string, string>> } = {}): Promise<Response> => {
    const url = new URL(request.url);
    const https = url.protocol === "https:";
    const rawParams = (await route.params) ?? {};
    let reader: Reader | null = null;
    // Kept for the error page: a bad revision of an article that exists is not a missing article.
    let found: ArticleRow | null = null;
    try {
      const moved = options.canonicalUrl?.(url, rawParams);
      if (moved) return Response.redirect(moved, 301);
      // No database for a page that needs none (`reader: false`, no article): Next renders it at build time.
      // The reader, their header's counts and the article's star in one statement, beside the article row's.
      const watchSlug = options.article ? (rawParams.slug ?? "") : undefined;
      const readViewer = async () =>
        loadViewer(getReadDb(), await sessionUserId(request.headers.get("cookie")), { watchSlug });
      const [viewer, live] = await Promise.all([
        options.reader === false ? null : readViewer(),
        options.article ? findArticle(getReadDb(), rawParams.slug ?? "") : null,
      ]);
      const actor = viewer?.actor ?? null;
      reader = readerOf(viewer);
      let article = live;
      let deletion: ArticleDeletion | null = null;
      if (options.article && !article) {
        // Only on a miss: was the article deleted, or moved away from this title (lib/articles/*-article.ts)?
        const fate = await findArticleFate(getReadDb(), rawParams.slug ?? "");
        if (fate?.kind === "redirect") return redirectToMoved(url, fate.slug);
        if (fate?.kind !== "deleted") throw articleNotFound(rawParams.slug ?? "");
        const isAdmin = decideArticleAdmin(actor, "restore").allowed;
        if (!isAdmin || !options.deletedForAdmins?.(url)) {
          const page = createElement(DeletedArticlePage, {
            title: fate.article.title,
            slug: fate.article.slug,
            currentRevisionId: fate.article.currentRevisionId,
            deletion: fate.deletion,
            reader,
            canRestore: isAdmin,
          });
          return htmlDocumentResponse(`<!DOCTYPE html>${await renderHtml(page)}`, {
            status: 410,
            headers: { "cache-control": "no-store" },
            https,
          });
        }
        article = fate.article;
        deletion = fate.deletion;
      }
      found = article;
      const { params, search } = parseAddress(options, request, rawParams);
      const page = await options.handler({
        request,
        url,
        params,
        search,
        actor,
        reader,
        watch: viewer?.watch ?? null,
        article: article!,
        deletion,
      });
      // The page's work waits its turn in a bounded line (lib/http/admission.ts), or is refused at once with the
      // 503 page. Only the build: the row query before it is the one a revalidation costs, and signed-out
      // readers asking for one page together share one build, so one place in the line.
      const build = () =>
        admitted(options.admission ?? "views", async () => {
          const rendered = await page.render();
          return rendered instanceof Uint8Array ? rendered : `<!DOCTYPE html>${await renderHtml(rendered)}`;
        });
      const init = readerViewInit({ cache: page.cache, signedIn: actor !== null, https });
      // Every page carries a strong validator (lib/views/validators.ts) for the coding Next will send it in.
      const coding = nextCoding(request.headers.get("accept-encoding"));
      const condition = request.headers.get("if-none-match");
      const send = (body: Uint8Array<ArrayBuffer>, etag: string) => {
        const headers = { ...init.headers, etag };
        if (notModified(condition, etag))
          return new Response(null, { status: 304, headers: notModifiedHeaders(headers) });
        return htmlDocumentResponse(body, { ...init, headers });
      };
      if (actor || page.cacheKey === null) {
        const body = pageBytes(await build());
        return send(body, entityTag(bytesTag(body), coding));
      }
      // A signed-out page's tag is its key's, known before anything is rendered; "*" waits for the page, which
      // may still turn out not to exist (a revision of another article).
      const etag = entityTag(pageKeyTag(page.cacheKey), coding);
      if (condition?.trim() !== "*" && notModified(condition, etag))
        return new Response(null, { status: 304, headers: notModifiedHeaders({ ...init.headers, etag }) });
      return send(await readerPage(page.cacheKey, build), etag);
    } catch (error) {
      const title = found?.title ?? (rawParams.slug ? titleOfSlug(rawParams.slug) : "Error");
      return errorPage(error, { title, article: found, reader, https });
    }
  };
}

/**
 * 301 from an old title of a moved article to the same view under its title now (`/wiki/Old/history?x` to
 * `/wiki/New/history?x`); `no-cache`, since the old title may become an article of its own again.
 */
function redirectToMoved(url: URL, slug: string): Response {
  const rest = url.pathname.split("/").slice(3).join("/");
  // A relative location: the request's Host is not trusted to name the site (DESIGN.md invariant 8).
  const location = `/wiki/${encodeURIComponent(slug)}${rest ? `/${rest}` : ""}${url.search}`;
  return new Response(null, { status: 301, headers: { location, "cache-control": "no-cache" } });
}

/** The page of a view that could not be shown: never Next's own, always with the security headers. */
async function errorPage(
  error: unknown,
  page: { title: string; article: ArticleRow | null; reader: Reader | null; https: boolean },
) {
  const send = async (element: ReactElement, status: number, headers: Record<string, string> = {}) =>
    htmlDocumentResponse(`<!DOCTYPE html>${await renderHtml(element)}`, {
      status,
      headers: { "cache-control": "no-store", ...headers },
      https: page.https,
    });
  if (error instanceof WikiError && (error.code === "not_found" || error.code === "bad_request")) {
    const { title, reader, article } = page;
    // The article exists: what is wrong is the revision or parameter asked for, never "start the article".
    const missing = article
      ? createElement(ArticleProblemPage, { title, slug: article.slug, message: error.message, reader })
      : createElement(MissingArticlePage, { title, message: error.message, reader });
    return send(missing, error.status);
  }
  if (error instanceof WikiError && error.code === "overloaded") {
    // The diff workers' line is full: shed the request rather than queue it without end.
    const retryAfter = String((error.details as { retryAfter?: number } | undefined)?.retryAfter ?? 5);
    const text = createElement("p", null, error.message);
    const notice = createElement("div", { className: "notice", role: "status" }, text);
    // biome-ignore lint/correctness/noChildrenProp: createElement's typed props must hold HtmlPage's required children
    const shed = createElement(HtmlPage, { title: page.title, reader: page.reader, children: notice });
    return send(shed, 503, { "retry-after": retryAfter });
  }
  console.error(error);
  return serverErrorResponse(page.https);
}
