import type { TestProject } from "vitest/node";
import { buildIfNeeded } from "../scripts/build";
import startTestDatabase from "./database-setup";

/** The full suite's setup: a current build (for the tests that drive real app servers), then the database. */
export default async function setup(project: TestProject) {
  // Tests that drive real app servers (test/server.ts) need a current build.
  if (!buildIfNeeded((line) => console.log(`[test] ${line}`))) throw new Error("next build failed");
  return startTestDatabase(project);
}
