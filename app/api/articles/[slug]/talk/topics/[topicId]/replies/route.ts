import { ZReplyToTopicRequestSchema, ZTalkTopicParams } from "@/lib/contracts/talk";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { replyToTopic } from "@/lib/talk/reply-to-topic";

// POST /api/articles/{slug}/talk/topics/{topicId}/replies — reply to a post of the topic (parentId; none: its first post). Signed-in users who are not blocked.
export const POST = mutation({
  schema: ZReplyToTopicRequestSchema,
  params: ZTalkTopicParams,
  rateLimit: "talk",
  bodyLimit: 128 * 1024,
  async handler({ input, params, actor }) {
    return json(await replyToTopic({ actor, slug: params.slug, topicId: params.topicId, request: input }), 201);
  },
});
