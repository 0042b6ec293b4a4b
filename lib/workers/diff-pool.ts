import "server-only";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { diffArticles } from "../diff/article-diff";
import type { ArticleContent, ArticleDiff } from "../diff/types";
import type { DiffJob } from "./diff-worker";

type Pending = { resolve: (diff: ArticleDiff) => void; reject: (error: Error) => void };
type PoolWorker = { worker: Worker; pending: Map<number, Pending> };

/**
 * How many diff workers run: WIKI_DIFF_WORKERS, else one fewer than the
 * machine's cores (at least one, at most four). 0 diffs on the event loop.
 */
function poolSize(): number {
  const configured = process.env.WIKI_DIFF_WORKERS;
  if (configured !== undefined && /^\d+$/.test(configured)) return Number(configured);
  return Math.min(4, Math.max(1, os.availableParallelism() - 1));
}

/**
 * Worker threads for diffs, started on first use and replaced if one dies (its
 * jobs fail with an error; the next job gets a fresh worker). Each job goes to
 * the worker with the fewest in hand.
 */
class DiffPool {
  private readonly workers: PoolWorker[] = [];
  private nextJobId = 0;

  constructor(private readonly size: number) {}

  diff(older: ArticleContent, newer: ArticleContent): Promise<ArticleDiff> {
    const target = this.pick();
    const job: DiffJob = { id: ++this.nextJobId, older: JSON.stringify(older), newer: JSON.stringify(newer) };
    return new Promise((resolve, reject) => {
      target.pending.set(job.id, { resolve, reject });
      target.worker.postMessage(job);
    });
  }

  private pick(): PoolWorker {
    if (this.workers.length < this.size) return this.spawn();
    return this.workers.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
  }

  private spawn(): PoolWorker {
    // Written out in full so that the bundler finds the worker entry and builds it.
    const entry: PoolWorker = { worker: new Worker(new URL("./diff-worker.ts", import.meta.url)), pending: new Map() };
    entry.worker.unref(); // an idle pool never keeps the process alive
    entry.worker.on("message", (message: { id: number; diff?: ArticleDiff; error?: string }) => {
      const pending = entry.pending.get(message.id);
      entry.pending.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(`The diff failed: ${message.error}`));
      else pending?.resolve(message.diff!);
    });
    const retire = (error: Error) => {
      const index = this.workers.indexOf(entry);
      if (index >= 0) this.workers.splice(index, 1);
      for (const pending of entry.pending.values()) pending.reject(error);
      entry.pending.clear();
    };
    entry.worker.on("error", retire);
    entry.worker.on("exit", (code) => retire(new Error(`The diff worker stopped (exit code ${code}).`)));
    this.workers.push(entry);
    return entry;
  }
}

let pool: DiffPool | null | undefined;

/**
 * The diff of two article contents, computed on a worker thread in the Next
 * server. Outside it (tests calling handlers, scripts), where the worker entry
 * is a TypeScript file Node cannot start, or with WIKI_DIFF_WORKERS=0, it is
 * computed in place; the result is the same (lib/diff is pure).
 */
export async function diffOffThread(older: ArticleContent, newer: ArticleContent): Promise<ArticleDiff> {
  if (pool === undefined) {
    const size = poolSize();
    // Next's server sets NEXT_RUNTIME; only its build has the worker entry compiled.
    const built = process.env.NEXT_RUNTIME === "nodejs";
    pool = size > 0 && built ? new DiffPool(size) : null;
  }
  return pool ? pool.diff(older, newer) : diffArticles(older, newer);
}
