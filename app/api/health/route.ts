import { getDb } from "@/lib/db/client";

// GET /api/health — for load balancers: 200 when this instance reaches the database, 503 otherwise.
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ ok: false, error: { code: "unavailable", message: "The database is not reachable." } }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
