import { z } from "zod";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { blockUser, unblockUser } from "@/lib/users/change-rights";

const ZBlockUserRequestSchema = z.strictObject({ expiresAt: z.iso.datetime({ offset: true }).nullable().optional(), reason: z.string().max(500) });
const ZUnblockUserRequestSchema = z.strictObject({ reason: z.string().max(500) });

// PUT /api/users/{name}/block — block a user until a time or indefinitely. Admins.
export const PUT = mutation<typeof ZBlockUserRequestSchema, { name: string }>({
  schema: ZBlockUserRequestSchema,
  async handler({ input, params, actor }) {
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    return json(await blockUser({ actor, targetName: params.name, expiresAt, reason: input.reason }));
  },
});

// DELETE /api/users/{name}/block — lift a block. Admins.
export const DELETE = mutation<typeof ZUnblockUserRequestSchema, { name: string }>({
  schema: ZUnblockUserRequestSchema,
  async handler({ input, params, actor }) {
    return json(await unblockUser({ actor, targetName: params.name, reason: input.reason }));
  },
});
