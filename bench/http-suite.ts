/**
 * The bench's HTTP half: baselines (hello-world Node, a static Next.js page,
 * a SELECT 1 route), cached and uncached article views, statements per view,
 * saves per second, mixed load and memory, one instance and two, each against
 * real `next start` processes on the workload the in-process half generated.
 */
import { createServer } from "node:http";
import { readArticleRevision } from "../lib/articles/read-article";
import { saveRevision } from "../lib/articles/save-revision";
import { sessionCookieFor } from "../lib/auth/session";
import { createClient } from "../lib/db/client";
import type { createUser } from "../test/factories";
import { startAppServer, type AppServer } from "../test/server";
import { runAttackBenchmarks } from "./attack-suite";
import type { MixedLoadResult } from "./load/mixed-load";
import { runMixedLoadInChild } from "./load/run-in-child";
import { httpLoad, kb, ms, rssMegabytes, serveBarePage, type AddRow, type BenchArticles } from "./measure";
import { articleOfChars } from "./workload";

export interface HttpBenchContext {
  /** the bench database */
  url: string;
  articles: BenchArticles;
  users: Array<Awaited<ReturnType<typeof createUser>>>;
  scale: { view: number; seconds: number; mixedSeconds: number };
  quick: boolean;
  add: AddRow;
  /** PostgreSQL's log counts statements while `counting` is on */
  statementLog: { counting: boolean; statements: number };
  /** every server started here, stopped by the caller */
  servers: AppServer[];
}

export async function runHttpBenchmarks({
  url,
  articles,
  users,
  scale,
  quick,
  add,
  statementLog,
  servers,
}: HttpBenchContext): Promise<void> {
  const hello = createServer((_request, response) => response.end("hello")).listen(0, "127.0.0.1");
  await new Promise((resolve) => hello.once("listening", resolve));
  const helloPort = (hello.address() as { port: number }).port;
  // Baselines are steady: half the time of the measured rows is enough.
  const baselineSeconds = Math.max(1, scale.seconds / 2);
  const helloLoad = await httpLoad(`http://127.0.0.1:${helloPort}/`, 50, baselineSeconds);
  hello.close();
  add(
    "baseline: hello-world Node HTTP server, 50 connections",
    `${helloLoad.rps.toFixed(0)} req/s, p50 ${helloLoad.p50} ms, p99 ${helloLoad.p99} ms`,
  );

  // Every server here runs as deployed behind a caching proxy that compresses (README, Deployment);
  // one mixed-load run below shows what Next's own on-the-fly compression costs. Its caches get
  // budgets the warm-up run fills (the defaults add up to 384 MB, which take minutes of this load
  // to fill), so memory that grows across the mixed runs after it is not a cache filling up.
  const cacheBudgets = {
    WIKI_CONTENT_CACHE_MB: "24",
    WIKI_RENDER_CACHE_MB: "24",
    WIKI_PAGE_CACHE_MB: "24",
    WIKI_DIFF_CACHE_MB: "24",
    WIKI_PART_CACHE_MB: "24",
  };
  const deployed = { WIKI_RATE_LIMITS: "off", WIKI_COMPRESS: "0", ...cacheBudgets };
  const server = await startAppServer({ databaseUrl: url, env: deployed });
  servers.push(server);
  const staticLoad = await httpLoad(`${server.url}/about`, 50, baselineSeconds);
  add(
    "baseline: static Next.js page (/about), 50 connections",
    `${staticLoad.rps.toFixed(0)} req/s, p50 ${staticLoad.p50} ms, p99 ${staticLoad.p99} ms`,
  );
  const healthLoad = await httpLoad(`${server.url}/api/health`, 50, baselineSeconds);
  add(
    "baseline: route handler running SELECT 1 (/api/health), 50 connections",
    `${healthLoad.rps.toFixed(0)} req/s, p50 ${healthLoad.p50} ms, p99 ${healthLoad.p99} ms`,
  );

  const viewUrl = `${server.url}/wiki/${articles.View.slug}`;
  const page = new Uint8Array(await (await fetch(viewUrl)).arrayBuffer());
  // The machine's limit for this page: the same bytes from a bare Node server (a page this size is
  // mostly copying, for the server and for the load generator on the same cores).
  const bare = await serveBarePage(page);
  const bareLoad = await httpLoad(bare.url, 50, baselineSeconds);
  bare.close();
  add(
    `baseline: bare Node HTTP server sending the same ${kb(page.byteLength)} page, 50 connections`,
    `${bareLoad.rps.toFixed(0)} req/s, p50 ${bareLoad.p50} ms, p99 ${bareLoad.p99} ms`,
  );
  const cachedLoad = await httpLoad(viewUrl, 50, scale.seconds);
  add(
    `cached view of the current revision (${scale.view.toLocaleString("en")} chars), 50 connections`,
    `${cachedLoad.rps.toFixed(0)} req/s, p50 ${cachedLoad.p50} ms, p99 ${cachedLoad.p99} ms (${(cachedLoad.rps / staticLoad.rps).toFixed(1)}x the static page, ${(cachedLoad.rps / bareLoad.rps).toFixed(2)}x the bare server), ${cachedLoad.non2xx + cachedLoad.errors} errors`,
    ">= 1,000 req/s, p99 < 50 ms",
    cachedLoad.rps >= 1000 && cachedLoad.p99 < 50,
  );

  // The caches off, or the whole-page cache (and the cached-view path in front of Next) would answer, and the
  // part cache would hand over every part of the body.
  const uncached = await startAppServer({
    databaseUrl: url,
    env: { ...deployed, WIKI_RENDER_CACHE_MB: "0", WIKI_PAGE_CACHE_MB: "0", WIKI_PART_CACHE_MB: "0" },
  });
  servers.push(uncached);
  const uncachedUrl = `${uncached.url}/wiki/${articles.View.slug}`;
  const uncachedResponse = await fetch(uncachedUrl);
  if (uncachedResponse.headers.get("x-cache")) throw new Error("The uncached server answered from a cache.");
  const html = await uncachedResponse.text();
  const viewArticle = await readArticleRevision({ db: createClient(url), slug: articles.View.slug });
  const contentBytes = viewArticle.revision.sizeBytes;
  const uncachedOne = await httpLoad(uncachedUrl, 1, scale.seconds);
  const uncachedMany = await httpLoad(uncachedUrl, 10, scale.seconds);
  add(
    `uncached render of the ${scale.view.toLocaleString("en")}-char article (render and page caches off)`,
    `1 client: p50 ${uncachedOne.p50} ms, ${uncachedOne.rps.toFixed(0)} req/s; 10 clients: ${uncachedMany.rps.toFixed(0)} req/s`,
    ">= 100 req/s, p50 <= 10 ms at 1 client",
    uncachedMany.rps >= 100 && uncachedOne.p50 <= 10,
  );
  const ratio = Buffer.byteLength(html) / contentBytes;
  add(
    "HTML bytes per view / content JSON bytes",
    `${kb(Buffer.byteLength(html))} / ${kb(contentBytes)} = ${ratio.toFixed(2)}x, no RSC payload: ${!html.includes("self.__next_f")}`,
    "<= 1.3x",
    ratio <= 1.3,
  );
  await uncached.stop();

  const queryDb = createClient(url);
  {
    await queryDb.$executeRawUnsafe(`ALTER DATABASE "bench" SET log_statement = 'all'`);
    const counted = await startAppServer({ databaseUrl: url, env: deployed });
    const viewPath = `/wiki/${articles.View.slug}`;
    const perView = async (headers: Record<string, string>) => {
      await (await fetch(`${counted.url}${viewPath}`, { headers })).text(); // warm: a miss loads and renders the revision
      await new Promise((resolve) => setTimeout(resolve, 300));
      statementLog.statements = 0;
      statementLog.counting = true;
      const views = 20;
      for (let i = 0; i < views; i++) await (await fetch(`${counted.url}${viewPath}`, { headers })).text();
      await new Promise((resolve) => setTimeout(resolve, 300)); // the log arrives through a pipe
      statementLog.counting = false;
      return statementLog.statements / views;
    };
    const reader = await perView({});
    const member = await perView({ cookie: await sessionCookieFor(users[45]) });
    const reviewerViews = await perView({ cookie: await sessionCookieFor(users[0]) });
    await counted.stop();
    await queryDb.$executeRawUnsafe(`ALTER DATABASE "bench" RESET log_statement`);
    add(
      "database statements per article view (logged by PostgreSQL)",
      `signed out ${reader.toFixed(1)}, signed in ${member.toFixed(1)}, reviewer ${reviewerViews.toFixed(1)}`,
      "<= 3",
      Math.max(reader, member, reviewerViews) <= 3,
    );
  }

  // Saves per second while readers run: many editors on many articles.
  let secondInstance: AppServer;
  {
    const editors = users.slice(100, 100 + (quick ? 4 : 40));
    const editSlugs: string[] = [];
    for (let i = 0; i < editors.length; i++) {
      const slug = `Save_rate_${i}`;
      await saveRevision({
        db: queryDb,
        slug,
        baseRevisionId: null,
        content: articleOfChars(3000, 2000 + i, `Save rate ${i}`),
        authorId: editors[i].id,
      });
      editSlugs.push(slug);
    }
    const saveLoad = (targets: string[], durationSeconds = scale.seconds) =>
      runMixedLoadInChild({
        targets,
        durationSeconds,
        readers: 50,
        readerThinkMs: 1000,
        readArticles: [{ slug: articles.View.slug, revisionIds: articles.View.history.revisionIds }],
        editors: editors.map((user, i) => ({ user, slug: editSlugs[i] })),
        reviewers: [],
        writerPauseMs: 0,
      });
    // Sustained means warm: a few seconds of the same load first, so the first saves' compilation
    // (the edit route's modules, JIT) is not counted in the rate.
    // (The smoke test skips warming up: it checks that the row runs, not its figure.)
    const warmUpSeconds = Math.min(3, scale.seconds);
    if (!quick) await saveLoad([server.url], warmUpSeconds);
    const one = await saveLoad([server.url]);
    add(
      `saves/s sustained with readers running, one instance (${editors.length} editors on ${editors.length} articles, 50 readers at a page a second)`,
      `${one.saves.perSecond.toFixed(0)} saves/s (p50 ${ms(one.saves.p50)}, p99 ${ms(one.saves.p99)}), reads ${one.reads.perSecond.toFixed(0)}/s`,
      ">= 100 saves/s",
      one.saves.perSecond >= 100,
    );
    // The second instance stays up for the closed-loop row on two instances below (one start less).
    secondInstance = await startAppServer({ databaseUrl: url, env: deployed });
    servers.push(secondInstance);
    const helper = secondInstance;
    if (!quick) await saveLoad([server.url, helper.url], warmUpSeconds);
    const two = await saveLoad([server.url, helper.url]);
    add(
      "  ... the same on two instances (one database)",
      `${two.saves.perSecond.toFixed(0)} saves/s (p50 ${ms(two.saves.p50)}, p99 ${ms(two.saves.p99)}), reads ${two.reads.perSecond.toFixed(0)}/s`,
      ">= 100 saves/s",
      two.saves.perSecond >= 100,
    );
  }

  // Mixed load, twice, for memory growth.
  const readArticles = ["S", "M", "XL", "View"].map((key) => ({
    slug: articles[key].slug,
    revisionIds: articles[key].history.revisionIds.slice(-200),
  }));
  const mixedCast = {
    readArticles,
    editors: users.slice(150, 155).map((user, i) => ({ user, slug: `Save_rate_${i % (quick ? 4 : 40)}` })),
    proposers: [{ user: users[31], slug: articles.View.slug }], // autoconfirmed, not extended confirmed: proposes
    reviewers: [users[0], users[3]],
  };
  await queryDb.article.update({ where: { slug: articles.View.slug }, data: { protectionLevel: "extended" } });
  // A first run fills the caches (bounded, so memory levels off); runs 1 and 2 then show whether it keeps growing.
  if (!quick)
    await runMixedLoadInChild({
      ...mixedCast,
      targets: [server.url],
      durationSeconds: Math.min(scale.mixedSeconds, 45),
      readers: 200,
      readerThinkMs: 1000,
    });
  const mixedRow = (name: string, result: MixedLoadResult, judged: boolean) => {
    const errors = result.reads.errors + result.saves.errors + result.proposals.errors + result.approvals.errors;
    const total = result.reads.count + result.saves.count + result.proposals.count + result.approvals.count + errors;
    add(
      name,
      `reads ${result.reads.perSecond.toFixed(0)}/s p50 ${ms(result.reads.p50)} p99 ${ms(result.reads.p99)} (views p99 ${ms(result.readsByKind.view.p99)}, history ${ms(result.readsByKind.history.p99)}, diffs ${ms(result.readsByKind.diff.p99)}); ${result.saves.count} saves, ${result.proposals.count} proposals, ${result.approvals.count} approvals (${result.approvals.conflicts} no longer applied); errors ${((errors / Math.max(1, total)) * 100).toFixed(2)}%`,
      judged ? "p99 reads < 200 ms, errors < 1%" : "",
      judged ? result.reads.p99 < 200 && errors / Math.max(1, total) < 0.01 : null,
    );
  };
  const mixedName = `200 readers at a page a second (85% views, 10% history, 5% diffs) + 5 editors + 1 proposer + 2 reviewers, ${scale.mixedSeconds} s`;
  const rss: number[] = [];
  for (let run = 1; run <= 2; run++) {
    const result = await runMixedLoadInChild({
      ...mixedCast,
      targets: [server.url],
      durationSeconds: scale.mixedSeconds,
      readers: 200,
      readerThinkMs: 1000,
    });
    rss.push(rssMegabytes(server.process.pid!));
    mixedRow(`mixed load run ${run}: ${mixedName}`, result, true);
  }
  if (!quick) {
    // The same with Next compressing every page for readers that ask for gzip (as it does without WIKI_COMPRESS=0).
    // Not in the smoke test: the rows above already run this load, and a third server costs it 20 s.
    const compressing = await startAppServer({ databaseUrl: url, env: { WIKI_RATE_LIMITS: "off", ...cacheBudgets } });
    servers.push(compressing);
    const seconds = Math.min(scale.mixedSeconds, 30);
    await runMixedLoadInChild({
      ...mixedCast,
      targets: [compressing.url],
      durationSeconds: Math.min(seconds, 10),
      readers: 200,
      readerThinkMs: 1000,
    });
    const result = await runMixedLoadInChild({
      ...mixedCast,
      targets: [compressing.url],
      durationSeconds: seconds,
      readers: 200,
      readerThinkMs: 1000,
    });
    mixedRow(
      `  ... the same with Next gzipping every response itself (no proxy in front), ${seconds} s`,
      result,
      false,
    );
    await compressing.stop();
  }
  add(
    "server RSS after mixed load runs 1 and 2 (after a warm-up run; four caches of 24 MB, full by then)",
    `${rss[0].toFixed(0)} MB, ${rss[1].toFixed(0)} MB (${(((rss[1] - rss[0]) / rss[0]) * 100).toFixed(1)}%)`,
    "no growth (< 10%)",
    (rss[1] - rss[0]) / rss[0] < 0.1,
  );

  // Saturation: one instance, then two on one database, closed loop.
  const saturationSeconds = Math.min(scale.mixedSeconds, 15);
  {
    const result = await runMixedLoadInChild({
      ...mixedCast,
      targets: [server.url],
      durationSeconds: saturationSeconds,
      readers: 200,
    });
    add(
      "one instance: 200 readers without pause + the same writers",
      `reads ${result.reads.perSecond.toFixed(0)}/s p50 ${ms(result.reads.p50)} p99 ${ms(result.reads.p99)}; ${result.saves.count} saves, ${result.approvals.count} approvals`,
    );
  }
  {
    const second = secondInstance;
    const result = await runMixedLoadInChild({
      ...mixedCast,
      targets: [server.url, second.url],
      durationSeconds: saturationSeconds,
      readers: 200,
    });
    // Closed loop (no think time): how much the two instances carry together.
    const errors = result.reads.errors + result.saves.errors + result.proposals.errors + result.approvals.errors;
    add(
      "two instances, one database: 200 readers without pause + the same writers, spread over both",
      `reads ${result.reads.perSecond.toFixed(0)}/s p50 ${ms(result.reads.p50)} p99 ${ms(result.reads.p99)}; ${result.saves.count} saves, ${result.approvals.count} approvals; ${errors} errors`,
    );
  }
  // Under attack: a large proposal read anonymously, health under 4 MB anonymous bodies, sign-in under guessing.
  await runAttackBenchmarks({
    url,
    proposerId: users[31].id,
    editorId: users[2].id,
    seconds: scale.seconds,
    quick,
    add,
    servers,
  });
  await queryDb.$disconnect();
}
