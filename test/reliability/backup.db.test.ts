import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { saveRevision } from "../../lib/articles/save-revision";
import { dropDatabase, withDatabase } from "../../lib/db/admin";
import { backupDatabase, BackupError, databaseFingerprint, restoreDatabase } from "../../lib/db/backup";
import { createClient } from "../../lib/db/client";
import { checkInvariants } from "../../lib/db/invariants";
import { useTestDatabase } from "../db";
import { generateArticle } from "../factories";
import { seedMixedData } from "./fixtures";

/**
 * Backup and restore: a database with users, articles with history and
 * proposals in every state is dumped (pg_dump -Fc) and restored (one
 * transaction) into a fresh database; every table's rows, every sequence and
 * every content hash must come back identical.
 */

const run = promisify(execFile);
const source = useTestDatabase();
const adminUrl = () => inject("adminDatabaseUrl");
const created: string[] = [];
let folder: string;
let dump: string;

const fresh = (label: string) => {
  const name = `${path.basename(new URL(source.url).pathname)}_${label}`;
  created.push(name);
  return name;
};

async function contentHashes(url: string): Promise<string[]> {
  const db = createClient(url);
  try {
    return (await db.contentBlob.findMany({ select: { hash: true }, orderBy: { hash: "asc" } })).map((row) => row.hash);
  } finally {
    await db.$disconnect();
  }
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "wiki-backup-"));
  dump = path.join(folder, "wiki.dump");
  const seeded = await seedMixedData(source.db, "bak");
  // A larger article too, so the restore moves a few thousand blobs.
  let base: number | null = null;
  for (let version = 0; version < 3; version++) {
    const saved = await saveRevision({
      db: source.db,
      slug: "Generated_article",
      baseRevisionId: base,
      content: generateArticle({ sections: 120, references: 150, sectionChars: 1500, seed: version + 1 }),
      authorId: seeded.cast.admin.id,
    });
    base = saved.revisionId;
  }
}, 120_000);

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl(), name);
  await rm(folder, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores a backup into a fresh database with every row, sequence and content hash identical", async () => {
    const backup = await backupDatabase({ url: source.url, file: dump });
    expect(backup.bytes).toBeGreaterThan(0);
    const targetUrl = withDatabase(source.url, fresh("restored"));
    const restored = await restoreDatabase({ file: dump, targetUrl, adminUrl: adminUrl() });
    expect(restored.previous).toBeNull();

    const [before, after] = await Promise.all([databaseFingerprint(source.url), databaseFingerprint(targetUrl)]);
    expect(Object.keys(before.tables)).toEqual(
      expect.arrayContaining([
        "Article",
        "ContentBlob",
        "Proposal",
        "ReviewDecision",
        "Revision",
        "User",
        "_prisma_migrations",
      ]),
    );
    expect(after).toEqual(before);
    expect(await contentHashes(targetUrl)).toEqual(await contentHashes(source.url));

    // Every blob's data still hashes to its name, and the restored data is consistent.
    const db = createClient(targetUrl);
    try {
      const report = await checkInvariants(db);
      expect(report.problems).toEqual([]);
      expect(report.counts.blobsHashed).toBe(before.tables.ContentBlob.rows);
      // The immutability triggers came back with the schema.
      await expect(db.$executeRawUnsafe(`DELETE FROM "Revision"`)).rejects.toThrow(/immutable/);
    } finally {
      await db.$disconnect();
    }
    const rows = Object.values(before.tables).reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `[backup] ${Object.keys(before.tables).length} tables, ${rows.toLocaleString("en")} rows (${before.tables.ContentBlob.rows} blobs, ${before.tables.Revision.rows} revisions); dump ${(backup.bytes / 1024).toFixed(0)} KiB in ${backup.ms.toFixed(0)} ms; restore ${restored.ms.toFixed(0)} ms`,
    );
  });

  it("refuses to restore over a database with data, and with replace swaps the restored one in and keeps the old", async () => {
    const target = fresh("replace");
    const targetUrl = withDatabase(source.url, target);
    await restoreDatabase({ file: dump, targetUrl, adminUrl: adminUrl() });
    // Make the target differ from the backup, so the swap is visible.
    const db = createClient(targetUrl);
    await db.user.updateMany({ data: { editCount: 12345 } });
    await db.$disconnect();

    await expect(restoreDatabase({ file: dump, targetUrl, adminUrl: adminUrl() })).rejects.toThrow(BackupError);
    const replaced = await restoreDatabase({ file: dump, targetUrl, adminUrl: adminUrl(), replace: true });
    expect(replaced.previous).toMatch(new RegExp(`^${target}_before_restore_\\d{14}$`));
    created.push(replaced.previous!);
    expect(await databaseFingerprint(targetUrl)).toEqual(await databaseFingerprint(source.url));
    const kept = await databaseFingerprint(withDatabase(source.url, replaced.previous!));
    expect(kept.tables.User.rows).toBe((await databaseFingerprint(source.url)).tables.User.rows);
    expect(kept.tables.User.md5).not.toBe((await databaseFingerprint(source.url)).tables.User.md5);
  });

  it("leaves no database behind when a restore fails", async () => {
    const broken = path.join(folder, "broken.dump");
    const bytes = await readFile(dump);
    await writeFile(broken, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const target = fresh("broken");
    await expect(
      restoreDatabase({ file: broken, targetUrl: withDatabase(source.url, target), adminUrl: adminUrl() }),
    ).rejects.toThrow(/pg_restore failed/);
    const client = createClient(adminUrl());
    try {
      expect(await client.$queryRawUnsafe(`SELECT datname FROM pg_database WHERE datname = '${target}'`)).toEqual([]);
    } finally {
      await client.$disconnect();
    }
  });

  it("npm run db:backup, db:restore and db:check work on DATABASE_URL", async () => {
    const file = path.join(folder, "cli.dump");
    const target = fresh("cli");
    const env = { ...process.env, DATABASE_URL: source.url };
    const tool = (script: string, args: string[], extraEnv: Record<string, string> = {}) =>
      run(process.execPath, ["--import", "tsx", "--import", "./scripts/register.mjs", `scripts/${script}`, ...args], {
        env: { ...env, ...extraEnv },
      });
    const backup = await tool("db-backup.ts", [file]);
    expect(backup.stdout).toMatch(/\[db:backup\] wrote .*cli\.dump \(\d+ KiB\) in [\d.]+ s/);
    const restore = await tool("db-restore.ts", [file, "--into", target]);
    expect(restore.stdout).toMatch(new RegExp(`restored the database "${target}" in [\\d.]+ s`));
    const check = await tool("check-invariants.ts", [], { DATABASE_URL: withDatabase(source.url, target) });
    expect(check.stdout).toMatch(/all invariants hold/);
    await expect(tool("db-restore.ts", [file, "--into", target])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/is not empty/),
    });
  });
});
