/**
 * A worker thread that computes article diffs (lib/diff is pure), so a diff of
 * two large, far-apart revisions does not hold up the requests queued behind
 * it on the server's event loop. Contents arrive as JSON text: parsing here is
 * cheaper for the main thread than a structured clone of the object tree.
 */
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { diffArticles } from "../diff/article-diff";

// On Linux a nice value belongs to the thread: this one yields the CPU to the
// event loop (views, saves) and to PostgreSQL when the machine is busy.
try {
  os.setPriority(Number(process.env.WIKI_DIFF_NICE ?? 10));
} catch {
  // not permitted here: run at normal priority
}

export interface DiffJob {
  id: number;
  older: string;
  newer: string;
}

parentPort?.on("message", (job: DiffJob) => {
  try {
    parentPort!.postMessage({ id: job.id, diff: diffArticles(JSON.parse(job.older), JSON.parse(job.newer)) });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
