import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Outside Next.js `server-only` would throw; tests run lib/ directly.
      "server-only": path.join(root, "test/empty-module.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    // .stryker-tmp: mutation testing's sandbox copies of the tree (npm run test:mutation).
    exclude: ["node_modules/**", "e2e/**", ".next/**", ".data/**", ".stryker-tmp/**"],
    globalSetup: ["test/global-setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
