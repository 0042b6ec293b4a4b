import { submitEdit } from "@/lib/articles/edit-article";
import { maxEditBytes, ZEditRequestSchema, type TEditCreated, type TEditUnchanged } from "@/lib/articles/edit-contract";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";

// POST /api/articles/{slug}/edits — save an edit: 201 with the new revision (merged section by
// section if the article moved on), 200 when nothing changed, 409 with both versions on a conflict,
// 403 when the user may only propose, 400 invalid document, 413 too large. Signed-in users with edit rights.
export const POST = mutation<typeof ZEditRequestSchema, { slug: string }>({
  schema: ZEditRequestSchema,
  bodyLimit: maxEditBytes(),
  async handler({ input, params, actor }) {
    const outcome = await submitEdit({ actor, slug: decodeURIComponent(params.slug), request: input });
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
