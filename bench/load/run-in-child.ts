import { spawn } from "node:child_process";
import path from "node:path";
import type { MixedLoadOptions, MixedLoadResult } from "./mixed-load";

/**
 * `runMixedLoad` in a fresh Node process. Latency is measured by the client,
 * so the client's own garbage-collection pauses count as server latency: in
 * the bench's process, which holds the generated workload, they added tens of
 * milliseconds to p99. A load generator of its own keeps its heap small.
 */
export function runMixedLoadInChild(options: MixedLoadOptions): Promise<MixedLoadResult> {
  const child = spawn(process.execPath, [...process.execArgv, path.join(import.meta.dirname, "child.ts")], { stdio: ["pipe", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stdin.end(JSON.stringify(options));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(output) as MixedLoadResult) : reject(new Error(`The load generator exited with code ${code}.`))));
  });
}
