import { z } from "zod";
import { ZGrantableGroup } from "@/lib/authz/groups";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { grantGroup } from "@/lib/users/change-rights";

const ZGrantGroupRequestSchema = z.strictObject({ group: ZGrantableGroup, reason: z.string().max(500) });

// POST /api/users/{name}/groups — grant a group. Admins.
export const POST = mutation<typeof ZGrantGroupRequestSchema, { name: string }>({
  schema: ZGrantGroupRequestSchema,
  async handler({ input, params, actor }) {
    return json(await grantGroup({ actor, targetName: params.name, group: input.group, reason: input.reason }), 201);
  },
});
