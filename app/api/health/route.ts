import { getDb } from "@/lib/db/client";
import { WikiError } from "@/lib/errors";
import { query } from "@/lib/http/query";

// GET /api/health — for load balancers: 200 when this instance reaches the database, 503 otherwise.
// No actor: a health check must stay cheap under load, so the session is not even decoded.
export const GET = query({
  cache: "none",
  async handler() {
    try {
      await getDb().$queryRaw`SELECT 1`;
    } catch {
      throw new WikiError("unavailable", "The database is not reachable.");
    }
    return { body: { ok: true } };
  },
});
