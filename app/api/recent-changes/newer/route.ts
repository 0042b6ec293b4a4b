import { ZNewerChangesQuery } from "@/lib/contracts/recent-changes";
import { query } from "@/lib/http/query";
import { countNewerChanges } from "@/lib/recent-changes/read-recent-changes";

// GET /api/recent-changes/newer?since={id}&(filters) — how many changes matching the filters came after `since`
// (at most 100): what the recent changes page polls to offer "N new changes — show". Public, one small index scan.
export const GET = query({
  search: ZNewerChangesQuery,
  actor: true,
  cache: "private",
  async handler({ search, actor }) {
    const { format: _format, cursor: _cursor, limit: _limit, ...filters } = search;
    return { body: await countNewerChanges({ ...filters, viewer: actor }) };
  },
});
