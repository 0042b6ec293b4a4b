import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMixedLoad, type MixedLoadOptions, type MixedLoadResult } from "./mixed-load";

/**
 * `runMixedLoad` in a fresh Node process. Latency is measured by the client,
 * so the client's own garbage-collection pauses count as server latency: in
 * the bench's process, which holds the generated workload, they added tens of
 * milliseconds to p99. A load generator of its own keeps its heap small.
 */
export function runMixedLoadInChild(options: MixedLoadOptions): Promise<MixedLoadResult> {
  // The smoke test (under vitest) checks that the load runs, not its p99: a process start per run would cost it
  // a second or more each, a dozen times.
  if (process.env.VITEST) return runMixedLoad(options);
  // The same loaders as `npm run bench`, named here: under vitest, execArgv is vitest's own.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const loaders = ["--import", "tsx", "--import", path.join(here, "../../scripts/register.mjs")];
  const child = spawn(process.execPath, [...loaders, path.join(here, "child.ts")], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stdin.end(JSON.stringify(options));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(output) as MixedLoadResult)
        : reject(new Error(`The load generator exited with code ${code}.`)),
    );
  });
}
