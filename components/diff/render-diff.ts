import "server-only";
import { Worker } from "node:worker_threads";
import type { ArticleContent } from "@/lib/document/model";
import { lazyWorkerPool } from "@/lib/workers/pool";
import type { DiffMode } from "./section-diff-view";
import type { RenderDiffJob, RenderedDiff } from "./render-diff-job";

const pool = lazyWorkerPool<RenderDiffJob, RenderedDiff>(
  () => new Worker(new URL("./diff-page-worker.ts", import.meta.url)),
);

/**
 * Diffs two revisions and renders the result on a worker thread of the Next
 * server, else in place, with the same result. The contents travel as JSON
 * text: cheaper for the event loop than a structured clone.
 */
export async function renderDiffOffThread(
  older: ArticleContent,
  newer: ArticleContent,
  mode: DiffMode,
): Promise<RenderedDiff> {
  const job: RenderDiffJob = { older: JSON.stringify(older), newer: JSON.stringify(newer), mode };
  const workers = pool();
  if (workers) return workers.run(job);
  const { renderDiff } = await import("./render-diff-job");
  return renderDiff(job);
}
