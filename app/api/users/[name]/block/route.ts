import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { blockUser, unblockUser } from "@/lib/users/change-rights";
import { ZBlockUserRequestSchema, ZUnblockUserRequestSchema, ZUserParams } from "@/lib/contracts/users";

// PUT /api/users/{name}/block — block a user until a time or indefinitely. Admins.
export const PUT = mutation({
  schema: ZBlockUserRequestSchema,
  params: ZUserParams,
  async handler({ input, params, actor }) {
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    return json(await blockUser({ actor, targetName: params.name, expiresAt, reason: input.reason }));
  },
});

// DELETE /api/users/{name}/block — lift a block. Admins.
export const DELETE = mutation({
  schema: ZUnblockUserRequestSchema,
  params: ZUserParams,
  async handler({ input, params, actor }) {
    return json(await unblockUser({ actor, targetName: params.name, reason: input.reason }));
  },
});
