import { z } from "zod";
import { setProtection } from "@/lib/articles/protect-article";
import { ZProtectionLevel } from "@/lib/authz/levels";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";

const ZSetProtectionRequestSchema = z.strictObject({
  level: ZProtectionLevel,
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  reason: z.string().max(500),
});

// PUT /api/articles/{slug}/protection — set level, expiry and reason. Admins.
export const PUT = mutation<typeof ZSetProtectionRequestSchema, { slug: string }>({
  schema: ZSetProtectionRequestSchema,
  async handler({ input, params, actor }) {
    const protection = await setProtection({
      actor,
      slug: params.slug,
      level: input.level,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      reason: input.reason,
    });
    return json({ protection: { ...protection, protectionExpiresAt: protection.protectionExpiresAt?.toISOString() ?? null } });
  },
});
