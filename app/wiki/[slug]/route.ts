import { createElement } from "react";
import { ArticlePage, MissingArticlePage } from "@/components/article/article-page";
import { readArticleRevision } from "@/lib/articles/read-article";
import { sessionUserId } from "@/lib/auth/session";
import { decide } from "@/lib/authz/policy";
import { getDb } from "@/lib/db/client";
import { loadActor } from "@/lib/users/load-actor";
import { countOpenProposals } from "@/lib/proposals/review-queue";
import { slugOfTitle, titleOfSlug } from "@/lib/articles/titles";
import { WikiError } from "@/lib/errors";
import { htmlResponse } from "@/lib/http/html";
import { parseId } from "@/lib/http/respond";

// GET /wiki/{slug}[?oldid={revisionId}] — an article, current or at an old revision.
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug: rawSlug } = await context.params;
  const slug = decodeURIComponent(rawSlug);
  const url = new URL(request.url);
  const canonical = slugOfTitle(slug);
  if (canonical !== slug && canonical !== "") {
    url.pathname = `/wiki/${encodeURIComponent(canonical)}`;
    return Response.redirect(url, 301);
  }
  const actor = await loadActor(getDb(), await sessionUserId(request.headers.get("cookie")));
  try {
    const oldid = url.searchParams.get("oldid");
    const view = await readArticleRevision({ slug, revisionId: oldid === null ? undefined : parseId(oldid, "oldid") });
    const viewer = actor
      ? {
          name: actor.name,
          canProtect: decide(actor, "protect").allowed,
          canEdit: decide(actor, "edit", { protection: view.protection.level }).allowed,
          reviewCount: decide(actor, "review").allowed ? await countOpenProposals() : null,
        }
      : null;
    // The page names the signed-in user, so it is private; an old revision's body never changes.
    const cacheControl = actor ? "private, no-cache" : view.isCurrent ? "no-cache" : "public, max-age=31536000, immutable";
    return htmlResponse(createElement(ArticlePage, { view, viewer }), { headers: { "cache-control": cacheControl } });
  } catch (error) {
    if (error instanceof WikiError && (error.code === "not_found" || error.code === "bad_request")) {
      return htmlResponse(createElement(MissingArticlePage, { title: titleOfSlug(slug), message: error.message, userName: actor?.name }), { status: error.status });
    }
    throw error;
  }
}
