import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { withDatabase } from "./admin";
import { embeddedUrl, runningClusterPassword, startEmbeddedPostgres } from "./embedded";
import { DEFAULT_DATA_DIR } from "./setup";

/** The database the app uses, opened for a maintenance tool. */
export interface LocatedDatabase {
  /** the app's database */
  url: string;
  /** the same server's maintenance database, for CREATE/DROP DATABASE */
  adminUrl: string;
  /** how it was found, for the tool's output */
  description: string;
  /** stops the embedded server if this call started it */
  release(): Promise<void>;
}

/** The port of the embedded PostgreSQL already running on `dataDir` (its postmaster.pid), or null. */
function runningEmbeddedPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pidLine), 0);
  } catch (error) {
    // EPERM: alive but another user's (PostgreSQL runs as `postgres` when we are root).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null;
  }
  const port = Number(portLine);
  return Number.isInteger(port) && port > 0 ? port : null;
}

/**
 * DATABASE_URL when set; otherwise the embedded `.data/postgres` database
 * (WIKI_DATA_DIR), used where it runs (e.g. beside `npm start`) or started
 * for the tool's duration. Unlike prepareDatabase it applies no migrations:
 * backups and checks must not change what they look at.
 */
export async function locateDatabase(options: { log?: (line: string) => void } = {}): Promise<LocatedDatabase> {
  const url = process.env.DATABASE_URL;
  if (url)
    return {
      url,
      adminUrl: withDatabase(url, "postgres"),
      description: `DATABASE_URL (${new URL(url).host}${new URL(url).pathname})`,
      release: async () => undefined,
    };
  const dataDir = process.env.WIKI_DATA_DIR ?? DEFAULT_DATA_DIR;
  const where = path.relative(process.cwd(), dataDir) || dataDir;
  const running = runningEmbeddedPort(dataDir);
  if (running) {
    const adminUrl = embeddedUrl(running, await runningClusterPassword(dataDir), "postgres");
    return {
      url: withDatabase(adminUrl, "wiki"),
      adminUrl,
      description: `embedded PostgreSQL in ${where} (running, port ${running})`,
      release: async () => undefined,
    };
  }
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(
      `There is no embedded database in ${where} (start the wiki once with \`npm start\`) and DATABASE_URL is not set.`,
    );
  }
  const cluster = await startEmbeddedPostgres({ dataDir, preferredPort: Number(process.env.WIKI_DB_PORT ?? 54329) });
  options.log?.(`started the embedded PostgreSQL in ${where} on port ${cluster.port}`);
  return {
    url: cluster.urlFor("wiki"),
    adminUrl: cluster.adminUrl,
    description: `embedded PostgreSQL in ${where}`,
    release: () => cluster.stop(),
  };
}
