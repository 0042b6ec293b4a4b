import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { ZReviewRequirementRequestSchema } from "@/lib/contracts/review";
import { setReviewRequirement } from "@/lib/proposals/set-review-requirement";

// PUT /api/review-requirements — how many distinct reviewers must approve a proposal under one protection level, with a public reason. Admins.
export const PUT = mutation({
  schema: ZReviewRequirementRequestSchema,
  async handler({ input, actor }) {
    return json(await setReviewRequirement({ actor, ...input }));
  },
});
