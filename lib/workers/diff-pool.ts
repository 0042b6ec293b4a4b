import "server-only";
import { Worker } from "node:worker_threads";
import { diffArticles } from "../diff/article-diff";
import type { ArticleContent, ArticleDiff } from "../diff/types";
import type { DiffJob } from "./diff-worker";
import { WorkerPool, workerPoolSize } from "./pool";

let pool: WorkerPool<DiffJob, ArticleDiff> | null | undefined;

/**
 * The diff of two article contents, computed on a worker thread in the Next
 * server. Outside it (tests calling handlers, scripts), where the worker entry
 * is a TypeScript file Node cannot start, or with WIKI_DIFF_WORKERS=0, it is
 * computed in place; the result is the same (lib/diff is pure).
 */
export async function diffOffThread(older: ArticleContent, newer: ArticleContent): Promise<ArticleDiff> {
  if (pool === undefined) {
    const size = workerPoolSize();
    // Next's server sets NEXT_RUNTIME; only its build has the worker entry compiled.
    const built = process.env.NEXT_RUNTIME === "nodejs";
    pool = size > 0 && built ? new WorkerPool(size, () => new Worker(new URL("./diff-worker.ts", import.meta.url))) : null;
  }
  return pool ? pool.run({ older: JSON.stringify(older), newer: JSON.stringify(newer) }) : diffArticles(older, newer);
}
