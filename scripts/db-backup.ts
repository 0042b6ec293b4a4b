/** `npm run db:backup [-- <file>]`: a pg_dump custom-format backup of DATABASE_URL or the embedded database. */
import path from "node:path";
import { backupDatabase } from "../lib/db/backup";
import { locateDatabase } from "../lib/db/locate";

const log = (line: string) => console.log(`[db:backup] ${line}`);
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const file = process.argv[2] ?? path.join(".data/backups", `wiki-${stamp}.dump`);
const database = await locateDatabase({ log });
try {
  log(`backing up ${database.description}`);
  const result = await backupDatabase({ url: database.url, file });
  log(`wrote ${result.file} (${(result.bytes / 1024).toFixed(0)} KiB) in ${(result.ms / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`[db:backup] ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await database.release();
}
