import { ZApplySuggestionRequestSchema, ZThreadParams } from "@/lib/contracts/review-threads";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { applySuggestion } from "@/lib/review-threads/apply-suggestion";

// POST /api/proposals/{id}/threads/{threadId}/apply — apply the thread's suggested change as a new version. The proposal's author.
export const POST = mutation({
  schema: ZApplySuggestionRequestSchema,
  params: ZThreadParams,
  rateLimit: "proposal",
  async handler({ input, params, actor }) {
    return json(
      await applySuggestion({ actor, proposalId: params.id, threadId: params.threadId, version: input.version }),
      201,
    );
  },
});
