import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { revokeGroup } from "@/lib/users/change-rights";
import { ZRevokeGroupRequestSchema, ZUserGroupParams } from "@/lib/contracts/users";

// DELETE /api/users/{name}/groups/{group} — revoke a granted group. Admins.
export const DELETE = mutation({
  schema: ZRevokeGroupRequestSchema,
  params: ZUserGroupParams,
  async handler({ input, params, actor }) {
    return json(await revokeGroup({ actor, targetName: params.name, group: params.group, reason: input.reason }));
  },
});
