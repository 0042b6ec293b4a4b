import "server-only";
import os from "node:os";
import type { Worker } from "node:worker_threads";
import { WikiError } from "../errors";

/** What a pool's worker answers to a job. */
export type WorkerAnswer<R> = { id: number; result: R; error?: undefined } | { id: number; error: string };

type Job<J, R> = {
  id: number;
  job: J;
  resolve: (result: R) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
};
type PoolWorker<J, R> = { worker: Worker; current: (Job<J, R> & { startedAt: number }) | null };

/**
 * How many threads a pool runs: WIKI_DIFF_WORKERS, else one fewer than the
 * machine's cores (at least one, at most four). 0 runs jobs on the event loop.
 */
export function workerPoolSize(): number {
  const configured = process.env.WIKI_DIFF_WORKERS;
  if (configured !== undefined && /^\d+$/.test(configured)) return Number(configured);
  return Math.min(4, Math.max(1, os.availableParallelism() - 1));
}

/** How many jobs may wait for a busy pool, and for how long, before new work is refused with 503. */
export interface QueueLimits {
  maxQueued: number;
  maxWaitMs: number;
}

/**
 * The queue bound from WIKI_WORKER_QUEUE (jobs waiting per pool, default 32)
 * and WIKI_WORKER_QUEUE_WAIT_MS (default 10 s): past either, a job is refused
 * at once rather than joining a line that only grows under overload. The
 * deadline is long because one request may rightly wait for several large
 * jobs (a proposal read diffs a 3 MB article against its base and against the
 * current revision); diff pages wait first in an admission line of their own
 * (lib/http/admission.ts), which lets two at a time reach this one.
 */
export function workerQueueLimits(): QueueLimits {
  const read = (name: string, fallback: number) => {
    const raw = process.env[name];
    return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : fallback;
  };
  return { maxQueued: read("WIKI_WORKER_QUEUE", 32), maxWaitMs: read("WIKI_WORKER_QUEUE_WAIT_MS", 10_000) };
}

/**
 * Worker threads started on first use and replaced if one dies (its job fails
 * with an error; the next job gets a fresh worker). Each worker runs one job
 * at a time; the rest wait in one bounded line, and a job that finds the line
 * full, or waits past its deadline, fails with `overloaded` (503 with
 * Retry-After) so that overload is shed instead of piling up memory and
 * latency. `start` must construct the Worker with its
 * `new URL("./entry.ts", import.meta.url)` written out at the call site, so
 * that the bundler finds the entry and builds it.
 */
export class WorkerPool<J extends object, R> {
  private readonly workers: PoolWorker<J, R>[] = [];
  private readonly queue: Job<J, R>[] = [];
  private nextJobId = 0;
  /** a moving average of how long a job takes, for Retry-After */
  private averageJobMs = 200;

  constructor(
    private readonly size: number,
    private readonly start: () => Worker,
    private readonly limits: QueueLimits = workerQueueLimits(),
  ) {}

  /** Jobs waiting for a worker (not counting those running). */
  get queued(): number {
    return this.queue.length;
  }

  run(job: J): Promise<R> {
    return new Promise((resolve, reject) => {
      const entry: Job<J, R> = { id: ++this.nextJobId, job, resolve, reject };
      const idle = this.idleWorker();
      if (idle) return this.dispatch(idle, entry);
      // Refused at once when the line is full, or when the work ahead would outlast the deadline anyway.
      if (this.queue.length >= this.limits.maxQueued || this.expectedWaitMs() > this.limits.maxWaitMs)
        return reject(this.overloaded());
      entry.timer = setTimeout(() => {
        const index = this.queue.indexOf(entry);
        if (index >= 0) this.queue.splice(index, 1);
        reject(this.overloaded());
      }, this.limits.maxWaitMs);
      entry.timer.unref();
      this.queue.push(entry);
    });
  }

  /** How long a new job would wait: the jobs ahead of it spread over the workers. */
  private expectedWaitMs(): number {
    return ((this.queue.length + 1) / Math.max(1, this.size)) * this.averageJobMs;
  }

  private overloaded(): WikiError {
    const retryAfter = Math.min(60, Math.max(1, Math.ceil(this.expectedWaitMs() / 1000)));
    return new WikiError("overloaded", `The server is busy; try again in ${retryAfter} seconds.`, { retryAfter });
  }

  private idleWorker(): PoolWorker<J, R> | null {
    const idle = this.workers.find((entry) => entry.current === null);
    if (idle) return idle;
    return this.workers.length < this.size ? this.spawn() : null;
  }

  private dispatch(target: PoolWorker<J, R>, entry: Job<J, R>): void {
    if (entry.timer) clearTimeout(entry.timer);
    target.current = { ...entry, startedAt: Date.now() };
    target.worker.postMessage({ ...entry.job, id: entry.id });
  }

  /** Hands the longest-waiting job to a worker that became free. */
  private next(): void {
    const entry = this.queue.shift();
    if (!entry) return;
    const idle = this.idleWorker();
    if (idle) this.dispatch(idle, entry);
    else this.queue.unshift(entry);
  }

  private spawn(): PoolWorker<J, R> {
    const entry: PoolWorker<J, R> = { worker: this.start(), current: null };
    entry.worker.unref(); // an idle pool never keeps the process alive
    entry.worker.on("message", (answer: WorkerAnswer<R>) => {
      const current = entry.current;
      if (!current || current.id !== answer.id) return;
      entry.current = null;
      this.averageJobMs = this.averageJobMs * 0.8 + (Date.now() - current.startedAt) * 0.2;
      if (answer.error !== undefined) current.reject(new Error(`The worker's job failed: ${answer.error}`));
      else current.resolve(answer.result);
      this.next();
    });
    let retired = false;
    const retire = (error: Error) => {
      if (retired) return;
      retired = true;
      const index = this.workers.indexOf(entry);
      if (index >= 0) this.workers.splice(index, 1);
      entry.current?.reject(error);
      entry.current = null;
      this.next();
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
