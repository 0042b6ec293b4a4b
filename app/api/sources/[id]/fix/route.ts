import { ZFixSourceRequestSchema, ZSourceParams, type TFixSourceResponse } from "@/lib/contracts/sources";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { fixSource } from "@/lib/sources/fix-source";

// POST /api/sources/{id}/fix — "fix once": correct a source's metadata in every article citing it (one edit, or one
// proposal where protection requires, per article), answered with the report. Signed-in users who are not blocked.
export const POST = mutation({
  schema: ZFixSourceRequestSchema,
  params: ZSourceParams,
  bodyLimit: 16 * 1024,
  rateLimit: "source-fix",
  async handler({ input, params, actor }) {
    const fix = await fixSource({ actor, sourceId: params.id, request: input });
    const body: TFixSourceResponse = {
      fixId: fix.fixId,
      url: `/sources/${fix.sourceId}?fix=${fix.fixId}`,
      rows: fix.rows,
    };
    return json(body);
  },
});
