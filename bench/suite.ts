/**
 * The benchmark suite (issue 7). Generates its workload on a throwaway
 * embedded PostgreSQL, measures in process and over HTTP against real
 * `next start` instances, and prints each figure beside its target and
 * beside baselines of the same run (hello-world Node, a static Next.js page,
 * SELECT 1), so a figure reads as a share of what this machine can do.
 * `quick` shrinks everything for the smoke test. The HTTP half is in
 * http-suite.ts.
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { ReactElement } from "react";
import { renderRevisionParts } from "../components/article/article-page";
import { renderRevisionWhole } from "../components/article/revision-parts";
import { clearContentCache } from "../lib/articles/content-store";
import { clearPartCache } from "../lib/views/rendered-parts";
import { compareRevisions } from "../lib/articles/compare";
import { listRevisions } from "../lib/articles/history";
import { findArticle, readArticleRevision, readRevisionOf } from "../lib/articles/read-article";
import { saveRevision } from "../lib/articles/save-revision";
import { checkCredentials } from "../lib/auth/sign-in";
import { ensureDatabase, withDatabase } from "../lib/db/admin";
import { closeDb, createClient, type Db } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { diffArticles } from "../lib/diff/article-diff";
import { reviewAlerts } from "../lib/diff/review-alerts";
import { docFromMarkup } from "../lib/document/markup";
import type { ArticleContent } from "../lib/document/model";
import { decideProposal } from "../lib/proposals/decide-proposal";
import { listReviewQueue } from "../lib/proposals/review-queue";
import { submitProposal } from "../lib/proposals/submit-proposal";
import { loadActor } from "../lib/users/load-actor";
import { registerUser } from "../lib/users/register-user";
import { createUser, seededRandom } from "../test/factories";
import type { AppServer } from "../test/server";
import { runHttpBenchmarks } from "./http-suite";
import { benchProposalInterdiff } from "./review-interdiff-bench";
import { benchRecentChanges, fillSiteRevisions } from "./recent-changes-bench";
import { benchPerf22 } from "./perf22-bench";
import { benchSectionRender } from "./section-render-bench";
import { benchReviewQueue } from "./review-queue-bench";
import { benchDumpImport, benchImport, runDumpImportInChild } from "./import-bench";
import { benchSearch } from "./search-bench";
import { benchWorklists } from "./worklists-bench";
import { benchSources } from "./sources-bench";
import { benchNotifications } from "./notifications-bench";
import { benchEditorLoad } from "./editor-bench";
import { summarize } from "./load/mixed-load";
import { kb, ms, sample, time, type BenchArticles, type BenchRow } from "./measure";
import { benchReplicas } from "./replicas-bench";
import { benchProposalWithComments } from "./review-threads-bench";
import { articleOfChars, bulkHistory } from "./workload";

export type { BenchRow };

/**
 * A full collection before each series of diff samples (outside the timing).
 * The server diffs on a worker thread whose heap holds little more than the
 * two revisions; this process holds the whole generated workload, whose
 * garbage would otherwise land in whichever diff happens to trigger a
 * collection. Not before every sample: a forced full collection shrinks the
 * young generation, and the diff right after it pays for many more
 * scavenges (measured: near-total rewrites of the 40k article 1.7-2x as
 * slow as with the heap left alone). Needs --expose-gc (npm run bench passes it).
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export async function runBenchmarks(options: {
  quick: boolean;
  render: (element: ReactElement) => string;
  log?: (line: string) => void;
}): Promise<BenchRow[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const quick = options.quick;
  const rows: BenchRow[] = [];
  // How long each row took to make (since the row before): where the bench, and npm test's smoke run of it, spend time.
  let lastRowAt = performance.now();
  const add = (name: string, result: string, target = "", met: boolean | null = null) => {
    const now = performance.now();
    log(`[bench] ${((now - lastRowAt) / 1000).toFixed(1)} s: ${name}`);
    lastRowAt = now;
    rows.push({ name, result, target, met });
  };
  const latencyRow = (
    name: string,
    samples: number[],
    target = "",
    check?: (s: ReturnType<typeof summarize>) => boolean,
  ) => {
    const s = summarize(samples, 0, 1);
    add(
      name,
      `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, worst ${ms(s.worst)}`,
      target,
      check ? check(s) : null,
    );
    return s;
  };
  const scale = quick
    ? {
        S: 5_000,
        M: 8_000,
        XL: 12_000,
        L: 20_000,
        view: 8_000,
        hot: 120,
        histL: 60,
        histXL: 40,
        runs: 3,
        openProposals: 20,
        proposalArticles: 5,
        users: 200,
        seconds: 1,
        mixedSeconds: 2,
      }
    : {
        S: 5_000,
        M: 40_000,
        XL: 200_000,
        L: 1_000_000,
        view: 78_000,
        hot: 45_000,
        histL: 10_000,
        histXL: 1_000,
        runs: 30,
        openProposals: 1_000,
        proposalArticles: 50,
        users: 200,
        seconds: 10,
        mixedSeconds: 60,
      };

  const tmp = await mkdtemp(path.join(os.tmpdir(), "wiki-bench-"));
  await chmod(tmp, 0o755);
  // PostgreSQL's own log counts the statements an article view runs (log_statement is switched on for that step only).
  const statementLog = { counting: false, statements: 0 };
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(tmp, "data"),
    persistent: false,
    log: (message) => {
      if (statementLog.counting)
        statementLog.statements += message
          .split("\n")
          .filter((line) => /LOG:\s+(statement|execute [^:]*):/.test(line)).length;
    },
  });
  const servers: AppServer[] = [];
  try {
    await ensureDatabase(cluster.adminUrl, "bench");
    const url = withDatabase(cluster.adminUrl, "bench");
    await applyMigrations(url);
    const db = createClient(url);
    process.env.DATABASE_URL = url;

    // ---- Workload -------------------------------------------------------
    const generationStart = performance.now();
    const users = [];
    for (let i = 0; i < scale.users; i++)
      users.push(await createUser(db, { name: `bench_user_${i}`, ageDays: 10 + (i % 100), editCount: i * 7 }));
    const groups = ["reviewer", "extendedconfirmed", "admin"];
    await db.userGroup.createMany({
      data: users.slice(0, 30).map((user, i) => ({ userId: user.id, group: groups[i % 3] })),
    });
    const authorIds = users.slice(30, 60).map((user) => user.id);
    const articles: BenchArticles = {};
    const plan: Array<[key: string, chars: number, revisions: number]> = [
      ["S", scale.S, 20],
      ["M", scale.M, scale.hot],
      ["XL", scale.XL, scale.histXL],
      ["L", scale.L, scale.histL],
      ["View", scale.view, 20],
    ];
    for (const [key, chars, revisions] of plan) {
      const slug = `Bench_${key}`;
      const [elapsed, history] = await time(() =>
        bulkHistory(db, {
          slug,
          first: articleOfChars(chars, chars, `Bench ${key}`),
          chars,
          revisions,
          authorIds,
          seed: chars,
        }),
      );
      articles[key] = { slug, chars, history };
      log(
        `[bench] ${slug}: ${chars.toLocaleString("en")} characters, ${revisions.toLocaleString("en")} revisions written in ${(elapsed / 1000).toFixed(1)} s (${JSON.stringify(history.kinds)})`,
      );
    }
    // A site has many articles: without them the planner rightly scans the small Article table instead of its index.
    await db.$executeRawUnsafe(
      `INSERT INTO "Article" ("slug", "title") SELECT 'Stub_' || n, 'Stub ' || n FROM generate_series(1, ${quick ? 200 : 20_000}) AS n`,
    );
    // Issue 18's scale: a million revisions site-wide, every one in recent changes (bench/recent-changes-bench.ts).
    await fillSiteRevisions({ db, total: quick ? 20_000 : 1_000_000, authorIds, log, add });
    // As after an import: vacuumed and checkpointed, so autovacuum and the checkpointer do not run
    // in the middle of the measurements that follow.
    await db.$executeRawUnsafe(`VACUUM (ANALYZE)`);
    await db.$executeRawUnsafe(`CHECKPOINT`);
    add(
      "workload generated",
      `${((performance.now() - generationStart) / 1000).toFixed(0)} s: articles of 5k/40k/200k/1M characters; ${scale.hot.toLocaleString("en")} revisions on the 40k page, ${scale.histL.toLocaleString("en")} on L, ${scale.histXL.toLocaleString("en")} on 200k`,
    );

    // ---- Baselines --------------------------------------------------------
    const select1 = await sample(quick ? 20 : 500, () => db.$queryRaw`SELECT 1`);
    latencyRow("baseline: SELECT 1 through the app's Prisma client", select1);

    // ---- Article load and render (in process) --------------------------------
    for (const key of ["M", "L"]) {
      const slug = articles[key].slug;
      const cold = await sample(scale.runs, async () => {
        clearContentCache();
        await readArticleRevision({ db, slug });
      });
      latencyRow(
        `load current revision of ${key} (${articles[key].chars.toLocaleString("en")} chars), cold content cache`,
        cold,
      );
      const warm = await sample(scale.runs, () => readArticleRevision({ db, slug }));
      latencyRow(`load current revision of ${key}, warm content cache`, warm);
      const view = await readArticleRevision({ db, slug });
      // Every part a miss too (the first view of a revision none of whose parts was seen).
      const renders = await sample(Math.min(scale.runs, 10), () => {
        clearPartCache();
        renderRevisionParts(view, options.render);
      });
      latencyRow(`render ${key} to HTML (a render-cache miss)`, renders);
      const wholeRenders = await sample(Math.min(scale.runs, 10), () => renderRevisionWhole(view, options.render));
      latencyRow(`  ... ${key} rendered whole in one call (no part cache)`, wholeRenders);
    }

    // ---- Diffs of adjacent revisions -------------------------------------------
    const diffTargets: Record<string, number> = { M: 20, XL: 50, L: 200 };
    for (const key of ["M", "XL", "L"]) {
      const ids = articles[key].history.revisionIds;
      const random = seededRandom(3);
      const pairs = quick ? 4 : key === "L" ? 60 : 200;
      const article = (await findArticle(db, articles[key].slug))!;
      const samples: number[] = [];
      const alertSamples: number[] = [];
      let coarse = 0;
      collectGarbage();
      for (let i = 0; i < pairs; i++) {
        const index = 1 + Math.floor(random() * (ids.length - 1));
        const [older, newer] = await Promise.all([
          readRevisionOf(db, article, ids[index - 1]),
          readRevisionOf(db, article, ids[index]),
        ]);
        const [elapsed, diff] = await time(() => diffArticles(older.content, newer.content));
        if (diff.coarse) coarse += 1;
        samples.push(elapsed);
        alertSamples.push((await time(() => reviewAlerts(diff)))[0]);
      }
      const target = diffTargets[key];
      latencyRow(
        `diff adjacent revisions of ${key} (${pairs} random pairs${coarse ? `, ${coarse} coarse` : ""})`,
        samples,
        `p99 <= ${target} ms`,
        (s) => s.p99 <= target,
      );
      if (key === "L") {
        // Issue 20: the alerts are computed from the diff on every diff and proposal page.
        const diffP99 = summarize(samples, 0, 1).p99;
        const alertsP99 = summarize(alertSamples, 0, 1).p99;
        add(
          `review alerts on adjacent revisions of L (${alertSamples.length} pairs), share of the diff's p99`,
          `alerts p99 ${ms(alertsP99)} over diff p99 ${ms(diffP99)} = ${((100 * alertsP99) / diffP99).toFixed(1)}%`,
          "<= 10% of the diff's p99",
          alertsP99 <= 0.1 * diffP99,
        );
      }
    }
    {
      const ids = articles.L.history.revisionIds;
      const random = seededRandom(11);
      const samples: number[] = [];
      collectGarbage();
      for (let i = 0; i < (quick ? 3 : 20); i++) {
        const a = ids[Math.floor(random() * ids.length)];
        const b = ids[Math.floor(random() * ids.length)];
        if (a === b) continue;
        const article = (await findArticle(db, articles.L.slug))!;
        const [older, newer] = await Promise.all([
          readRevisionOf(db, article, Math.min(a, b)),
          readRevisionOf(db, article, Math.max(a, b)),
        ]);
        samples.push((await time(() => diffArticles(older.content, newer.content)))[0]);
      }
      latencyRow(
        "diff any two revisions of L (random pairs)",
        samples,
        "worst <= 500 ms (coarse fallback)",
        (s) => s.worst <= 500,
      );
      const [a, b] = [ids[1], ids[ids.length - 1]];
      await compareRevisions({ db, slug: articles.L.slug, fromId: a, toId: b });
      const cached = await sample(scale.runs, () =>
        compareRevisions({ db, slug: articles.L.slug, fromId: a, toId: b }),
      );
      latencyRow("compare a cached revision pair of L (diff cache hit)", cached);
    }

    // ---- History ------------------------------------------------------------------
    for (const key of ["S", "XL", "L", "M"]) {
      const { slug, history } = articles[key];
      const ids = history.revisionIds;
      const first = await sample(scale.runs, () => listRevisions({ db, slug }));
      const deep = await sample(scale.runs, () =>
        listRevisions({ db, slug, cursor: ids[Math.floor(ids.length * 0.1)] }),
      );
      latencyRow(
        `history first page, ${ids.length.toLocaleString("en")} revisions`,
        first,
        "p50 <= 10 ms",
        (s) => s.p50 <= 10,
      );
      latencyRow(
        `history page 90% back, ${ids.length.toLocaleString("en")} revisions`,
        deep,
        "p50 <= 10 ms",
        (s) => s.p50 <= 10,
      );
    }

    // ---- Storage and old revisions ----------------------------------------------------
    {
      const { slug, history } = articles.XL;
      const [stored] = await db.$queryRawUnsafe<Array<{ bytes: bigint }>>(
        `SELECT (SELECT COALESCE(SUM(pg_column_size(r.*)), 0) FROM "Revision" r WHERE r."articleId" = ${history.articleId}) AS bytes`,
      );
      // Blobs are shared across articles only by identical content; the XL article's are those its revisions reach.
      const blobBytes = await xlBlobBytes(db, history.revisionIds);
      const share = (Number(stored.bytes) + blobBytes) / history.rawBytes;
      add(
        `storage of ${history.revisionIds.length.toLocaleString("en")} revisions of the 200k article`,
        `${kb(Number(stored.bytes) + blobBytes)} for ${kb(history.rawBytes)} of raw JSON = ${(share * 100).toFixed(2)}%`,
        "<= 5%",
        share <= 0.05,
      );
      const article = (await findArticle(db, slug))!;
      const random = seededRandom(5);
      const cold = await sample(scale.runs, async () => {
        clearContentCache();
        await readRevisionOf(db, article, history.revisionIds[Math.floor(random() * history.revisionIds.length)]);
      });
      latencyRow("read a random old revision of the 200k article, cold content cache", cold);
      const warm = await sample(scale.runs, () =>
        readRevisionOf(db, article, history.revisionIds[Math.floor(random() * history.revisionIds.length)]),
      );
      latencyRow(
        "read a random old revision of the 200k article, warm content cache",
        warm,
        "p50 <= 5 ms",
        (s) => s.p50 <= 5,
      );
    }

    // ---- Saves and approvals on L --------------------------------------------------------
    const editor = users[40];
    {
      const slug = articles.L.slug;
      const saves = await sample(quick ? 3 : 50, async (i) => {
        const head = await readArticleRevision({ db, slug });
        const index = 1 + ((i * 37) % (head.content.sections.length - 1));
        const section = head.content.sections[index];
        const content: ArticleContent = {
          ...head.content,
          sections: head.content.sections.map((old, j) =>
            j === index
              ? {
                  ...section,
                  body: docFromMarkup(`Bench edit ${i} of a section.[[ref:${head.content.references[0].key}]]`),
                }
              : old,
          ),
        };
        await saveRevision({
          db,
          slug,
          baseRevisionId: head.revision.id,
          content,
          authorId: editor.id,
          summary: `bench ${i}`,
        });
      });
      latencyRow(
        `save a one-section edit of L (read head, edit, save) at ${articles.L.history.revisionIds.length.toLocaleString("en")} revisions`,
        saves,
        "p50 <= 100 ms, p99 <= 500 ms",
        (s) => s.p50 <= 100 && s.p99 <= 500,
      );

      const reviewer = await loadActor(db, users[0].id);
      const proposer = await loadActor(db, users[100].id);
      const approvals: number[] = [];
      for (let i = 0; i < (quick ? 2 : 20); i++) {
        const head = await readArticleRevision({ db, slug });
        const index = 1 + ((i * 53) % (head.content.sections.length - 1));
        const proposed = {
          ...head.content,
          sections: head.content.sections.map((section, j) =>
            j === index ? { ...section, body: docFromMarkup(`Proposed ${i}.`) } : section,
          ),
        };
        const { proposalId } = await submitProposal({
          db,
          actor: proposer,
          articleId: head.article.id,
          baseRevisionId: head.revision.id,
          base: head.content,
          content: proposed,
          summary: `proposal ${i}`,
          rationale: "",
        });
        approvals.push(
          (
            await time(() =>
              decideProposal({ db, actor: reviewer, proposalId, action: "approve", version: 1, comment: "" }),
            )
          )[0],
        );
      }
      latencyRow("approve a proposal on L", approvals, "p50 <= 100 ms", (s) => s.p50 <= 100);
      await benchProposalInterdiff({ db, slug, proposer: proposer!, quick, row: latencyRow });
    }

    // ---- Proposal page with a long review (issue 17): threads re-anchored across versions ------
    {
      const long = await benchProposalWithComments({
        db,
        slug: articles.M.slug,
        proposerId: users[101].id,
        reviewerId: users[0].id,
        commenterIds: users.slice(102, 110).map((user) => user.id),
        runs: quick ? 5 : 200,
      });
      latencyRow(
        `proposal page, ${long.comments} comments across 5 versions (${long.threads} threads, M article)`,
        long.samples,
        "p50 <= 50 ms",
        (s) => s.p50 <= 50,
      );
    }

    // ---- Review queue: open proposals across many articles by many users --------------------
    {
      const proposalSlugs: string[] = [];
      for (let i = 0; i < scale.proposalArticles; i++) {
        const slug = `Queue_${i}`;
        await saveRevision({
          db,
          slug,
          baseRevisionId: null,
          content: articleOfChars(3000, 1000 + i, `Queue ${i}`),
          authorId: authorIds[0],
        });
        proposalSlugs.push(slug);
      }
      const heads = await Promise.all(proposalSlugs.map((slug) => readArticleRevision({ db, slug })));
      const proposers = await Promise.all(users.slice(60).map((user) => loadActor(db, user.id)));
      for (let i = 0; i < scale.openProposals; i++) {
        const head = heads[i % heads.length];
        const index = 1 + (i % (head.content.sections.length - 1));
        const proposed = {
          ...head.content,
          sections: head.content.sections.map((section, j) =>
            j === index ? { ...section, body: docFromMarkup(`Queued ${i}.`) } : section,
          ),
        };
        await submitProposal({
          db,
          actor: proposers[i % proposers.length],
          articleId: head.article.id,
          baseRevisionId: head.revision.id,
          base: head.content,
          content: proposed,
          summary: `queued ${i}`,
          rationale: "",
        });
      }
      // Move some articles on, so the queue must work out which proposals still apply cleanly.
      for (const head of heads.slice(0, Math.ceil(heads.length / 5))) {
        await saveRevision({
          db,
          slug: head.article.slug,
          baseRevisionId: head.revision.id,
          content: {
            ...head.content,
            sections: head.content.sections.map((section, j) =>
              j === 1 ? { ...section, body: docFromMarkup("Moved on.") } : section,
            ),
          },
          authorId: authorIds[1],
        });
      }
      const queue = await sample(quick ? 3 : 20, () => listReviewQueue({ limit: 1000, db }));
      latencyRow(
        `review queue, ${scale.openProposals.toLocaleString("en")} open proposals on ${scale.proposalArticles} articles by ${proposers.length} users`,
        queue,
        "p50 <= 50 ms",
        (s) => s.p50 <= 50,
      );
      await benchReviewQueue({
        db,
        quick,
        reviewerId: users[0].id,
        openProposals: scale.openProposals,
        latencyRow,
      });
    }

    // ---- Search and red links (bench/search-bench.ts) -------------------------------------------
    await benchSearch({ db, quick, authorId: authorIds[2], latencyRow, add });
    // ---- Worklists (bench/worklists-bench.ts) --------------------------------------------------
    await benchWorklists({ db, quick, latencyRow });
    // ---- Sources across articles (bench/sources-bench.ts) ------------------------------------
    await benchSources({ db, quick, render: options.render, latencyRow });
    // ---- Recent changes ----------------------------------------------------------------------
    await benchRecentChanges({ db, quick, reviewerId: users[0].id, latencyRow });
    // ---- MediaWiki import and export (bench/import-bench.ts) ---------------------------------
    await benchImport({ quick, latencyRow, log });
    // The dump rows in a process of their own (their RSS target is the importer's), except in the smoke test,
    // which checks that they run: there users[2], an administrator (groups are granted round-robin above), imports.
    if (process.env.VITEST) await benchDumpImport({ db, quick, adminId: users[2].id, add, latencyRow });
    else await runDumpImportInChild({ quick, add, log });

    // ---- Sign-in timing ---------------------------------------------------------------------
    {
      await registerUser({ db, name: "Timing Target", password: "the correct passphrase" });
      const attempts = quick ? 4 : 100;
      const unknown = await sample(attempts, (i) => checkCredentials(`Nobody ${i}`, "some passphrase"));
      const wrong = await sample(attempts, (i) => checkCredentials("Timing Target", `wrong passphrase ${i}`));
      const difference = Math.abs(summarize(unknown, 0, 1).p50 - summarize(wrong, 0, 1).p50);
      add(
        "sign-in failure: unknown user vs wrong password, difference of medians",
        ms(difference),
        "< 10 ms",
        difference < 10,
      );
    }

    // ---- EXPLAIN of the queries behind the views ------------------------------------------------
    {
      const plans: Array<[string, string]> = [
        [
          "article load",
          `SELECT "id", "slug", "title", "currentRevisionId", "protectionLevel" FROM "Article" WHERE "slug" = '${articles.M.slug}'`,
        ],
        [
          "history first page",
          `SELECT "id", "parentId", "summary", "sizeBytes" FROM "Revision" WHERE "articleId" = ${articles.M.history.articleId} ORDER BY "id" DESC LIMIT 51`,
        ],
        [
          "history deep page",
          `SELECT "id", "parentId", "summary", "sizeBytes" FROM "Revision" WHERE "articleId" = ${articles.M.history.articleId} AND "id" < ${articles.M.history.revisionIds[10]} ORDER BY "id" DESC LIMIT 51`,
        ],
        ["review queue", `SELECT "id" FROM "Proposal" WHERE "status" = 'open' ORDER BY "id" ASC LIMIT 1000`],
        ["content blobs", `SELECT "hash" FROM "ContentBlob" WHERE "hash" = ANY(ARRAY['${"0".repeat(64)}'])`],
      ];
      for (const [name, sql] of plans) {
        const plan = await db.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(
          `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${sql}`,
        );
        const lines = plan.map((row) => row["QUERY PLAN"]);
        log(`[bench] EXPLAIN ${name}:\n${lines.map((line) => `    ${line}`).join("\n")}`);
        const usesIndex = lines.some((line) => /Index (Only )?Scan/.test(line));
        const access =
          lines
            .find((line) => /Scan/.test(line))
            ?.trim()
            .replace(/\s*\(actual.*$/, "") ?? lines[0].trim();
        add(`EXPLAIN ${name}`, `${access} (${lines.length} plan lines)`, "index scan", usesIndex);
      }
    }

    // ---- Over HTTP: baselines, cached and uncached views, saves, mixed load ------------------
    // Watchlist read and notification fan-out (issue 18): bench/notifications-bench.ts.
    await benchNotifications({ db, quick, userId: users[5].id, proposerId: users[110].id, latencyRow, add });

    await closeDb();
    await runHttpBenchmarks({ url, articles, users, scale, quick, add, statementLog, servers });
    // Issue 22: validators (304), Brotli, admission control (bench/perf22-bench.ts).
    await benchPerf22({ url, articles, users, scale, quick, add, servers });
    // Issue 22: the first view after a one-section edit, from cached parts and whole (bench/section-render-bench.ts).
    await benchSectionRender({ url, articles, authorId: authorIds[0], quick, add, servers });
    // Issue 22: read replicas, on a primary and a streaming standby of their own (bench/replicas-bench.ts).
    await benchReplicas({ quick, add });
    // Editor cold load in Chromium (issue 19), on the demo content in a database of its own: bench/editor-bench.ts.
    await benchEditorLoad({ adminUrl: cluster.adminUrl, quick, add, log });
    await db.$disconnect();
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await cluster.stop();
    await rm(tmp, { recursive: true, force: true });
  }
  return rows;
}

/** Bytes of the content blobs that `revisionIds` reach (roots, chunks and the items they list). */
async function xlBlobBytes(db: Db, revisionIds: number[]): Promise<number> {
  const [row] = await db.$queryRawUnsafe<Array<{ bytes: bigint }>>(`
    WITH RECURSIVE roots AS (
      SELECT "sectionsRoot" AS hash FROM "Revision" WHERE "id" = ANY(ARRAY[${revisionIds.join(",")}])
      UNION SELECT "referencesRoot" FROM "Revision" WHERE "id" = ANY(ARRAY[${revisionIds.join(",")}])
      UNION SELECT "infoboxHash" FROM "Revision" WHERE "id" = ANY(ARRAY[${revisionIds.join(",")}]) AND "infoboxHash" IS NOT NULL
    ),
    chunks AS (SELECT DISTINCT jsonb_array_elements_text(b."data"->'chunks') AS hash FROM "ContentBlob" b JOIN roots r ON r.hash = b.hash),
    items AS (SELECT DISTINCT (jsonb_array_elements(b."data"->'entries'))->>1 AS hash FROM "ContentBlob" b JOIN chunks c ON c.hash = b.hash),
    reached AS (SELECT hash FROM roots UNION SELECT hash FROM chunks UNION SELECT hash FROM items)
    SELECT COALESCE(SUM(pg_column_size(b.*)), 0) AS bytes FROM "ContentBlob" b JOIN reached USING (hash)`);
  return Number(row.bytes);
}
