import "server-only";
import os from "node:os";
import type { Worker } from "node:worker_threads";

type Pending<R> = { resolve: (result: R) => void; reject: (error: Error) => void };
type PoolWorker<R> = { worker: Worker; pending: Map<number, Pending<R>> };

/** What a pool's worker answers to a job. */
export type WorkerAnswer<R> = { id: number; result: R; error?: undefined } | { id: number; error: string };

/**
 * How many threads a pool runs: WIKI_DIFF_WORKERS, else one fewer than the
 * machine's cores (at least one, at most four). 0 runs jobs on the event loop.
 */
export function workerPoolSize(): number {
  const configured = process.env.WIKI_DIFF_WORKERS;
  if (configured !== undefined && /^\d+$/.test(configured)) return Number(configured);
  return Math.min(4, Math.max(1, os.availableParallelism() - 1));
}

/**
 * Worker threads started on first use and replaced if one dies (its jobs fail
 * with an error; the next job gets a fresh worker). Each job goes to the
 * worker with the fewest in hand. `start` must construct the Worker with its
 * `new URL("./entry.ts", import.meta.url)` written out at the call site, so
 * that the bundler finds the entry and builds it.
 */
export class WorkerPool<J extends object, R> {
  private readonly workers: PoolWorker<R>[] = [];
  private nextJobId = 0;

  constructor(
    private readonly size: number,
    private readonly start: () => Worker,
  ) {}

  run(job: J): Promise<R> {
    const target = this.pick();
    const id = ++this.nextJobId;
    return new Promise((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage({ ...job, id });
    });
  }

  private pick(): PoolWorker<R> {
    if (this.workers.length < this.size) return this.spawn();
    return this.workers.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
  }

  private spawn(): PoolWorker<R> {
    const entry: PoolWorker<R> = { worker: this.start(), pending: new Map() };
    entry.worker.unref(); // an idle pool never keeps the process alive
    entry.worker.on("message", (answer: WorkerAnswer<R>) => {
      const pending = entry.pending.get(answer.id);
      entry.pending.delete(answer.id);
      if (answer.error !== undefined) pending?.reject(new Error(`The worker's job failed: ${answer.error}`));
      else pending?.resolve(answer.result);
    });
    const retire = (error: Error) => {
      const index = this.workers.indexOf(entry);
      if (index >= 0) this.workers.splice(index, 1);
      for (const pending of entry.pending.values()) pending.reject(error);
      entry.pending.clear();
    };
    entry.worker.on("error", retire);
    entry.worker.on("exit", (code) => retire(new Error(`The worker stopped (exit code ${code}).`)));
    this.workers.push(entry);
    return entry;
  }
}

/**
 * A pool made on first use, or null where jobs run in place: with
 * WIKI_DIFF_WORKERS=0, or outside Next's server (tests and scripts run the
 * TypeScript sources, and only Next's build compiles a worker entry; its
 * server sets NEXT_RUNTIME).
 */
export function lazyWorkerPool<J extends object, R>(start: () => Worker): () => WorkerPool<J, R> | null {
  let pool: WorkerPool<J, R> | null | undefined;
  return () => {
    if (pool === undefined) {
      const size = workerPoolSize();
      pool = size > 0 && process.env.NEXT_RUNTIME === "nodejs" ? new WorkerPool<J, R>(size, start) : null;
    }
    return pool;
  };
}
