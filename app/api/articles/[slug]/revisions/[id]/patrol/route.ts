import { ZRevisionParams } from "@/lib/contracts/articles";
import { type TPatrolResult, ZPatrolRequestSchema } from "@/lib/contracts/recent-changes";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { patrolRevision } from "@/lib/recent-changes/patrol-revision";

// POST /api/articles/{slug}/revisions/{id}/patrol — mark an edit patrolled (idempotent: 200 either way, `marked`
// says whether this request did it). Reviewers and admins.
export const POST = mutation({
  schema: ZPatrolRequestSchema,
  params: ZRevisionParams,
  async handler({ params, actor }) {
    const result = await patrolRevision({ actor, slug: params.slug, revisionId: params.id });
    return json(result satisfies TPatrolResult);
  },
});
