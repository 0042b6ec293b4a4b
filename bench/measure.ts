/** What the bench's two halves share: the row format, timing, HTTP load and the workload's shape. */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import type { bulkHistory } from "./workload";

export interface BenchRow {
  name: string;
  result: string;
  target: string;
  /** null where there is no target (a baseline or a reported figure) */
  met: boolean | null;
}

/** Adds a row to the table. */
export type AddRow = (name: string, result: string, target?: string, met?: boolean | null) => void;

/** The generated articles by key (S, M, XL, L, View). */
export type BenchArticles = Record<
  string,
  { slug: string; chars: number; history: Awaited<ReturnType<typeof bulkHistory>> }
>;

export const ms = (value: number) => (value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`);
export const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;

export async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

export async function sample(runs: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await time(() => fn(i)))[0]);
  return samples;
}

/**
 * An HTTP load of `seconds` on one URL with autocannon, run as a process of
 * its own: latency is measured by the client, and in the bench's process,
 * which holds the generated workload, the client's garbage collection would
 * count as server latency (as it did for the mixed load, bench/load).
 */
export async function httpLoad(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
) {
  await autocannonInChild(url, connections, 1, headers); // warm up the JIT and the caches first
  const result = await autocannonInChild(url, connections, seconds, headers);
  return {
    /** responses by status code, as autocannon counts them */
    statusCodes: Object.fromEntries(
      Object.entries((result.statusCodeStats ?? {}) as Record<string, { count: number }>).map(([code, stats]) => [
        code,
        stats.count,
      ]),
    ) as Record<string, number>,
    rps: result.requests.average as number,
    p50: result.latency.p50 as number,
    p99: result.latency.p99 as number,
    non2xx: result.non2xx as number,
    errors: (result.errors + result.timeouts) as number,
    bytes: result.throughput.average as number,
  };
}

const autocannonBin = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

function autocannonInChild(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<any> {
  const headerFlags = Object.entries(headers).flatMap(([name, value]) => ["--headers", `${name}=${value}`]);
  const child = spawn(
    process.execPath,
    [autocannonBin, "--json", "--connections", String(connections), "--duration", String(seconds), ...headerFlags, url],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  let errors = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`autocannon exited with code ${code}: ${errors}`)),
    );
  });
}

export function rssMegabytes(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}

/**
 * The floor for serving a page: `page`'s bytes from a bare Node HTTP server (no routing, no rendering,
 * no database). A large page is mostly copying, for the server and for the client on the same cores.
 */
export async function serveBarePage(page: Uint8Array): Promise<{ url: string; close: () => void }> {
  const bare = createServer((_request, response) =>
    response
      .writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": page.byteLength })
      .end(page),
  ).listen(0, "127.0.0.1");
  await new Promise((resolve) => bare.once("listening", resolve));
  return { url: `http://127.0.0.1:${(bare.address() as { port: number }).port}/`, close: () => bare.close() };
}
