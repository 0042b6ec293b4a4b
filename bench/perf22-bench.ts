/**
 * Issue 22's rows (validators, Brotli, admission control), each beside a
 * baseline of the same run: the revalidation of the current article against
 * the cached view itself, Brotli against the gzip of the same page, and the
 * closed loop on two instances against the same load with admission control
 * off. Called from suite.ts after the HTTP half; `bench/perf22-run.ts` runs
 * these rows alone at full scale on a smaller workload of its own.
 */
import { get as httpGet } from "node:http";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { saveRevision } from "../lib/articles/save-revision";
import { createClient } from "../lib/db/client";
import { BROTLI_QUALITY } from "../lib/views/cached-view";
import type { createUser } from "../test/factories";
import { startAppServer, type AppServer } from "../test/server";
import type { MixedLoadResult } from "./load/mixed-load";
import { runMixedLoadInChild } from "./load/run-in-child";
import { httpLoad, kb, ms, type AddRow, type BenchArticles } from "./measure";
import { articleOfChars } from "./workload";

export interface Perf22Context {
  url: string;
  articles: BenchArticles;
  users: Array<Awaited<ReturnType<typeof createUser>>>;
  scale: { seconds: number; mixedSeconds: number; view: number };
  quick: boolean;
  add: AddRow;
  /** servers started here, stopped by the caller */
  servers: AppServer[];
}

/** The raw bytes of a GET as sent (fetch would decompress them). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    httpGet(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    }).on("error", reject);
  });
}

const median = async (runs: number, fn: () => Promise<unknown>) => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
};

export async function benchPerf22({ url, articles, users, scale, quick, add, servers }: Perf22Context): Promise<void> {
  const cacheBudgets = {
    WIKI_CONTENT_CACHE_MB: "24",
    WIKI_RENDER_CACHE_MB: "24",
    WIKI_PAGE_CACHE_MB: "24",
    WIKI_DIFF_CACHE_MB: "24",
    WIKI_PART_CACHE_MB: "24",
  };
  const deployed = { WIKI_RATE_LIMITS: "off", WIKI_COMPRESS: "0", ...cacheBudgets };
  const viewPath = `/wiki/${articles.View.slug}`;

  // ---- Revalidation: If-None-Match answered 304 before Next, against the cached view of the same run ----
  {
    const server = await startAppServer({ databaseUrl: url, env: deployed });
    servers.push(server);
    await rawGet(`${server.url}${viewPath}`, {}); // a miss renders and caches the page
    const page = await rawGet(`${server.url}${viewPath}`, {});
    const etag = String(page.headers.etag);
    const check = await rawGet(`${server.url}${viewPath}`, { "if-none-match": etag });
    if (check.status !== 304 || check.headers["x-cache"] !== "hit")
      throw new Error(
        `A revalidation with ${etag} was answered ${check.status} (x-cache ${check.headers["x-cache"]}).`,
      );
    const cached = await httpLoad(`${server.url}${viewPath}`, 50, scale.seconds);
    const revalidated = await httpLoad(`${server.url}${viewPath}`, 50, scale.seconds, { "if-none-match": etag });
    const notModified = revalidated.statusCodes["304"] ?? 0;
    const others = Object.entries(revalidated.statusCodes)
      .filter(([code]) => code !== "304")
      .reduce((sum, [, n]) => sum + n, 0);
    const ratio = revalidated.rps / cached.rps;
    add(
      "baseline: cached view of the current revision, same server, 50 connections",
      `${cached.rps.toFixed(0)} req/s, p50 ${cached.p50} ms, p99 ${cached.p99} ms`,
    );
    add(
      "revalidation of the current article (If-None-Match, 304), 50 connections",
      `${revalidated.rps.toFixed(0)} req/s, p50 ${revalidated.p50} ms, p99 ${revalidated.p99} ms (${ratio.toFixed(1)}x the cached view); ${notModified} answered 304, ${others + revalidated.errors} otherwise`,
      ">= 3x the cached view's req/s, p99 <= 20 ms",
      ratio >= 3 && revalidated.p99 <= 20 && others + revalidated.errors === 0 && notModified > 0,
    );
    await server.stop();
    servers.splice(servers.indexOf(server), 1);
  }

  // ---- Brotli on the pre-compressed cached path, against gzip of the same page ----
  {
    const compressing = await startAppServer({ databaseUrl: url, env: { WIKI_RATE_LIMITS: "off", ...cacheBudgets } });
    servers.push(compressing);
    const viewUrl = `${compressing.url}${viewPath}`;
    const plain = await rawGet(viewUrl, {});
    await rawGet(viewUrl, {});
    const gzipped = await rawGet(viewUrl, { "accept-encoding": "gzip" });
    let br = await rawGet(viewUrl, { "accept-encoding": "gzip, deflate, br" });
    for (let i = 0; i < 200 && br.headers["content-encoding"] !== "br"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      br = await rawGet(viewUrl, { "accept-encoding": "gzip, deflate, br" });
    }
    if (gzipped.headers["content-encoding"] !== "gzip" || br.headers["content-encoding"] !== "br")
      throw new Error("The cached path did not compress the page.");
    // What compressing once costs, in this process on the same page (the server does it off the request path).
    const brotliMs = await median(quick ? 3 : 9, () =>
      promisify(brotliCompress)(plain.body, {
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
          [zlib.BROTLI_PARAM_SIZE_HINT]: plain.body.byteLength,
        },
      }),
    );
    const gzipMs = await median(quick ? 3 : 9, () => promisify(gzip)(plain.body));
    const ratio = br.body.byteLength / gzipped.body.byteLength;
    add(
      `Brotli bytes per cached view / gzip bytes (${kb(plain.body.byteLength)} page)`,
      `${kb(br.body.byteLength)} / ${kb(gzipped.body.byteLength)} = ${ratio.toFixed(2)}x; quality ${BROTLI_QUALITY} compresses the page once in ${ms(brotliMs)} (gzip ${ms(gzipMs)}), in the background: no request waits for it`,
      "<= 0.85x",
      ratio <= 0.85,
    );
    await compressing.stop();
    servers.splice(servers.indexOf(compressing), 1);
  }

  // ---- Closed loop on two instances: admission control against the same load without it ----
  {
    const db = createClient(url);
    const editors = users.slice(150, 155);
    for (let i = 0; i < editors.length; i++) {
      await saveRevision({
        db,
        slug: `Admission_${i}`,
        baseRevisionId: null,
        content: articleOfChars(3000, 3000 + i, `Admission ${i}`),
        authorId: editors[i].id,
      });
    }
    await db.article.update({ where: { slug: articles.View.slug }, data: { protectionLevel: "extended" } });
    await db.$disconnect();
    const cast = {
      readArticles: ["S", "M", "XL", "View"].map((key) => ({
        slug: articles[key].slug,
        revisionIds: articles[key].history.revisionIds.slice(-200),
      })),
      editors: editors.map((user, i) => ({ user, slug: `Admission_${i}` })),
      proposers: [{ user: users[31], slug: articles.View.slug }],
      reviewers: [users[0], users[3]],
      readers: 200,
    };
    const seconds = Math.min(scale.mixedSeconds, 15);
    const closedLoop = async (env: Record<string, string>) => {
      const pair = [
        await startAppServer({ databaseUrl: url, env: { ...deployed, ...env } }),
        await startAppServer({ databaseUrl: url, env: { ...deployed, ...env } }),
      ];
      servers.push(...pair);
      const targets = pair.map((server) => server.url);
      if (!quick) await runMixedLoadInChild({ ...cast, targets, durationSeconds: Math.min(seconds, 5) }); // warm up
      const result = await runMixedLoadInChild({ ...cast, targets, durationSeconds: seconds });
      for (const server of pair) {
        await server.stop();
        servers.splice(servers.indexOf(server), 1);
      }
      return result;
    };
    const describe = (result: MixedLoadResult) => {
      const kinds = result.readsByKind;
      const reads = result.reads.count;
      const writes = result.saves.count + result.proposals.count + result.approvals.count;
      // Transport errors and timeouts (autocannon's, at 10 s): read errors that are no HTTP status.
      const timeouts =
        result.reads.errors -
        Object.entries(result.statusCounts)
          .filter(([key]) => key.startsWith("read ") && Number(key.slice(5)) >= 400)
          .reduce((sum, [, n]) => sum + n, 0);
      const shed = Object.entries(result.statusCounts)
        .filter(([key]) => key.endsWith(" 503"))
        .reduce((sum, [, n]) => sum + n, 0);
      const past =
        kinds.view.pastTwoSeconds +
        kinds.history.pastTwoSeconds +
        kinds.diff.pastTwoSeconds +
        result.saves.pastTwoSeconds +
        result.proposals.pastTwoSeconds +
        result.approvals.pastTwoSeconds +
        Math.max(0, timeouts);
      const total = reads + writes + Math.max(0, timeouts);
      const text =
        `reads ${result.reads.perSecond.toFixed(0)}/s (p99 views ${ms(kinds.view.p99)}, history ${ms(kinds.history.p99)}, diffs ${ms(kinds.diff.p99)}; worst ${ms(result.reads.worst)}); ` +
        `past 2 s: ${past} (views ${kinds.view.pastTwoSeconds}, history ${kinds.history.pastTwoSeconds}, diffs ${kinds.diff.pastTwoSeconds}, writes ${result.saves.pastTwoSeconds + result.proposals.pastTwoSeconds + result.approvals.pastTwoSeconds}, timed out ${Math.max(0, timeouts)}); ` +
        `503: ${shed} (${((shed / Math.max(1, total)) * 100).toFixed(2)}% of ${total} requests; read errors: views ${kinds.view.errors}, history ${kinds.history.errors}, diffs ${kinds.diff.errors}; writes ${result.statusCounts["write 503"] ?? 0}); ${result.saves.count} saves`;
      return { text, past, shedShare: shed / Math.max(1, total) };
    };
    // Off: no admission lines, and the diff workers' line as it was (10 s). The smoke test runs only the
    // judged row: the baseline is the same load on two more servers, and their starts cost it 20 s.
    if (!quick) {
      const baseline = describe(await closedLoop({ WIKI_ADMISSION: "off", WIKI_WORKER_QUEUE_WAIT_MS: "10000" }));
      add(
        `baseline: closed loop, 200 readers without pause + 5 editors, 1 proposer, 2 reviewers on two instances, admission control off, ${seconds} s`,
        baseline.text,
      );
    }
    const admitted = describe(await closedLoop({}));
    add(
      `closed loop, 200 readers without pause + the same writers, two instances, admission control on, ${seconds} s`,
      admitted.text,
      "0 requests past 2 s; 503 + Retry-After < 5% of requests",
      admitted.past === 0 && admitted.shedShare < 0.05,
    );
  }
}
