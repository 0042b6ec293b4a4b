import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

/** lib/'s unit tests: no database, no build, no spawned server (the same files as vitest.unit.config.ts). */
const UNIT = ["lib/**/*.test.ts"];
const NOT_UNIT = ["**/*.db.test.ts", "lib/db/**", "lib/workers/**"];
// .stryker-tmp: mutation testing's sandbox copies of the tree (npm run test:mutation).
const ALWAYS_EXCLUDED = ["node_modules/**", "e2e/**", ".next/**", ".data/**", ".stryker-tmp/**"];

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Outside Next.js `server-only` would throw; tests run lib/ directly.
      "server-only": path.join(root, "test/empty-module.ts"),
    },
  },
  test: {
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: UNIT,
          exclude: [...ALWAYS_EXCLUDED, ...NOT_UNIT],
          // One module cache for the unit files: each would otherwise import Tiptap, zod and fast-check
          // afresh (a third of their time). They share no state but memoized immutable values; the
          // mutation runs (vitest.unit.config.ts) have run them this way all along.
          isolate: false,
          // Before the rest, which waits for a build and a database: nothing of theirs runs at once.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          // Everything else: tests with a database, a build, spawned servers, a DOM, or the bench.
          include: [
            "{app,bench,components,scripts,test}/**/*.test.{ts,tsx}",
            "lib/**/*.db.test.ts",
            "lib/**/*.test.tsx",
            "lib/db/**/*.test.ts",
            "lib/workers/**/*.test.ts",
          ],
          exclude: ALWAYS_EXCLUDED,
          globalSetup: ["test/global-setup.ts"],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
