import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { dropDatabase, ensureDatabase, withDatabase } from "../lib/db/admin";
import { createClient, type Db } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { clearContentCache } from "../lib/articles/content-store";

/** An empty database of this test file's own on the test server; dropped after the file. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<{ name: string; url: string; drop(): Promise<void> }> {
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
