import os from "node:os";
import type { WorkerAnswer } from "./pool";

// No "server-only" here: this runs inside worker entries, which the bundler
// builds outside the React Server Components layer.

/**
 * The body of a worker entry: lowers the thread's priority, then answers each
 * job with `handle`'s result or its error. On Linux a nice value belongs to
 * the thread, so the worker yields the CPU to the event loop (views, saves)
 * and to PostgreSQL when the machine is busy.
 */
export function serveJobs<J, R>(
  port: {
    on(event: "message", listener: (job: J & { id: number }) => void): unknown;
    postMessage(answer: WorkerAnswer<R>): void;
  },
  handle: (job: J) => R | Promise<R>,
): void {
  try {
    os.setPriority(Number(process.env.WIKI_DIFF_NICE ?? 10));
  } catch {
    // not permitted here: run at normal priority
  }
  port.on("message", async (job) => {
    try {
      port.postMessage({ id: job.id, result: await handle(job) });
    } catch (error) {
      port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
