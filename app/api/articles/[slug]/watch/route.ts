import { ZArticleParams } from "@/lib/contracts/articles";
import {
  type TWatchResponse,
  ZUnwatchRequestSchema,
  ZWatchFormSchema,
  ZWatchRequestSchema,
} from "@/lib/contracts/notifications";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { unwatchArticle } from "@/lib/watchlist/unwatch-article";
import { watchArticle } from "@/lib/watchlist/watch-article";

// PUT /api/articles/{slug}/watch — watch the article, body { expiry: "permanent" | "1week" | "1month" | "3months" }. Signed-in users.
export const PUT = mutation({
  schema: ZWatchRequestSchema,
  params: ZArticleParams,
  bodyLimit: 1024,
  async handler({ input, params, actor }) {
    return json((await watchArticle({ actor, slug: params.slug, expiry: input.expiry })) satisfies TWatchResponse);
  },
});

// DELETE /api/articles/{slug}/watch — stop watching the article. Signed-in users.
export const DELETE = mutation({
  schema: ZUnwatchRequestSchema,
  params: ZArticleParams,
  bodyLimit: 1024,
  async handler({ params, actor }) {
    return json((await unwatchArticle({ actor, slug: params.slug })) satisfies TWatchResponse);
  },
});

// POST /api/articles/{slug}/watch — the article page's star without script: a form (watch=1|0, expiry), answered
// with 303 back to the article. Signed-in users.
export const POST = mutation({
  schema: ZWatchFormSchema,
  params: ZArticleParams,
  body: "form",
  bodyLimit: 1024,
  async handler({ input, params, actor }) {
    if (input.watch === "1") await watchArticle({ actor, slug: params.slug, expiry: input.expiry });
    else await unwatchArticle({ actor, slug: params.slug });
    return new Response(null, { status: 303, headers: { location: `/wiki/${encodeURIComponent(params.slug)}` } });
  },
});
