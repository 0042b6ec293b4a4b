/**
 * `npm run test:soak`: 30 minutes (WIKI_SOAK_MINUTES) of mixed traffic against
 * a production build on a throwaway embedded PostgreSQL. Passes when no
 * request got a 5xx, the server's JavaScript heap after a full collection grew
 * under 10% from the end of the warm-up (the first sixth) to the end (RSS is
 * printed too), no acknowledged save was lost, and
 * the database invariants hold. Not part of `npm test`.
 */
import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, withDatabase } from "../lib/db/admin";
import { createClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { buildIfNeeded } from "../scripts/build";
import { missingAcknowledgedSaves, seedLoadFixture } from "../test/load/fixture";
import { freePort, startAppServer } from "../test/server";
import { runMixedLoad } from "./load/mixed-load";
import { reportInvariants } from "./invariants-report";

const minutes = Number(process.env.WIKI_SOAK_MINUTES ?? 30);
const windowSeconds = Math.min(60, minutes * 60);
const windows = Math.max(1, Math.round((minutes * 60) / windowSeconds));

/**
 * The server's JavaScript heap in use right after a full garbage collection,
 * read through its inspector (on a port of its own). RSS alone cannot tell a
 * leak: V8 lets it grow until a full collection, which then gives most back.
 */
async function heapInspector(
  inspectorPort: number,
): Promise<{ heapAfterGc: () => Promise<number>; close: () => void }> {
  let targets: Array<{ webSocketDebuggerUrl: string }> = [];
  for (let attempt = 0; attempt < 50 && targets.length === 0; attempt++) {
    targets = await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)
      .then((response) => response.json())
      .catch(() => []);
    if (targets.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 0;
  const pending = new Map<number, (result: any) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data));
    pending.get(message.id)?.(message.result);
    pending.delete(message.id);
  };
  const send = (method: string) =>
    new Promise<any>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method }));
    });
  await send("HeapProfiler.enable");
  return {
    heapAfterGc: async () => {
      await send("HeapProfiler.collectGarbage");
      return (await send("Runtime.getHeapUsage")).usedSize / 1048576;
    },
    // A process with a debugger attached waits for it to disconnect before it exits.
    close: () => socket.close(),
  };
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

if (!buildIfNeeded()) process.exit(1);
const tmp = await mkdtemp(path.join(os.tmpdir(), "wiki-soak-"));
await chmod(tmp, 0o755);
const cluster = await startEmbeddedPostgres({ dataDir: path.join(tmp, "data"), persistent: false });
let failed = false;
try {
  await ensureDatabase(cluster.adminUrl, "soak");
  const url = withDatabase(cluster.adminUrl, "soak");
  await applyMigrations(url);
  const db = createClient(url);
  const cast = await seedLoadFixture(db);
  // Small cache budgets, so the caches (bounded, by design) are full within the first windows;
  // memory that grows after that is a leak.
  const cacheMb = process.env.WIKI_SOAK_CACHE_MB ?? "2";
  const inspectorPort = await freePort();
  const server = await startAppServer({
    databaseUrl: url,
    env: {
      NODE_OPTIONS: `--inspect=127.0.0.1:${inspectorPort}`,
      WIKI_RATE_LIMITS: "off",
      WIKI_CONTENT_CACHE_MB: cacheMb,
      WIKI_RENDER_CACHE_MB: cacheMb,
      WIKI_PAGE_CACHE_MB: cacheMb,
      WIKI_DIFF_CACHE_MB: cacheMb,
      WIKI_PART_CACHE_MB: cacheMb,
    },
  });
  const pid = server.process.pid!;
  console.log(
    `[soak] ${minutes} min in ${windows} windows of ${windowSeconds} s against ${server.url} (pid ${pid}), 50 readers + ${cast.editors.length} editors + 1 proposer + 2 reviewers`,
  );
  const inspector = await heapInspector(inspectorPort);
  const rss: number[] = [];
  const heap: number[] = [];
  let serverErrors = 0;
  let requests = 0;
  const saves: Array<{ slug: string; revisionId: number; marker: string }> = [];
  for (let window = 1; window <= windows; window++) {
    const result = await runMixedLoad({ ...cast, targets: [server.url], durationSeconds: windowSeconds, readers: 50 });
    const fiveHundreds = Object.entries(result.statusCounts)
      .filter(([key]) => / 5\d\d$/.test(key))
      .reduce((sum, [, n]) => sum + n, 0);
    serverErrors += fiveHundreds;
    requests += Object.values(result.statusCounts).reduce((sum, n) => sum + n, 0);
    saves.push(...result.acknowledgedSaves);
    rss.push(rssMegabytes(pid));
    heap.push(await inspector.heapAfterGc());
    console.log(
      `[soak] window ${window}/${windows}: ${result.reads.count} reads (p95 ${result.reads.p95.toFixed(1)} ms, p99 ${result.reads.p99.toFixed(1)} ms), ${result.saves.count} saves, ${result.approvals.count} approvals (${result.approvals.conflicts} sent back as stale), 5xx ${fiveHundreds}, server RSS ${rss.at(-1)!.toFixed(0)} MB, heap after a full GC ${heap.at(-1)!.toFixed(1)} MB`,
    );
  }
  inspector.close();
  await server.stop();
  // Growth is measured from the end of the warm-up (the first sixth of the run) to the end.
  const warm = Math.min(rss.length - 1, Math.max(0, Math.ceil(windows / 6) - 1));
  const growth = heap.length > 1 ? (heap.at(-1)! - heap[warm]) / heap[warm] : 0;
  const missing = await missingAcknowledgedSaves(db, saves);
  const invariantsOk = await reportInvariants(db, (line) => console.log(`[soak] ${line}`));
  console.log(
    `[soak] ${requests} requests, ${serverErrors} answered 5xx; heap after a full GC ${heap[warm].toFixed(1)} MB after the warm-up (window ${warm + 1}), ${heap.at(-1)!.toFixed(1)} MB after the last (${(growth * 100).toFixed(1)}%); RSS ${rss[warm].toFixed(0)} then ${rss.at(-1)!.toFixed(0)} MB; ${saves.length} acknowledged saves, ${missing.length} missing`,
  );
  failed = serverErrors > 0 || growth >= 0.1 || missing.length > 0 || !invariantsOk;
  console.log(failed ? "[soak] FAILED" : "[soak] passed");
  await db.$disconnect();
} finally {
  await cluster.stop();
  await rm(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
