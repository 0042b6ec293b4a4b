import { acceptPendingChanges } from "@/lib/articles/accept-pending-changes";
import {
  type TPendingChangesAccepted,
  ZAcceptPendingChangesRequestSchema,
  ZArticleParams,
} from "@/lib/contracts/articles";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";

// POST /api/articles/{slug}/pending-changes/accept — accept pending changes up to the revision the reviewer saw
// (`revisionId`); later edits stay pending; 409 when it is already accepted. Reviewers and admins.
export const POST = mutation({
  schema: ZAcceptPendingChangesRequestSchema,
  params: ZArticleParams,
  async handler({ input, params, actor }) {
    const accepted = await acceptPendingChanges({ actor, slug: params.slug, revisionId: input.revisionId });
    return json(accepted satisfies TPendingChangesAccepted);
  },
});
