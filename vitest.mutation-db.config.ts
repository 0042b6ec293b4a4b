import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

/**
 * The tests of the database-backed modules that mutation testing runs
 * (stryker.config.mjs, DATABASE_MUTATION_MODULES): each module's own tests
 * and in-process route tests (MUTATION_MODULE picks them), on one PostgreSQL, without `next build`
 * (Stryker's sandbox could not rebuild the server per mutant, so the tests
 * that drive a spawned server are left out).
 */
/** Each module's own tests: a mutant is run against the tests written for its module, not every route file. */
const TESTS_OF: Record<string, string[]> = {
  // decideProposal called directly (decide-proposal.db.test.ts, proposal-workflow.db.test.ts). Not the in-process
  // route file: its 20- and 50-approval stress tests wait at most 10 s for a pooled connection, which a CPU starved
  // by other work exceeds (37 of 50 answered), and each such failure would count as a killed mutant.
  proposals: ["lib/proposals/**/*.test.ts"],
  auth: ["lib/auth/**/*.test.ts", "test/http/in-process/accounts.db.test.ts"],
  // mutation() and the origin check are tested in process on a route of their own (lib/http/mutation.db.test.ts).
  http: ["lib/http/**/*.test.ts"],
};

export default defineConfig({
  resolve: base.resolve,
  test: {
    include: TESTS_OF[process.env.MUTATION_MODULE ?? ""] ?? Object.values(TESTS_OF).flat(),
    exclude: ["node_modules/**", ".stryker-tmp/**"],
    globalSetup: ["test/database-setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
