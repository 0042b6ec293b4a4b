import { MAX_SUGGESTIONS, type TSuggestResponse, ZSuggestQuery } from "@/lib/contracts/search";
import { query } from "@/lib/http/query";
import { suggestTitles } from "@/lib/search/search-articles";

// GET /api/search/suggest?q={prefix}&limit={n} — titles starting with the prefix, for the header's search box. Public.
export const GET = query({
  search: ZSuggestQuery,
  cache: "revalidate",
  async handler({ search }) {
    const suggestions = await suggestTitles({ prefix: search.q, limit: search.limit ?? MAX_SUGGESTIONS });
    const body: TSuggestResponse = { suggestions };
    return { body };
  },
});
