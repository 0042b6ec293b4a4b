/**
 * `npm start`: prepares the database (embedded PostgreSQL unless DATABASE_URL
 * is set), applies migrations, seeds the demo content on the embedded
 * database, builds the app if needed and runs the server (scripts/serve.mjs,
 * or `next dev` with --dev). Ctrl-C stops the server and then PostgreSQL
 * cleanly.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { closeDb, getDb } from "../lib/db/client";
import { prepareDatabase } from "../lib/db/setup";
import { backfillWorkItems } from "../lib/worklists/backfill-work-items";
import { backfillSourceIndex } from "../lib/sources/source-index";
import { trustedProxies } from "../lib/http/client-address";
import { seedDemo } from "../prisma/seed/demo";
import { buildIfNeeded, nextBin } from "./build";

const log = (line: string) => console.log(`[wiki] ${line}`);
const root = process.cwd();
const port = process.env.PORT ?? "3000";

/** The session-signing secret: NEXTAUTH_SECRET, or one generated once and kept in .data/. */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(root, ".data/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

// A WIKI_TRUSTED_PROXIES it cannot read stops the start here, not at the first request.
trustedProxies();
process.env.NEXTAUTH_SECRET = authSecret();
// Without a configured public URL the site is this machine's, under each of its loopback names
// (the Host check of scripts/serve.mjs and of mutations answers only the configured origins).
if (!process.env.NEXTAUTH_URL) {
  process.env.NEXTAUTH_URL = `http://localhost:${port}`;
  const loopback = [`http://127.0.0.1:${port}`, `http://[::1]:${port}`];
  process.env.WIKI_ALLOWED_ORIGINS = [process.env.WIKI_ALLOWED_ORIGINS, ...loopback].filter(Boolean).join(",");
}
const database = await prepareDatabase({ log });
process.env.DATABASE_URL = database.url;
if (database.embedded || process.argv.includes("--seed")) {
  await seedDemo(getDb(), log);
}
await backfillWorkItems(getDb(), log);
await backfillSourceIndex(getDb(), log);
await closeDb();

const dev = process.argv.includes("--dev");
if (!dev && !buildIfNeeded(log)) {
  await database.stop();
  process.exit(1);
}

// Production runs scripts/serve.mjs: Next's handler behind a server that answers cached reader views first.
const serverArgs = dev ? [nextBin, "dev", "-p", port] : [path.join(root, "scripts/serve.mjs"), "-p", port];
const server = spawn(process.execPath, serverArgs, { stdio: "inherit", env: process.env });
log(`starting on http://localhost:${port}`);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  await database.stop();
  log("stopped");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
server.on("exit", (code) => void shutdown(code ?? 0));
