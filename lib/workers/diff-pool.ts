import "server-only";
import { Worker } from "node:worker_threads";
import { diffArticles } from "../diff/article-diff";
import type { ArticleContent, ArticleDiff } from "../diff/types";
import type { DiffJob } from "./diff-worker";
import { lazyWorkerPool } from "./pool";

const pool = lazyWorkerPool<DiffJob, ArticleDiff>(() => new Worker(new URL("./diff-worker.ts", import.meta.url)));

/**
 * The diff of two article contents, computed on a worker thread in the Next
 * server, else in place; the result is the same (lib/diff is pure).
 */
export async function diffOffThread(older: ArticleContent, newer: ArticleContent): Promise<ArticleDiff> {
  const workers = pool();
  return workers
    ? workers.run({ older: JSON.stringify(older), newer: JSON.stringify(newer) })
    : diffArticles(older, newer);
}
