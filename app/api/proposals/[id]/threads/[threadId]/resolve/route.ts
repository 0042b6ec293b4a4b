import { ZResolveRequestSchema, ZThreadParams } from "@/lib/contracts/review-threads";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { setThreadResolved } from "@/lib/review-threads/resolve-thread";

// POST /api/proposals/{id}/threads/{threadId}/resolve — resolve a thread. The proposal's author, the thread's starter, reviewers.
export const POST = mutation({
  schema: ZResolveRequestSchema,
  params: ZThreadParams,
  rateLimit: "comment",
  async handler({ input, params, actor }) {
    return json(
      await setThreadResolved({
        actor,
        proposalId: params.id,
        threadId: params.threadId,
        resolved: true,
        body: input.body,
      }),
    );
  },
});
