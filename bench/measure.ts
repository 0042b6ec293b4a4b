/** What the bench's two halves share: the row format, timing, HTTP load and the workload's shape. */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
// @ts-expect-error -- autocannon ships no type declarations.
import autocannon from "autocannon";
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
export type BenchArticles = Record<string, { slug: string; chars: number; history: Awaited<ReturnType<typeof bulkHistory>> }>;

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

/** An HTTP load of `seconds` on one URL with autocannon. */
export async function httpLoad(url: string, connections: number, seconds: number) {
  await autocannon({ url, connections, duration: Math.min(2, seconds) }); // warm up the JIT and the caches first
  const result = await autocannon({ url, connections, duration: seconds });
  return { rps: result.requests.average as number, p50: result.latency.p50 as number, p99: result.latency.p99 as number, non2xx: result.non2xx as number, errors: (result.errors + result.timeouts) as number, bytes: result.throughput.average as number };
}

export function rssMegabytes(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
}
