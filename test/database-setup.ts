import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../lib/db/embedded";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/**
 * One PostgreSQL server for the whole test run: TEST_DATABASE_URL's server
 * when set, else an embedded one in a temporary folder. Each test file makes
 * its own database on it (test/db.ts), so files run in parallel unseen by
 * each other. A global setup of its own for runs that need no build (the
 * database-backed mutation runs, vitest.mutation-db.config.ts).
 */
export default async function startTestDatabase(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("adminDatabaseUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "wiki-test-pg-"));
  // mkdtemp makes the folder private; as root, PostgreSQL runs as its own user and must enter it.
  await chmod(dataDir, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), persistent: false });
  project.provide("adminDatabaseUrl", cluster.adminUrl);
  return async () => {
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
