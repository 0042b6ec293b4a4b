/**
 * `npm run db:restore -- <file> [--into <database>] [--replace]`: restores a
 * backup in one transaction into the app's database (DATABASE_URL or the
 * embedded one) when it is empty or missing, into a new database `--into`,
 * or, with `--replace`, swaps it in for the current data (kept under another name).
 */
import { withDatabase } from "../lib/db/admin";
import { restoreDatabase } from "../lib/db/backup";
import { locateDatabase } from "../lib/db/locate";

const log = (line: string) => console.log(`[db:restore] ${line}`);
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const file = args.find((arg, index) => !arg.startsWith("--") && args[index - 1] !== "--into");
if (!file) {
  console.error("usage: npm run db:restore -- <backup file> [--into <new database>] [--replace]");
  process.exit(2);
}
const database = await locateDatabase({ log });
try {
  const into = option("--into");
  const targetUrl = into ? withDatabase(database.url, into) : database.url;
  log(`restoring ${file} into ${into ? `the database "${into}" beside ` : ""}${database.description}`);
  const result = await restoreDatabase({
    file,
    targetUrl,
    adminUrl: database.adminUrl,
    replace: args.includes("--replace"),
  });
  log(
    `restored the database "${result.database}" in ${(result.ms / 1000).toFixed(1)} s${result.previous ? `; the data it replaced is kept as "${result.previous}"` : ""}`,
  );
} catch (error) {
  console.error(`[db:restore] ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await database.release();
}
