import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { buildIfNeeded } from "../scripts/build";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/**
 * One PostgreSQL server for the whole test run: TEST_DATABASE_URL's server
 * when set, else an embedded one in a temporary folder. Each test file makes
 * its own database on it (test/db.ts), so files run in parallel unseen by
 * each other.
 */
export default async function setup(project: TestProject) {
  // Tests that drive real app servers (test/server.ts) need a current build.
  if (!buildIfNeeded((line) => console.log(`[test] ${line}`))) throw new Error("next build failed");
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
