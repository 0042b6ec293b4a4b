/**
 * Read replicas (issue 22), two rows, each beside its baseline of the same
 * run, on a primary and one streaming standby of their own (made here with
 * pg_basebackup, test/streaming-replica.ts): reads per second with the replica
 * against the primary alone, the same load on two instances; and a save read
 * back at once by its saver through a replica 500 ms behind, against the same
 * read without the primary mark. Called from suite.ts; runnable alone:
 *
 *   NODE_ENV=production node --import tsx --import ./scripts/register.mjs bench/replicas-bench.ts [--quick]
 */
import os from "node:os";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { clearContentCache } from "../lib/articles/content-store";
import { saveRevision } from "../lib/articles/save-revision";
import { sessionCookieFor } from "../lib/auth/session";
import { createClient } from "../lib/db/client";
import { PRIMARY_MARK_COOKIE } from "../lib/db/replicas";
import { docFromMarkup } from "../lib/document/markup";
import { buildIfNeeded } from "../scripts/build";
import { makeUser, type TestUser } from "../test/factories";
import { startAppServer, type AppServer } from "../test/server";
import { startReplicatedDatabase } from "../test/streaming-replica";
import { httpLoad, type AddRow } from "./measure";
import { articleOfChars, bulkHistory } from "./workload";

export async function benchReplicas({ quick, add }: { quick: boolean; add: AddRow }): Promise<void> {
  const chars = quick ? 8_000 : 78_000;
  const lead = (text: string) => ({ id: "lead", title: "", level: 0, body: docFromMarkup(text) });
  const authors: TestUser[] = [];
  let revisions = 0;
  let base = 0;
  // The workload is written before the replica is made from the primary, so both start with it. The process's blob
  // cache holds what it wrote to the suite's database, and a writer skips the blobs it holds: not carried over.
  clearContentCache();
  const replicated = await startReplicatedDatabase({
    prepare: async (url) => {
      const db = createClient(url);
      for (let i = 0; i < 20; i++)
        authors.push(await makeUser(db, { name: `replica_author_${i}`, role: "autoconfirmed" }));
      const history = await bulkHistory(db, {
        slug: "Replica_Read",
        first: articleOfChars(chars, 7, "Replica Read"),
        chars,
        revisions: quick ? 60 : 400,
        authorIds: authors.map((author) => author.id),
        seed: 7,
      });
      revisions = history.revisionIds.length;
      const content = { title: "Replica Saves", infobox: null, sections: [lead("First.")], references: [] };
      base = (await saveRevision({ db, slug: "Replica_Saves", baseRevisionId: null, content, authorId: authors[0].id }))
        .revisionId;
      await db.$executeRawUnsafe("VACUUM (ANALYZE)");
      await db.$disconnect();
    },
  });
  const { url, replicaUrl, replica } = replicated;
  const servers: AppServer[] = [];
  try {
    const env = { WIKI_RATE_LIMITS: "off", WIKI_COMPRESS: "0" };
    const pair = async (extra: Record<string, string>) => {
      const started = [
        await startAppServer({ databaseUrl: url, env: { ...env, ...extra } }),
        await startAppServer({ databaseUrl: url, env: { ...env, ...extra } }),
      ];
      servers.push(...started);
      return started;
    };
    const stopAll = async () => {
      await Promise.all(servers.map((server) => server.stop()));
      servers.length = 0;
    };

    // ---- Reads per second: the same load on two instances, with the replica and with the primary alone ----
    const connections = quick ? 8 : 16;
    const seconds = quick ? 1 : 10;
    const historyPath = `/api/articles/Replica_Read/revisions?limit=50`;
    // Each PostgreSQL server's CPU over the load (its 1 s warm-up included), per 1,000 reads.
    const load = async (instances: AppServer[]) => {
      const cpuBefore = replicated.cpuSeconds();
      const results = await Promise.all(
        instances.map((server) => httpLoad(`${server.url}${historyPath}`, connections, seconds)),
      );
      const cpuAfter = replicated.cpuSeconds();
      const rps = results.reduce((sum, result) => sum + result.rps, 0);
      const perThousandReads = (i: 0 | 1) => {
        const [now, since] = [cpuAfter[i], cpuBefore[i]];
        return now === null || since === null ? Number.NaN : ((now - since) * 1000) / (rps * (seconds + 1));
      };
      return {
        rps,
        p99: Math.max(...results.map((result) => result.p99)),
        failed: results.reduce((sum, result) => sum + result.non2xx + result.errors, 0),
        primaryCpu: perThousandReads(0),
        replicaCpu: perThousandReads(1),
      };
    };
    // Alternating rounds (primary alone, then with the replica), so a machine that slows down part way (others'
    // work on shared cores) weighs on both alike.
    const rounds = quick ? 1 : 2;
    const alone = { rps: 0, p99: 0, failed: 0, primaryCpu: 0 };
    const withReplica = { rps: 0, p99: 0, failed: 0, primaryCpu: 0, replicaCpu: 0, share: 0 };
    const ratios: string[] = [];
    let kept: AppServer[] | null = null;
    for (let round = 0; round < rounds; round++) {
      const primaryOnly = await load(await pair({}));
      await stopAll();
      const commitsBefore = await commitsOn([url, replicaUrl]);
      const replicaPair = await pair({ DATABASE_REPLICA_URL: replicaUrl });
      const withOne = await load(replicaPair);
      if (quick) {
        // The smoke test checks that the rows run: the next row reuses these servers (two starts fewer), and
        // the replica's share, which needs them stopped, is left out.
        kept = replicaPair;
        withReplica.share = Number.NaN;
      } else {
        // After the servers stopped: a pooled connection reports its counts only now and then, and when it closes.
        await stopAll();
        const commitsAfter = await commitsOn([url, replicaUrl]);
        const onReplica = commitsAfter[1] - commitsBefore[1];
        withReplica.share += onReplica / Math.max(1, onReplica + commitsAfter[0] - commitsBefore[0]) / rounds;
      }
      withReplica.replicaCpu += withOne.replicaCpu / rounds;
      for (const [sum, one] of [
        [alone, primaryOnly],
        [withReplica, withOne],
      ] as const) {
        sum.rps += one.rps / rounds;
        sum.p99 = Math.max(sum.p99, one.p99);
        sum.failed += one.failed;
        sum.primaryCpu += one.primaryCpu / rounds;
      }
      ratios.push(`${(withOne.rps / primaryOnly.rps).toFixed(2)}x`);
    }
    const ratio = withReplica.rps / alone.rps;
    const failed = withReplica.failed + alone.failed;
    const cpu = (value: number) => (Number.isNaN(value) ? "n/a" : `${value.toFixed(2)} s`);
    add(
      "reads/s with one replica vs primary only, two instances, same load",
      `${ratio.toFixed(2)}x (rounds ${ratios.join(", ")}): ${withReplica.rps.toFixed(0)} reads/s with the replica (p99 ${withReplica.p99} ms, ${Number.isNaN(withReplica.share) ? "n/a" : `${(withReplica.share * 100).toFixed(0)}%`} of transactions on it), ${alone.rps.toFixed(0)} primary only (p99 ${alone.p99} ms); the primary's CPU per 1,000 reads ${cpu(withReplica.primaryCpu)} with the replica (the replica's ${cpu(withReplica.replicaCpu)}), ${cpu(alone.primaryCpu)} alone; history JSON of an article of ${revisions} revisions, 2 x ${connections} connections, ${seconds} s a round; ${failed} failed; all on one ${os.cpus().length}-core machine (load average ${os.loadavg()[0].toFixed(1)})`,
      ">= 1.6x",
      ratio >= 1.6 && failed === 0,
    );

    // ---- Read-your-writes through a replica 500 ms behind: the saver's own read at once, on the other instance ----
    await replica.stop();
    await replica.start({ applyDelayMs: 500 });
    // Servers kept from the row before have marked the replica down: their probe (every second) brings it back.
    if (kept) await new Promise((resolve) => setTimeout(resolve, 2500));
    const [writer, reader] = kept ?? (await pair({ DATABASE_REPLICA_URL: replicaUrl }));
    const session = await sessionCookieFor(authors[1]);
    const saves = quick ? 5 : 20;
    let sawWithMark = 0;
    let sawWithout = 0;
    const currentRevision = async (cookie: string) => {
      const response = await fetch(`${reader.url}/api/articles/Replica_Saves`, { headers: { cookie } });
      return ((await response.json()) as { article: { currentRevisionId: number } }).article.currentRevisionId;
    };
    for (let i = 0; i < saves; i++) {
      const response = await fetch(`${writer.url}/api/articles/Replica_Saves/edits`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: writer.url, cookie: session },
        body: JSON.stringify({
          baseRevisionId: base,
          summary: `save ${i}`,
          sectionEdit: { sectionId: "lead", sections: [lead(`Save number ${i}.`)] },
        }),
      });
      if (response.status !== 201) throw new Error(`save ${i}: ${response.status} ${await response.text()}`);
      base = ((await response.json()) as { revision: { id: number } }).revision.id;
      const mark = response.headers
        .getSetCookie()
        .find((line) => line.startsWith(`${PRIMARY_MARK_COOKIE}=`))
        ?.split(";")[0];
      // Both reads at once after the save, in turns first, so neither always has the other's head start.
      const reads = [
        async () => (sawWithMark += (await currentRevision(`${session}; ${mark}`)) === base ? 1 : 0),
        async () => (sawWithout += (await currentRevision(session)) === base ? 1 : 0),
      ];
      if (i % 2) reads.reverse();
      for (const readBack of reads) await readBack();
    }
    add(
      "a save followed at once by the saver's own read through a replica with 500 ms injected lag: sees its save",
      `${((sawWithMark / saves) * 100).toFixed(0)}% (${sawWithMark} of ${saves}, read on the other instance); without the primary mark ${sawWithout} of ${saves} (the lag is real)`,
      "100%",
      sawWithMark === saves,
    );
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await replicated.stop();
    clearContentCache();
  }
}

/** Transactions committed so far in the wiki database of each server (pg_stat_database counts a standby's own). */
async function commitsOn(urls: string[]): Promise<number[]> {
  return Promise.all(
    urls.map(async (url) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("SELECT pg_stat_clear_snapshot()");
        const { rows } = await client.query<{ commits: string }>(
          "SELECT xact_commit::text AS commits FROM pg_stat_database WHERE datname = current_database()",
        );
        return Number(rows[0].commits);
      } finally {
        await client.end();
      }
    }),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes("--quick");
  if (!buildIfNeeded()) process.exit(1);
  const rows: Array<{ name: string; result: string; target: string; met: boolean | null }> = [];
  await benchReplicas({
    quick,
    add: (name, result, target = "", met = null) => {
      rows.push({ name, result, target, met });
      console.log(`[replicas] ${name}: ${result}${target ? ` (target ${target}: ${met ? "met" : "MISSED"})` : ""}`);
    },
  });
  console.log("");
  for (const row of rows)
    console.log(`| ${row.name} | ${row.result} | ${row.target} | ${row.met === null ? "" : row.met ? "yes" : "NO"} |`);
  process.exit(0);
}
