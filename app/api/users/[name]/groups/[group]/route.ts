import { z } from "zod";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { revokeGroup } from "@/lib/users/change-rights";

const ZRevokeGroupRequestSchema = z.strictObject({ reason: z.string().max(500) });

// DELETE /api/users/{name}/groups/{group} — revoke a granted group. Admins.
export const DELETE = mutation<typeof ZRevokeGroupRequestSchema, { name: string; group: string }>({
  schema: ZRevokeGroupRequestSchema,
  async handler({ input, params, actor }) {
    return json(await revokeGroup({ actor, targetName: params.name, group: params.group, reason: input.reason }));
  },
});
