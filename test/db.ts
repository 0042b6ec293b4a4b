import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { dropDatabase, ensureDatabase, withDatabase } from "../lib/db/admin";
import { createClient, type Db } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { clearContentCache } from "../lib/articles/content-store";

/** An empty database of this test file's own on the test server; dropped after the file. */
export async function createTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `wiki_test_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  if (options.migrate ?? true) await applyMigrations(url);
  // The blob cache holds what this process read from its one database, and a writer skips the blobs it holds
  // as stored already; a test process that moves to another database must not carry them over.
  clearContentCache();
  return { name, url, drop: () => dropDatabase(adminUrl, name) };
}

/**
 * Gives the test file a migrated database and a Prisma client on it:
 * `const ctx = useTestDatabase(); ... ctx.db`.
 */
export function useTestDatabase(): { db: Db; url: string } {
  const context = {} as { db: Db; url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    const database = await createTestDatabase();
    context.url = database.url;
    context.drop = database.drop;
    context.db = createClient(database.url);
  });
  afterAll(async () => {
    await context.db?.$disconnect();
    await context.drop?.();
  });
  return context;
}

/**
 * Every row of every table (but the migration log) as one string: two equal
 * snapshots prove a refused request changed nothing, whatever table a future
 * mutation writes to. Each table's rows are hashed in the database, so a
 * snapshot is one cheap query (the fuzz tests take thousands) and a failure
 * still names the table that changed.
 */
export async function snapshotAllRows(db: Db): Promise<string> {
  const tables = await tablesOf(db);
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const columns = tables.map(
    ({ name }, index) =>
      `(SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM ${quote(name)} t) AS t${index}`,
  );
  const [row] = await db.$queryRawUnsafe<Array<Record<string, string>>>(`SELECT ${columns.join(", ")}`);
  return tables.map(({ name }, index) => `${name}: ${row[`t${index}`]}`).join("\n");
}

const tableLists = new WeakMap<Db, Promise<Array<{ name: string }>>>();

/** The tables of a migrated test database (read once: migrations ran before the first snapshot). */
function tablesOf(db: Db): Promise<Array<{ name: string }>> {
  let tables = tableLists.get(db);
  if (!tables) {
    tables = db.$queryRaw<Array<{ name: string }>>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`;
    tableLists.set(db, tables);
  }
  return tables;
}
