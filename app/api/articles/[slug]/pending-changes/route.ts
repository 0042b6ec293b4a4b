import { setPendingChanges } from "@/lib/articles/set-pending-changes";
import { type TPendingChangesSetting, ZArticleParams, ZSetPendingChangesRequestSchema } from "@/lib/contracts/articles";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";

// PUT /api/articles/{slug}/pending-changes — turn pending changes on (optional expiry) or off, with a reason. Admins.
export const PUT = mutation({
  schema: ZSetPendingChangesRequestSchema,
  params: ZArticleParams,
  async handler({ input, params, actor }) {
    const setting = await setPendingChanges({
      actor,
      slug: params.slug,
      enabled: input.enabled,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      reason: input.reason,
    });
    return json({
      pendingChanges: { ...setting, expiresAt: setting.expiresAt?.toISOString() ?? null },
    } satisfies TPendingChangesSetting);
  },
});
