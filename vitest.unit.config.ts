import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

/**
 * The unit tests of lib/ alone: no database, no `next build`, no spawned
 * server. Mutation testing (stryker.config.mjs) runs these thousands of
 * times, so the full suite's global setup is left out. (Built field by field:
 * mergeConfig would append to the full suite's `include`, not replace it.)
 */
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["lib/**/*.test.ts"],
    exclude: ["**/*.db.test.ts", "lib/db/**", "lib/workers/**", "node_modules/**", ".stryker-tmp/**"],
    pool: "forks",
    // One module cache for all files: a mutant's run imports Tiptap, zod and fast-check once, not
    // once per test file (that import was most of a mutant's cost). These tests share no state
    // but memoized immutable values; Stryker ignores static mutants, which would need a re-import.
    isolate: false,
    testTimeout: 60_000,
  },
});
