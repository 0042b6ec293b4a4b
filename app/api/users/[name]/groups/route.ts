import { z } from "zod";
import { GRANTABLE_GROUPS } from "@/lib/authz/policy";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { grantGroup } from "@/lib/users/change-rights";

const ZGrantGroupRequestSchema = z.strictObject({ group: z.enum(GRANTABLE_GROUPS), reason: z.string().max(500) });

// POST /api/users/{name}/groups — grant a group. Admins.
export const POST = mutation<typeof ZGrantGroupRequestSchema, { name: string }>({
  schema: ZGrantGroupRequestSchema,
  async handler({ input, params, actor }) {
    return json(await grantGroup({ actor, targetName: params.name, group: input.group, reason: input.reason }), 201);
  },
});
