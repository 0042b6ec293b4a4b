/**
 * A worker thread that computes article diffs (lib/diff is pure), so a diff of
 * two large, far-apart revisions does not hold up the requests queued behind
 * it on the server's event loop. Contents arrive as JSON text: parsing here is
 * cheaper for the main thread than a structured clone of the object tree.
 */
import { parentPort } from "node:worker_threads";
import { diffArticles } from "../diff/article-diff";
import { serveJobs } from "./serve-jobs";

export interface DiffJob {
  older: string;
  newer: string;
}

if (parentPort) serveJobs(parentPort, (job: DiffJob) => diffArticles(JSON.parse(job.older), JSON.parse(job.newer)));
