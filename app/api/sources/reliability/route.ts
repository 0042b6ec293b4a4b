import { ZSourceLookupQuery, ZSourceReliabilityRequestSchema } from "@/lib/contracts/sources";
import { query } from "@/lib/http/query";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { rateUrls } from "@/lib/sources/reliability";
import { setSourceReliability } from "@/lib/sources/set-source-reliability";
import { getReadDb } from "@/lib/db/replicas";

// GET /api/sources/reliability?url={url} — how the source reliability list rates a URL (null when unrated). Public.
export const GET = query({
  search: ZSourceLookupQuery,
  cache: "revalidate",
  async handler({ search }) {
    const rating = (await rateUrls(getReadDb(), [search.url])).get(search.url) ?? null;
    return { body: { url: search.url, rating } };
  },
});

// PUT /api/sources/reliability — rate a domain or take it off the list ("unlisted"), with a public reason. Admins.
export const PUT = mutation({
  schema: ZSourceReliabilityRequestSchema,
  async handler({ input, actor }) {
    return json(await setSourceReliability({ actor, ...input }));
  },
});
