import "server-only";
import { Worker } from "node:worker_threads";
import type { ArticleContent } from "@/lib/document/model";
import type { ArticleDiff } from "@/lib/diff/types";
import { WorkerPool, workerPoolSize } from "@/lib/workers/pool";
import type { DiffMode } from "./section-diff-view";

export interface RenderDiffJob {
  older: string;
  newer: string;
  mode: DiffMode;
}

/**
 * A diff as the diff page shows it: its counts, and the inside of the
 * DiffView element as react-dom rendered it on the worker, from the two
 * revisions' JSON (so React escaped every user string in it).
 */
export interface RenderedDiff {
  stats: ArticleDiff["stats"];
  html: string;
}

let pool: WorkerPool<RenderDiffJob, RenderedDiff> | null | undefined;

/**
 * Diffs two revisions and renders the result on a worker thread of the Next
 * server; outside it (where the worker entry is TypeScript Node cannot start)
 * or with WIKI_DIFF_WORKERS=0, in place, with the same result. The contents
 * travel as JSON text: cheaper for the event loop than a structured clone.
 */
export async function renderDiffOffThread(older: ArticleContent, newer: ArticleContent, mode: DiffMode): Promise<RenderedDiff> {
  const job: RenderDiffJob = { older: JSON.stringify(older), newer: JSON.stringify(newer), mode };
  if (pool === undefined) {
    const size = workerPoolSize();
    // Only Next's build has the worker entry compiled (NEXT_RUNTIME is set there).
    pool = size > 0 && process.env.NEXT_RUNTIME === "nodejs" ? new WorkerPool(size, () => new Worker(new URL("./diff-page-worker.ts", import.meta.url))) : null;
  }
  if (pool) return pool.run(job);
  const { renderDiff } = await import("./render-diff-job");
  return renderDiff(job);
}
