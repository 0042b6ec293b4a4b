import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { WikiError } from "../errors";
import { WorkerPool } from "./pool";

/** A worker that answers each job `{ value, ms }` with `value * 2` after `ms` milliseconds. */
const SLOW_DOUBLER = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", (job) => setTimeout(() => parentPort.postMessage({ id: job.id, result: job.value * 2 }), job.ms));
`;

type Job = { value: number; ms: number };
const pools: Worker[] = [];
const start = () => {
  const worker = new Worker(SLOW_DOUBLER, { eval: true });
  pools.push(worker);
  return worker;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((worker) => worker.terminate()));
});

/** The job's result, or the WikiError it failed with. */
const settle = (promise: Promise<number>) =>
  promise.then(
    (value) => value,
    (error: unknown) => error,
  );

describe("WorkerPool's bounded queue", () => {
  it("runs what fits and refuses the job that finds the line full with overloaded (503) and a Retry-After", async () => {
    const pool = new WorkerPool<Job, number>(1, start, { maxQueued: 2, maxWaitMs: 10_000 });
    const jobs = [1, 2, 3, 4].map((value) => settle(pool.run({ value, ms: 150 })));
    const results = await Promise.all(jobs);
    // One running, two waiting; the fourth is shed at once instead of queueing.
    expect(results.slice(0, 3)).toEqual([2, 4, 6]);
    const refused = results[3] as WikiError;
    expect(refused).toBeInstanceOf(WikiError);
    expect(refused.code).toBe("overloaded");
    expect(refused.status).toBe(503);
    expect((refused.details as { retryAfter: number }).retryAfter).toBeGreaterThanOrEqual(1);
    // The line drained: new work is accepted again.
    expect(await pool.run({ value: 5, ms: 1 })).toBe(10);
  });

  it("refuses a job that waited past its deadline, and never runs it", async () => {
    const pool = new WorkerPool<Job, number>(1, start, { maxQueued: 10, maxWaitMs: 100 });
    const running = settle(pool.run({ value: 1, ms: 600 }));
    const waiting = settle(pool.run({ value: 2, ms: 1 }));
    const waited = await waiting;
    expect(waited).toBeInstanceOf(WikiError);
    expect((waited as WikiError).code).toBe("overloaded");
    expect(pool.queued).toBe(0);
    expect(await running).toBe(2);
  });

  it("spreads jobs over its workers, one at a time each", async () => {
    const pool = new WorkerPool<Job, number>(2, start, { maxQueued: 0, maxWaitMs: 1000 });
    const results = await Promise.all([
      settle(pool.run({ value: 1, ms: 100 })),
      settle(pool.run({ value: 2, ms: 100 })),
      settle(pool.run({ value: 3, ms: 100 })),
    ]);
    expect(results.slice(0, 2)).toEqual([2, 4]);
    expect((results[2] as WikiError).code).toBe("overloaded");
  });
});
