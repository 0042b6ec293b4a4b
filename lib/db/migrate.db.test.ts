import { cp, mkdtemp, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db";
import { applyMigrations, MIGRATIONS_DIR, MigrationError } from "./migrate";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tableNames = (url: string) =>
  query<{ table_name: string }>(
    url,
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  ).then((rows) => rows.map((row) => row.table_name));

describe("applyMigrations", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it("migrates an empty database, records each migration as Prisma does, and re-running is a no-op", async () => {
    const database = await createTestDatabase({ migrate: false });
    cleanups.push(database.drop);
    const first = await applyMigrations(database.url);
    expect(first.length).toBeGreaterThan(0);
    expect(await tableNames(database.url)).toEqual(
      expect.arrayContaining(["Article", "ContentBlob", "Revision", "User", "_prisma_migrations"]),
    );
    const recorded = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      database.url,
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(first);
    expect(recorded.every((row) => row.finished_at !== null && /^[0-9a-f]{64}$/.test(row.checksum))).toBe(true);

    expect(await applyMigrations(database.url)).toEqual([]);
    const again = await query(database.url, 'SELECT 1 FROM "_prisma_migrations"');
    expect(again).toHaveLength(recorded.length);
  });

  it("leaves the database as it was when a migration fails, and names the failing file", async () => {
    const database = await createTestDatabase({ migrate: false });
    cleanups.push(database.drop);
    const dir = await mkdtemp(path.join(os.tmpdir(), "wiki-migrations-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = path.join(dir, "29990101000000_broken");
    await mkdir(broken);
    // Its first statement would succeed; the second fails, so the first must be rolled back too.
    await writeFile(
      path.join(broken, "migration.sql"),
      'CREATE TABLE "Half" (id INT);\nALTER TABLE "NoSuchTable" ADD COLUMN x INT;\n',
    );

    const error = await applyMigrations(database.url, { dir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).migrationName).toBe("29990101000000_broken");
    expect((error as Error).message).toContain(path.join(broken, "migration.sql"));
    expect((error as Error).message).toContain("NoSuchTable");
    expect(await tableNames(database.url)).not.toContain("Half");
    const recorded = await query<{ migration_name: string }>(
      database.url,
      'SELECT migration_name FROM "_prisma_migrations"',
    );
    expect(recorded.map((row) => row.migration_name)).not.toContain("29990101000000_broken");

    // The good migrations before it did land, and a fixed file then applies.
    await writeFile(path.join(broken, "migration.sql"), 'CREATE TABLE "Half" (id INT);\n');
    expect(await applyMigrations(database.url, { dir })).toEqual(["29990101000000_broken"]);
  });

  it("refuses to run when an applied migration's file was edited", async () => {
    const database = await createTestDatabase({ migrate: false });
    cleanups.push(database.drop);
    const dir = await mkdtemp(path.join(os.tmpdir(), "wiki-migrations-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await applyMigrations(database.url, { dir });
    const names = (await readdir(dir)).filter((name) => !name.endsWith(".toml")).sort();
    await writeFile(path.join(dir, names[0], "migration.sql"), "-- edited\n", { flag: "a" });
    await expect(applyMigrations(database.url, { dir })).rejects.toThrow(/modified after it was applied/);
  });

  it("lets two runners start at once without applying anything twice", async () => {
    const database = await createTestDatabase({ migrate: false });
    cleanups.push(database.drop);
    const [a, b] = await Promise.all([applyMigrations(database.url), applyMigrations(database.url)]);
    expect([...a, ...b].sort()).toEqual([...new Set([...a, ...b])].sort());
    expect(a.length + b.length).toBe((await query(database.url, 'SELECT 1 FROM "_prisma_migrations"')).length);
  });
});
