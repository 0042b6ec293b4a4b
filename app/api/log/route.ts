import { ZLogQuery } from "@/lib/contracts/recent-changes";
import { query } from "@/lib/http/query";
import { readLog } from "@/lib/recent-changes/read-log";

// GET /api/log?type=&user=&article=&cursor=&limit= — the global log (protection, rights, blocks, review decisions,
// pending changes, patrol, rollback), newest first. Public.
export const GET = query({
  search: ZLogQuery,
  cache: "revalidate",
  async handler({ search }) {
    return { body: await readLog(search) };
  },
});
