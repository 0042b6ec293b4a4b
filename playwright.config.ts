import { defineConfig } from "@playwright/test";
import os from "node:os";
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// Computed once in the main process; workers inherit it through the environment.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `wiki-e2e-${Date.now()}`);

/**
 * End-to-end tests in Debian's Chromium against the real app (`npm start`'s
 * own launcher) on a fresh embedded PostgreSQL with the demo content. The
 * database is never an external one: DATABASE_URL is cleared for the server.
 */
export default defineConfig({
  testDir: "e2e",
  // A journey runs against a 2-core machine shared with a parallel worker and
  // a production server; axe over a whole article alone can take 20 s there.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-quic",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "node --import tsx --import ./scripts/register.mjs scripts/start.ts",
    url: baseURL,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      DATABASE_URL: "",
      WIKI_DATA_DIR: process.env.E2E_DATA_DIR,
      WIKI_DB_PORT: "0",
      WIKI_EPHEMERAL_DB: "1",
      // The XSS spec posts its corpus in dozens of comments and revisions from one account;
      // the limits themselves are tested in test/http/in-process/rate-limits.db.test.ts.
      WIKI_RATE_LIMITS: "edit=300/600/60,proposal=100/200/60,comment=300/600/60",
      NEXT_TELEMETRY_DISABLED: "1",
      // e2e/citations.spec.ts serves a saved news page on the next port: the one private address the
      // citation filler may fetch (every other one is refused, test/http/server/citation-from-url.db.test.ts).
      WIKI_CITATION_FETCH_ALLOW: `127.0.0.1:${port + 1}`,
    },
  },
});
