import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { grantGroup } from "@/lib/users/change-rights";
import { ZGrantGroupRequestSchema, ZUserParams } from "@/lib/contracts/users";

// POST /api/users/{name}/groups — grant a group. Admins.
export const POST = mutation({
  schema: ZGrantGroupRequestSchema,
  params: ZUserParams,
  async handler({ input, params, actor }) {
    return json(await grantGroup({ actor, targetName: params.name, group: input.group, reason: input.reason }), 201);
  },
});
