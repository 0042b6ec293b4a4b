import { setProtection } from "@/lib/articles/protect-article";
import { ZArticleParams, ZSetProtectionRequestSchema } from "@/lib/contracts/articles";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";

// PUT /api/articles/{slug}/protection — set level, expiry and reason. Admins.
export const PUT = mutation({
  schema: ZSetProtectionRequestSchema,
  params: ZArticleParams,
  async handler({ input, params, actor }) {
    const protection = await setProtection({
      actor,
      slug: params.slug,
      level: input.level,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      reason: input.reason,
    });
    return json({
      protection: { ...protection, protectionExpiresAt: protection.protectionExpiresAt?.toISOString() ?? null },
    });
  },
});
