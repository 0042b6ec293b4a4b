import "server-only";
import { Worker } from "node:worker_threads";
import type { ArticleContent } from "@/lib/document/model";
import type { ArticleDiff } from "@/lib/diff/types";
import { lazyWorkerPool } from "@/lib/workers/pool";
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

const pool = lazyWorkerPool<RenderDiffJob, RenderedDiff>(() => new Worker(new URL("./diff-page-worker.ts", import.meta.url)));

/**
 * Diffs two revisions and renders the result on a worker thread of the Next
 * server, else in place, with the same result. The contents travel as JSON
 * text: cheaper for the event loop than a structured clone.
 */
export async function renderDiffOffThread(older: ArticleContent, newer: ArticleContent, mode: DiffMode): Promise<RenderedDiff> {
  const job: RenderDiffJob = { older: JSON.stringify(older), newer: JSON.stringify(newer), mode };
  const workers = pool();
  if (workers) return workers.run(job);
  const { renderDiff } = await import("./render-diff-job");
  return renderDiff(job);
}
