import path from "node:path";
import { ensureDatabase, withDatabase } from "./admin";
import { startEmbeddedPostgres, type EmbeddedCluster } from "./embedded";
import { applyMigrations } from "./migrate";

/** Where the embedded PostgreSQL keeps its data unless WIKI_DATA_DIR says otherwise (git-ignored). */
export const DEFAULT_DATA_DIR = path.resolve(process.cwd(), ".data/postgres");

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The database the app runs on: DATABASE_URL when set, otherwise an embedded
 * PostgreSQL started here. Migrations are applied either way.
 */
export async function prepareDatabase(
  options: { log?: (line: string) => void; dataDir?: string; port?: number } = {},
): Promise<DatabaseHandle> {
  const log = options.log ?? (() => undefined);
  let cluster: EmbeddedCluster | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = options.dataDir ?? process.env.WIKI_DATA_DIR ?? DEFAULT_DATA_DIR;
    cluster = await startEmbeddedPostgres({
      dataDir,
      preferredPort: options.port ?? Number(process.env.WIKI_DB_PORT ?? 54329),
      // End-to-end runs use a throwaway cluster, deleted when it stops.
      persistent: process.env.WIKI_EPHEMERAL_DB !== "1",
    });
    await ensureDatabase(cluster.adminUrl, "wiki");
    url = withDatabase(cluster.adminUrl, "wiki");
    log(`embedded PostgreSQL running (data in ${path.relative(process.cwd(), dataDir) || dataDir})`);
  }
  const applied = await applyMigrations(url, { log });
  if (applied.length === 0) log("database schema is up to date");
  return { url, embedded: cluster !== null, stop: async () => cluster?.stop() };
}
