import { citeFromUrl } from "@/lib/citations/cite-from-url";
import { ZCitationFromUrlRequestSchema } from "@/lib/contracts/sources";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";

// POST /api/citations/from-url — the reference fields a public web page gives about itself, for the citation dialog. Signed in.
export const POST = mutation({
  schema: ZCitationFromUrlRequestSchema,
  rateLimit: "citation",
  async handler({ input, actor }) {
    return json(await citeFromUrl({ actor, url: input.url }));
  },
});
