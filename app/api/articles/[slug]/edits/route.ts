import { submitEdit } from "@/lib/editing/submit-edit";
import {
  maxEditBytes,
  proposedBody,
  type TEditCreated,
  type TEditUnchanged,
  ZArticleParams,
  ZEditRequestSchema,
} from "@/lib/contracts/articles";
import { mutation } from "@/lib/http/mutation";
import { clientAddress } from "@/lib/http/origin";
import { json } from "@/lib/http/respond";

// POST /api/articles/{slug}/edits — save an edit: 201 with the new revision (merged section by
// section if the article moved on), 202 with a proposal when the user may only propose, 200 when
// nothing changed, 409 with both versions on a conflict, 400 invalid document, 413 too large. Signed-in users.
export const POST = mutation({
  schema: ZEditRequestSchema,
  params: ZArticleParams,
  rateLimit: "edit",
  bodyLimit: maxEditBytes(),
  async handler({ input, params, actor, request }) {
    const outcome = await submitEdit({ actor, slug: params.slug, request: input, client: clientAddress(request) });
    if (outcome.status === "proposed") return json(proposedBody(outcome.proposalId), 202);
    if (outcome.status === "unchanged") {
      const body: TEditUnchanged = { status: "unchanged", revision: { id: outcome.revisionId } };
      return json(body, 200);
    }
    const body: TEditCreated = {
      status: "saved",
      revision: { id: outcome.revisionId, parentId: outcome.parentId, summary: outcome.summary },
      merged: outcome.mergedWith ? { withRevisionId: outcome.mergedWith } : null,
    };
    return json(body, 201);
  },
});
