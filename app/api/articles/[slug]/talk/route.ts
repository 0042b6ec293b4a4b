import { ZArticleParams } from "@/lib/contracts/articles";
import { ZStartTopicRequestSchema } from "@/lib/contracts/talk";
import { mutation } from "@/lib/http/mutation";
import { query } from "@/lib/http/query";
import { json } from "@/lib/http/respond";
import { readTalkPage, talkPageJson } from "@/lib/talk/read-talk-page";
import { startTopic } from "@/lib/talk/start-topic";

// GET /api/articles/{slug}/talk — the talk page's topics (oldest first) with their posts and citing proposals. Public.
export const GET = query({
  params: ZArticleParams,
  cache: "revalidate",
  async handler({ params }) {
    return { body: talkPageJson(await readTalkPage({ slug: params.slug })) };
  },
});

// POST /api/articles/{slug}/talk — start a topic (title and first post). Signed-in users who are not blocked, whatever the protection.
export const POST = mutation({
  schema: ZStartTopicRequestSchema,
  params: ZArticleParams,
  rateLimit: "talk",
  bodyLimit: 128 * 1024,
  async handler({ input, params, actor }) {
    return json(await startTopic({ actor, slug: params.slug, request: input }), 201);
  },
});
