/**
 * Builds the app with `next build` when no build exists or a source is newer
 * than it. `npm start` and the test run share this, so one build serves both.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { addCompileHints } from "./compile-hints";

const root = process.cwd();
/** Next's own CLI, run with this Node rather than through npx, so signals reach the server itself. */
export const nextBin = path.join(root, "node_modules/next/dist/bin/next");

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function needsBuild(): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public"]
    .filter((dir) => existsSync(dir))
    .map((dir) => newestSourceTime(path.join(root, dir)));
  const files = ["proxy.ts", "next.config.js"]
    .filter((file) => existsSync(file))
    .map((file) => statSync(path.join(root, file)).mtimeMs);
  return [...sources, ...files].some((time) => time > built);
}

/** Runs `next build` if needed; returns false when the build failed. */
export function buildIfNeeded(log: (line: string) => void = console.log): boolean {
  if (!needsBuild()) return true;
  log("building the app (next build)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status !== 0) return false;
  log(`compile hints: ${addCompileHints(path.join(root, ".next"))} startup chunk(s) marked`);
  return true;
}
