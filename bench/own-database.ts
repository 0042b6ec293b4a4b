/**
 * What a runner of some rows alone needs (bench/perf22-run.ts,
 * bench/section-render-run.ts): a build, a throwaway embedded PostgreSQL with
 * the bench database migrated, the servers the rows start stopped at the end
 * however they end, and the rows printed as they come and as a table.
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, withDatabase } from "../lib/db/admin";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { buildIfNeeded } from "../scripts/build";
import type { AppServer } from "../test/server";
import type { AddRow, BenchRow } from "./measure";

export async function runRowsOnOwnDatabase(
  name: string,
  run: (context: { url: string; add: AddRow; servers: AppServer[] }) => Promise<void>,
): Promise<never> {
  if (!buildIfNeeded()) process.exit(1);
  const tmp = await mkdtemp(path.join(os.tmpdir(), `wiki-${name}-`));
  await chmod(tmp, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(tmp, "data"), persistent: false, log: () => {} });
  const servers: AppServer[] = [];
  const rows: BenchRow[] = [];
  try {
    await ensureDatabase(cluster.adminUrl, "bench");
    const url = withDatabase(cluster.adminUrl, "bench");
    await applyMigrations(url);
    const add: AddRow = (row, result, target = "", met = null) => {
      rows.push({ name: row, result, target, met });
      console.log(`[${name}] ${row}: ${result}${target ? ` (target ${target}: ${met ? "met" : "MISSED"})` : ""}`);
    };
    await run({ url, add, servers });
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await cluster.stop();
    await rm(tmp, { recursive: true, force: true });
  }
  console.log("");
  for (const row of rows)
    console.log(`| ${row.name} | ${row.result} | ${row.target} | ${row.met === null ? "" : row.met ? "yes" : "NO"} |`);
  process.exit(0);
}
