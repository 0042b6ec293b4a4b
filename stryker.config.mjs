// @ts-check
import path from "node:path";
/**
 * Mutation testing of the pure core (issue 23), one module at a time:
 * `npm run test:mutation [-- module…]` (scripts/mutation.mjs) sets
 * MUTATION_MODULE for each run. A run mutates that module's files and runs
 * only the unit tests covering each mutant (vitest.unit.config.ts: no
 * database, no `next build`).
 */

/** The pure core: what must be right, and can be tested thousands of times without a database. */
export const MUTATION_MODULES = {
  authz: ["lib/authz/**/*.ts"],
  // markup.ts is the seed's and the tests' shorthand, not what the wiki runs.
  document: ["lib/document/**/*.ts", "!lib/document/markup.ts"],
  diff: ["lib/diff/**/*.ts"],
  merge: ["lib/articles/merge.ts"],
};

/**
 * The database-backed modules: their tests need PostgreSQL (one embedded server for the run) and
 * are slower by far, so they run only when named (`npm run test:mutation -- proposals auth http`),
 * on the tests vitest.mutation-db.config.ts lists. There is no target for them yet; see the README.
 */
export const DATABASE_MUTATION_MODULES = {
  // The decisions on a proposal: approve (whole or in part), reject, request changes.
  proposals: ["lib/proposals/decide-proposal.ts"],
  auth: ["lib/auth/password.ts", "lib/auth/sign-in.ts"],
  // The origin check and the mutation wrapper every write goes through.
  http: ["lib/http/origin.ts", "lib/http/mutation.ts"],
};

// The validator's fuzz tests make 20,000 runs; once per mutant, a hundredth of them with a fixed
// seed (so that a mutant is killed or not the same way on every run) is what time allows on two
// shared cores (a twentieth made a validator mutant cost 12 s of tests instead of 2). The rules
// themselves are pinned by example tests (validate-rules.test.ts); the fuzz adds breadth.
process.env.FUZZ_SCALE ??= "0.01";
process.env.FUZZ_SEED ??= "23";
// The wikitext round-trip test finds the shared corpus beside the tree (lib/export/round-trip.test.ts); from
// Stryker's sandbox copy (.stryker-tmp/sandbox-…) that relative path misses, and the dry run fails on it.
process.env.WIKI_CORPUS_DIR ??= path.resolve("../shared/corpus/wikitext");

const module = process.env.MUTATION_MODULE ?? "authz";
const ALL_MODULES = { ...MUTATION_MODULES, ...DATABASE_MUTATION_MODULES };
if (!(module in ALL_MODULES)) throw new Error(`MUTATION_MODULE: unknown module ${module}`);
const needsDatabase = module in DATABASE_MUTATION_MODULES;

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: needsDatabase ? "vitest.mutation-db.config.ts" : "vitest.unit.config.ts" },
  coverageAnalysis: "perTest",
  mutate: [...ALL_MODULES[/** @type {keyof typeof ALL_MODULES} */ (module)], "!**/*.test.ts", "!**/*.d.ts"],
  // Two cores are shared with other work: one test process unless told otherwise.
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
  // A rerun tests only the mutants whose code or covering tests changed. The file is
  // gitignored: it is a cache of one tree's results, and branches would conflict on it.
  incremental: true,
  incrementalFile: `reports/mutation/${module}.incremental.json`,
  reporters: ["clear-text", "json", "progress-append-only"],
  jsonReporter: { fileName: `reports/mutation/${module}.json` },
  clearTextReporter: { allowColor: false, reportScoreTable: true, reportMutants: true },
  ignorePatterns: [".next", ".data", "bench/out", "reports", "test-results", "playwright-report", "e2e"],
  // Stryker rewrites tsconfig.json's project references through TypeScript's JavaScript API, which
  // TypeScript 7 (the native compiler) no longer has; the project has no references, so point it
  // at a file that does not exist and it skips the rewrite. Vitest transpiles without tsconfig paths.
  tsconfigFile: "stryker-has-no-tsconfig-to-rewrite.json",
  // Module-level constants (tables, patterns) run every test for each of their mutants; their
  // use is what the tests check, through the functions that read them.
  ignoreStatic: true,
  timeoutMS: 10_000,
  cleanTempDir: "always",
};
