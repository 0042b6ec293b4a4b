import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMixedLoad, type MixedLoadOptions } from "../../bench/load/mixed-load";
import { useTestDatabase } from "../db";
import { startAppServer, type AppServer } from "../server";
import { missingAcknowledgedSaves, seedLoadFixture } from "./fixture";

// npm test runs 20 s so that it stays within its budget; `npm run test:load` runs issue 8's full 60 s.
const seconds = Number(process.env.WIKI_LOAD_TEST_SECONDS ?? 20);

/**
 * Issue 8's load on loopback: 50 readers on the demo article, its history and
 * diffs, with editors, a proposer and two reviewers writing at the same time,
 * for 60 s against the real server (`npm run test:load`; 20 s in `npm test`). Asserts correctness (errors, lost
 * writes); the latencies are printed, and the bench holds the speed targets.
 */
describe("load on loopback", () => {
  const database = useTestDatabase();
  let server: AppServer;
  let cast: Awaited<ReturnType<typeof seedLoadFixture>>;
  beforeAll(async () => {
    cast = await seedLoadFixture(database.db);
    server = await startAppServer({ databaseUrl: database.url, env: { WIKI_RATE_LIMITS: "off" } });
  });
  afterAll(async () => server?.stop());

  it(`serves ${seconds} s of mixed traffic with under 1% errors and loses no acknowledged write`, {
    timeout: (seconds + 120) * 1000,
  }, async () => {
    // Readers pause 250 ms between pages: 50 of them ask for up to 200 pages a second, a heavy load for one instance on this machine.
    const options: MixedLoadOptions = {
      ...cast,
      targets: [server.url],
      durationSeconds: seconds,
      readers: 50,
      readerThinkMs: 250,
    };
    const result = await runMixedLoad(options);
    const f = (n: number) => n.toFixed(1);
    console.log(
      [
        `[load] ${seconds} s, 50 readers (a page every 250 ms each) + ${cast.editors.length} editors + 1 proposer + 2 reviewers on one instance`,
        `[load] reads: ${result.reads.count} (${f(result.reads.perSecond)}/s), errors ${result.reads.errors}, p50 ${f(result.reads.p50)} ms, p95 ${f(result.reads.p95)} ms, p99 ${f(result.reads.p99)} ms`,
        `[load]   views p95 ${f(result.readsByKind.view.p95)} ms, history p95 ${f(result.readsByKind.history.p95)} ms, diffs p95 ${f(result.readsByKind.diff.p95)} ms`,
        `[load] saves: ${result.saves.count} acknowledged, ${result.saves.conflicts} conflicts, ${result.saves.errors} errors, p95 ${f(result.saves.p95)} ms`,
        `[load] proposals: ${result.proposals.count}, approvals: ${result.approvals.count} (${result.approvals.conflicts} conflicts, ${result.approvals.errors} errors)`,
        `[load] statuses: ${JSON.stringify(result.statusCounts)}`,
      ].join("\n"),
    );
    const requests =
      result.reads.count +
      result.saves.count +
      result.saves.errors +
      result.proposals.count +
      result.proposals.errors +
      result.approvals.count +
      result.approvals.errors;
    const errors = result.reads.errors + result.saves.errors + result.proposals.errors + result.approvals.errors;
    expect(result.reads.count).toBeGreaterThan(0);
    expect(result.saves.count).toBeGreaterThan(0);
    expect(result.approvals.count).toBeGreaterThan(0);
    expect(errors / requests).toBeLessThan(0.01);
    expect(await missingAcknowledgedSaves(database.db, result.acknowledgedSaves)).toEqual([]);
    expect(server.output()).not.toMatch(/Error:|⨯/);
  });
});
