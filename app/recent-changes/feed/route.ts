import { ZRecentChangesQuery } from "@/lib/contracts/recent-changes";
import { feed } from "@/lib/http/feed";
import { recentChangesFeed } from "@/lib/recent-changes/feeds";
import { readRecentChanges } from "@/lib/recent-changes/read-recent-changes";

// GET /recent-changes/feed?(filters) — recent changes as an Atom feed, the same filters as the page (which redirects
// `/recent-changes?format=atom` here). Public and anonymous: feed readers send no session, so patrol state is never in it.
export const GET = feed({
  search: ZRecentChangesQuery,
  cache: "revalidate",
  async handler({ search, origin, host, request }) {
    const { format: _format, cursor: _cursor, ...filters } = search;
    const page = await readRecentChanges({ ...filters, viewer: null });
    const query = new URL(request.url).searchParams;
    query.delete("format");
    query.delete("cursor");
    return recentChangesFeed(page, { origin, host, query: query.toString() });
  },
});
