/**
 * A worker thread that diffs two revisions and renders the diff to HTML for
 * the diff page: for two large revisions the rendering (every token of the
 * changed blocks, and the folded unchanged sections) costs more than the diff
 * itself, and on the event loop it held up every request queued behind it.
 */
import { parentPort } from "node:worker_threads";
import { serveJobs } from "@/lib/workers/serve-jobs";
import { renderDiff } from "./render-diff-job";

if (parentPort) serveJobs(parentPort, renderDiff);
