import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

/**
 * The tests of the database-backed modules that mutation testing runs
 * (stryker.config.mjs, DATABASE_MUTATION_MODULES): the use cases' own tests
 * and the in-process route tests, on one PostgreSQL, without `next build`
 * (Stryker's sandbox could not rebuild the server per mutant, so the tests
 * that drive a spawned server are left out).
 */
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: [
      "lib/proposals/**/*.test.ts",
      "lib/auth/**/*.test.ts",
      "lib/http/**/*.test.ts",
      "test/http/in-process/proposals.db.test.ts",
      "test/http/in-process/accounts.db.test.ts",
      "test/http/in-process/edits.db.test.ts",
    ],
    exclude: ["node_modules/**", ".stryker-tmp/**"],
    globalSetup: ["test/database-setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
