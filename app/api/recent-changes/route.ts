import { ZRecentChangesQuery } from "@/lib/contracts/recent-changes";
import { query } from "@/lib/http/query";
import { readRecentChanges } from "@/lib/recent-changes/read-recent-changes";

// GET /api/recent-changes?level=&origin=&group=&minSize=&maxSize=&tag=&unpatrolled=1&kind=&cursor=&limit= — a page of
// recent changes across the site, newest first. Public; `unpatrolled` and the patrol state are for reviewers and admins.
export const GET = query({
  search: ZRecentChangesQuery,
  actor: true,
  cache: "private",
  async handler({ search, actor }) {
    const { format: _format, ...filters } = search;
    return { body: await readRecentChanges({ ...filters, viewer: actor }) };
  },
});
