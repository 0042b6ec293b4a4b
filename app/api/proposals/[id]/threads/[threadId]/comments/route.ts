import { ZReplyRequestSchema, ZThreadParams } from "@/lib/contracts/review-threads";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { replyToThread } from "@/lib/review-threads/reply-to-thread";

// POST /api/proposals/{id}/threads/{threadId}/comments — reply to a thread (any version's). Signed-in users.
export const POST = mutation({
  schema: ZReplyRequestSchema,
  params: ZThreadParams,
  rateLimit: "comment",
  async handler({ input, params, actor }) {
    return json(
      await replyToThread({ actor, proposalId: params.id, threadId: params.threadId, body: input.body }),
      201,
    );
  },
});
