import type { Db } from "../../lib/db/client";

/**
 * Every row of every table (but the migration log) as one string: two equal
 * snapshots prove a refused request changed nothing, whatever table a future
 * mutation writes to.
 */
export async function snapshotAllRows(db: Db): Promise<string> {
  const tables = await db.$queryRaw<Array<{ name: string }>>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
    ORDER BY table_name`;
  const parts = await Promise.all(
    tables.map(async ({ name }) => {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      const [row] = await db.$queryRawUnsafe<Array<{ rows: string }>>(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text AS rows FROM ${quoted} t`);
      return `${name}: ${row.rows}`;
    }),
  );
  return parts.join("\n");
}
