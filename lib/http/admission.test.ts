import { describe, expect, it } from "vitest";
import { WikiError } from "../errors";
import { AdmissionLine, admissionLimits, DEFAULT_LIMITS } from "./admission";

/** Work that finishes when its `finish` is called. */
function gate() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error: error as WikiError }),
  );

describe("AdmissionLine", () => {
  it("runs up to its concurrency, queues a bounded number, refuses the rest at once with 503 and Retry-After", async () => {
    const line = new AdmissionLine("views", { concurrent: 2, queued: 1, maxWaitMs: 60_000 });
    const gates = [gate(), gate(), gate()];
    const order: number[] = [];
    const runs = gates.map((g, i) =>
      settle(
        line.run(async () => {
          order.push(i);
          await g.done;
          return i;
        }),
      ),
    );
    const refused = await settle(line.run(async () => "never"));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toBeInstanceOf(WikiError);
      expect(refused.error.code).toBe("overloaded");
      expect(refused.error.status).toBe(503);
      expect((refused.error.details as { retryAfter: number }).retryAfter).toBeGreaterThanOrEqual(1);
    }
    expect(line.load).toEqual({ running: 2, waiting: 1 });
    expect(order).toEqual([0, 1]);
    gates[0].finish();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    // The freed slot went to the waiter, not to a newcomer.
    expect(order).toEqual([0, 1, 2]);
    gates[1].finish();
    gates[2].finish();
    expect((await Promise.all(runs)).map((r) => r.ok && r.value)).toEqual([0, 1, 2]);
    expect(line.load).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses a waiter whose deadline passes, and never runs it", async () => {
    const line = new AdmissionLine("diffs", { concurrent: 1, queued: 10, maxWaitMs: 50 });
    const blocker = gate();
    const running = line.run(() => blocker.done);
    let ran = false;
    const waited = await settle(
      line.run(async () => {
        ran = true;
      }),
    );
    expect(waited.ok).toBe(false);
    expect(ran).toBe(false);
    expect(line.load.waiting).toBe(0);
    blocker.finish();
    await running;
    expect(line.load.running).toBe(0);
  });

  it("refuses at once when the work ahead would outlast the deadline", async () => {
    // Work here has been taking 80 ms.
    const line = new AdmissionLine("writes", { concurrent: 1, queued: 100, maxWaitMs: 100 }, 80);
    const blocker = gate();
    const running = line.run(() => blocker.done);
    const first = settle(line.run(async () => 1)); // one ahead of it: 80 ms, within the deadline
    const started = performance.now();
    const second = await settle(line.run(async () => 2)); // two ahead: about 160 ms, past it
    expect(second.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(20);
    blocker.finish();
    await running;
    expect(await first).toEqual({ ok: true, value: 1 });
  });

  it("keeps kinds apart: a full diffs line refuses diffs while views still run", async () => {
    const diffs = new AdmissionLine("diffs", { concurrent: 1, queued: 0, maxWaitMs: 1000 });
    const views = new AdmissionLine("views", { concurrent: 1, queued: 0, maxWaitMs: 1000 });
    const blocker = gate();
    const diff = diffs.run(() => blocker.done);
    expect((await settle(diffs.run(async () => 0))).ok).toBe(false);
    expect(await views.run(async () => "view")).toBe("view");
    blocker.finish();
    await diff;
  });

  it("releases its slot when the work fails", async () => {
    const line = new AdmissionLine("views", { concurrent: 1, queued: 0, maxWaitMs: 1000 });
    await expect(line.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await line.run(async () => "next")).toBe("next");
  });
});

describe("WIKI_ADMISSION", () => {
  it("is on by default, off when asked, and overrides one kind at a time", () => {
    expect(admissionLimits(undefined)).toEqual(DEFAULT_LIMITS);
    expect(admissionLimits("off")).toBeNull();
    const limits = admissionLimits("diffs=1/2/300");
    expect(limits?.diffs).toEqual({ concurrent: 1, queued: 2, maxWaitMs: 300 });
    expect(limits?.views).toEqual(DEFAULT_LIMITS.views);
    expect(() => admissionLimits("diffs=1/2")).toThrow(/WIKI_ADMISSION/);
    expect(() => admissionLimits("reads=1/2/3")).toThrow(/WIKI_ADMISSION/);
  });
});
