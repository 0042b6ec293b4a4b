/** `npm run db:check [-- --no-hashes]`: checks the invariants of DATABASE_URL or the embedded database; exits 1 on a problem. */
import { createClient } from "../lib/db/client";
import { checkInvariants } from "../lib/db/invariants";
import { locateDatabase } from "../lib/db/locate";

const log = (line: string) => console.log(`[db:check] ${line}`);
const database = await locateDatabase({ log });
const db = createClient(database.url);
try {
  log(`checking ${database.description}`);
  const started = performance.now();
  const report = await checkInvariants(db, { verifyBlobHashes: !process.argv.includes("--no-hashes") });
  const counts = Object.entries(report.counts)
    .map(([name, value]) => `${name} ${value.toLocaleString("en")}`)
    .join(", ");
  log(counts);
  for (const problem of report.problems) log(`PROBLEM ${problem}`);
  log(
    `${report.ok ? "all invariants hold" : `${report.problems.length} problem(s)`} (${Math.round(performance.now() - started)} ms)`,
  );
  if (!report.ok) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
} finally {
  await db.$disconnect();
  await database.release();
}
