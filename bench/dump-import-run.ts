/**
 * Issue 21's dump-import rows alone, at full scale (the issue's 2,000 pages
 * and 50,000 revisions) unless --quick, on a throwaway embedded PostgreSQL;
 * the import of the largest corpus article is printed beside them as this
 * run's baseline (it is pure CPU, so it says how loaded the machine was).
 * `--pages N --revisions R` sizes the dump for a profile (with
 * `node --cpu-prof`); the full bench runs the same rows (bench/suite.ts):
 *
 *   NODE_ENV=production node --import tsx --import ./scripts/register.mjs bench/dump-import-run.ts [--quick]
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureDatabase, withDatabase } from "../lib/db/admin";
import { createClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { createUser } from "../test/factories";
import { benchDumpImport, benchImport, DUMP_ROWS_PREFIX } from "./import-bench";
import { summarize } from "./load/mixed-load";
import { type BenchRow, ms } from "./measure";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean" },
    pages: { type: "string" },
    revisions: { type: "string" },
    // For `npm run bench` (runDumpImportInChild): the rows as one JSON line at the end.
    "json-rows": { type: "boolean" },
  },
});
const quick = values.quick ?? false;
const scale =
  values.pages || values.revisions
    ? { pages: Number(values.pages ?? 2000), revisions: Number(values.revisions ?? 25) }
    : undefined;
const tmp = await mkdtemp(path.join(os.tmpdir(), "wiki-dump-import-"));
await chmod(tmp, 0o755);
const cluster = await startEmbeddedPostgres({ dataDir: path.join(tmp, "data"), persistent: false, log: () => {} });
const rows: BenchRow[] = [];
const add = (name: string, result: string, target = "", met: boolean | null = null) => {
  rows.push({ name, result, target, met });
  console.log(`[dump-import] ${name}: ${result}${target ? ` (target ${target}: ${met ? "met" : "MISSED"})` : ""}`);
};
const latencyRow = (name: string, samples: number[], target: string, check: (s: { p50: number }) => boolean) => {
  const s = summarize(samples, 0, 1);
  add(name, `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, worst ${ms(s.worst)}`, target, check(s));
  return s;
};
try {
  await ensureDatabase(cluster.adminUrl, "bench");
  const url = withDatabase(cluster.adminUrl, "bench");
  await applyMigrations(url);
  const db = createClient(url);
  const admin = await createUser(db, { name: "bench_admin", ageDays: 100 });
  await db.userGroup.create({ data: { userId: admin.id, group: "admin" } });
  // The baseline before and after the dump rows (a loaded machine changes under a long run): the single-article
  // import (and the 1M-character export), pure CPU.
  const baseline = (when: string) =>
    benchImport({
      quick: true,
      latencyRow: (name, samples, target, check) => latencyRow(`baseline ${when}: ${name}`, samples, target, check),
      log: (line) => console.log(line),
    });
  await baseline("before");
  await benchDumpImport({ db, quick, adminId: admin.id, add, latencyRow, scale, dumpOnly: scale !== undefined });
  await baseline("after");
  await db.$disconnect();
} finally {
  await cluster.stop();
  await rm(tmp, { recursive: true, force: true });
}
if (values["json-rows"]) console.log(`${DUMP_ROWS_PREFIX}${JSON.stringify(rows)}`);
console.log("\n| dump import row | result | target | met |\n|---|---|---|---|");
for (const { name, result, target, met } of rows)
  console.log(`| ${name} | ${result} | ${target} | ${met === null ? "" : met ? "yes" : "NO"} |`);
process.exit(0);
