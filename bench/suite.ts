import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { ReactElement } from "react";
import { createElement } from "react";
import { ArticlePage, renderRevisionParts } from "../components/article/article-page";
import { readArticleRevision } from "../lib/articles/read-article";
import { checkCredentials } from "../lib/auth/sign-in";
import { closeDb } from "../lib/db/client";
import { registerUser } from "../lib/users/register-user";
import { diffArticles } from "../lib/diff/article-diff";
import { listRevisions } from "../lib/articles/history";
import { submitProposal } from "../lib/proposals/submit-proposal";
import { decideProposal } from "../lib/proposals/decide-proposal";
import { listReviewQueue } from "../lib/proposals/review-queue";
import { loadActor } from "../lib/users/load-actor";
import { seededRandom } from "../test/factories";
import { saveRevision } from "../lib/articles/save-revision";
import { ensureDatabase, withDatabase } from "../lib/db/admin";
import { createClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { docFromMarkup } from "../lib/document/markup";
import type { ArticleContent } from "../lib/document/model";
import { createUser, generateArticle } from "../test/factories";

export interface BenchRow {
  name: string;
  median: string;
  p95: string;
  worst: string;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), worst: sorted[sorted.length - 1] };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const bytes = (value: number) => `${Math.round(value).toLocaleString("en")} B`;

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

/**
 * The benchmark suite. `quick` shrinks every workload (the smoke test);
 * `render` is react-dom/server's renderToStaticMarkup, passed in so the suite
 * itself stays importable from the test runner.
 */
export async function runBenchmarks(options: { quick: boolean; render: (element: ReactElement) => string; log?: (line: string) => void }): Promise<BenchRow[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const size = options.quick ? { sections: 20, references: 60, sectionChars: 400, runs: 3, saves: 3 } : { sections: 500, references: 2000, sectionChars: 2000, runs: 20, saves: 30 };
  const tmp = await mkdtemp(path.join(os.tmpdir(), "wiki-bench-"));
  await chmod(tmp, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(tmp, "data"), persistent: false });
  const rows: BenchRow[] = [];
  try {
    await ensureDatabase(cluster.adminUrl, "bench");
    const url = withDatabase(cluster.adminUrl, "bench");
    await applyMigrations(url);
    const db = createClient(url);
    const author = await createUser(db, { name: "bench" });

    const content = generateArticle({ title: "Bench article", ...size, seed: 42 });
    const [firstSave, first] = await time(() => saveRevision({ db, slug: "Bench_article", baseRevisionId: null, content, authorId: author.id }));
    const view0 = await readArticleRevision({ db, slug: "Bench_article" });
    log(`article: ${content.sections.length} sections, ${content.references.length} references, ${view0.revision.sizeBytes.toLocaleString("en")} bytes of JSON; first save ${ms(firstSave)}`);

    // Load (3 content queries + 2 lookups) and render to HTML, as the article route does.
    const loads: number[] = [];
    const renders: number[] = [];
    let htmlBytes = 0;
    for (let i = 0; i < size.runs; i++) {
      const [load, view] = await time(() => readArticleRevision({ db, slug: "Bench_article" }));
      const [render, html] = await time(async () => {
        const rendered = await renderRevisionParts(view, async (element) => options.render(element));
        return options.render(createElement(ArticlePage, { article: { ...view.article, currentRevisionId: view.article.currentRevisionId, protectionLevel: "none", protectionExpiresAt: null, protectionReason: null }, rendered, isCurrent: true, viewer: null }));
      });
      loads.push(load);
      renders.push(render);
      htmlBytes = html.length;
    }
    const totals = loads.map((load, i) => load + renders[i]);
    const row = (name: string, samples: number[]) => {
      const s = stats(samples);
      rows.push({ name, median: ms(s.median), p95: ms(s.p95), worst: ms(s.worst) });
    };
    row("load current revision (DB)", loads);
    row("render article to HTML", renders);
    row("load + render (server side, per view)", totals);
    rows.push({ name: "HTML bytes per view / JSON bytes", median: bytes(htmlBytes), p95: `${(htmlBytes / view0.revision.sizeBytes).toFixed(2)}x`, worst: "" });

    // One-section edits: latency and bytes each adds to storage.
    const saves: number[] = [];
    const added: number[] = [];
    let base = first.revisionId;
    let current: ArticleContent = content;
    for (let i = 0; i < size.saves; i++) {
      const index = 1 + ((i * 37) % (current.sections.length - 1));
      current = {
        ...current,
        sections: current.sections.map((section, j) => (j === index ? { ...section, body: docFromMarkup(`Edit ${i}: a new sentence about the offensive.[[ref:ref-1]]`) } : section)),
      };
      const [before] = await db.$queryRawUnsafe<Array<{ bytes: bigint }>>(
        `SELECT (SELECT COALESCE(SUM(pg_column_size(b.*)),0) FROM "ContentBlob" b) + (SELECT COALESCE(SUM(pg_column_size(r.*)),0) FROM "Revision" r) AS bytes`,
      );
      const [elapsed, result] = await time(() => saveRevision({ db, slug: "Bench_article", baseRevisionId: base, content: current, authorId: author.id }));
      const [after] = await db.$queryRawUnsafe<Array<{ bytes: bigint }>>(
        `SELECT (SELECT COALESCE(SUM(pg_column_size(b.*)),0) FROM "ContentBlob" b) + (SELECT COALESCE(SUM(pg_column_size(r.*)),0) FROM "Revision" r) AS bytes`,
      );
      base = result.revisionId;
      saves.push(elapsed);
      added.push(Number(after.bytes - before.bytes));
    }
    row("save a one-section edit (validate, hash, store, commit)", saves);
    const a = stats(added);
    rows.push({ name: "storage bytes added per one-section revision", median: bytes(a.median), p95: bytes(a.p95), worst: bytes(a.worst) });
    rows.push({ name: "  ... as a share of the article's JSON", median: `${((a.median / view0.revision.sizeBytes) * 100).toFixed(2)}%`, p95: `${((a.p95 / view0.revision.sizeBytes) * 100).toFixed(2)}%`, worst: `${((a.worst / view0.revision.sizeBytes) * 100).toFixed(2)}%` });

    const oldReads: number[] = [];
    for (let i = 0; i < size.runs; i++) {
      const revisionId = first.revisionId + (i % size.saves);
      const [elapsed] = await time(() => readArticleRevision({ db, slug: "Bench_article", revisionId }));
      oldReads.push(elapsed);
    }
    row("load an old revision (DB)", oldReads);

    // Adjacent revisions of a 40k-character article (one section copyedited).
    const medium = generateArticle({ sections: 20, references: 80, sectionChars: 2000, seed: 9 });
    const mediumDiffs: number[] = [];
    for (let pair = 0; pair < (options.quick ? 2 : 50); pair++) {
      const index = 1 + (pair % (medium.sections.length - 1));
      const next = { ...medium, sections: medium.sections.map((section, j) => (j === index ? { ...section, body: { ...section.body, content: [docFromMarkup(`Copyedit ${pair}.[[ref:ref-1]]`).content![0], ...(section.body.content ?? []).slice(1)] } } : section)) };
      mediumDiffs.push((await time(() => diffArticles(medium, next)))[0]);
    }
    row(`diff of adjacent revisions, ${Math.round(JSON.stringify(medium).length / 1000)} KB article`, mediumDiffs);

    // Diffs of the big article: 20 random pairs with 1, 10 and 100 sections changed.
    const random = seededRandom(7);
    for (const changed of [1, 10, 100]) {
      const samples: number[] = [];
      let coarse = 0;
      for (let pair = 0; pair < (options.quick ? 2 : 20); pair++) {
        const touched = new Set<number>();
        while (touched.size < Math.min(changed, content.sections.length - 1)) touched.add(1 + Math.floor(random() * (content.sections.length - 1)));
        const changedContent: ArticleContent = {
          ...content,
          sections: content.sections.map((section, index) => {
            if (!touched.has(index)) return section;
            const blocks = section.body.content ?? [];
            const edited = docFromMarkup(`A copyedited sentence ${pair} about the offensive.[[ref:ref-2]]`).content![0];
            return { ...section, body: { ...section.body, content: [edited, ...blocks.slice(1)] } };
          }),
        };
        const [elapsed, diff] = await time(() => diffArticles(content, changedContent));
        if (diff.coarse) coarse += 1;
        samples.push(elapsed);
      }
      row(`diff, ${changed} section${changed > 1 ? "s" : ""} changed (1 MB article${coarse ? `, ${coarse} coarse` : ""})`, samples);
    }

    // History: the first page and a deep page, at 10,000 revisions of a small article.
    const small = generateArticle({ title: "Busy article", sections: 6, references: 12, sectionChars: 500, seed: 5 });
    const historyRevisions = options.quick ? 60 : 10_000;
    let smallBase: number | null = null;
    const historyStart = performance.now();
    for (let i = 0; i < historyRevisions; i++) {
      const edited = { ...small, sections: small.sections.map((section, index) => (index === 1 + (i % (small.sections.length - 1)) ? { ...section, body: docFromMarkup(`Revision ${i} text.[[ref:ref-0]]`) } : section)) };
      smallBase = (await saveRevision({ db, slug: "Busy_article", baseRevisionId: smallBase, content: edited, authorId: author.id, summary: `edit ${i}` })).revisionId;
    }
    log(`wrote ${historyRevisions} revisions in ${((performance.now() - historyStart) / 1000).toFixed(1)} s`);
    const firstPages: number[] = [];
    const deepPages: number[] = [];
    for (let i = 0; i < size.runs; i++) {
      firstPages.push((await time(() => listRevisions({ db, slug: "Busy_article" })))[0]);
      deepPages.push((await time(() => listRevisions({ db, slug: "Busy_article", cursor: smallBase! - Math.floor(historyRevisions * 0.9) })))[0]);
    }
    row(`history first page (${historyRevisions.toLocaleString("en")} revisions)`, firstPages);
    row(`history deep page (90% back)`, deepPages);

    // Proposals: approval latency on the big article, and the queue with many open proposals.
    const reviewerUser = await createUser(db, { name: "bench-reviewer", ageDays: 100, editCount: 100 });
    await db.userGroup.create({ data: { userId: reviewerUser.id, group: "reviewer" } });
    const proposer = await loadActor(db, (await createUser(db, { name: "bench-proposer", ageDays: 1 })).id);
    const reviewerActor = await loadActor(db, reviewerUser.id);
    const bigHead = await readArticleRevision({ db, slug: "Bench_article" });
    const approvals: number[] = [];
    for (let i = 0; i < (options.quick ? 2 : 20); i++) {
      const head = await readArticleRevision({ db, slug: "Bench_article" });
      const index = 1 + ((i * 53) % (head.content.sections.length - 1));
      const proposed = { ...head.content, sections: head.content.sections.map((section, j) => (j === index ? { ...section, body: docFromMarkup(`Proposed ${i}.[[ref:ref-1]]`) } : section)) };
      const { proposalId } = await submitProposal({ db, actor: proposer, articleId: head.article.id, baseRevisionId: head.revision.id, base: head.content, content: proposed, summary: `proposal ${i}`, rationale: "" });
      approvals.push((await time(() => decideProposal({ db, actor: reviewerActor, proposalId, action: "approve", comment: "" })))[0]);
    }
    row("approve a proposal on the 1 MB article", approvals);
    const openProposals = options.quick ? 20 : 1000;
    for (let i = 0; i < openProposals; i++) {
      const target = 1 + (i % Math.min(50, bigHead.content.sections.length - 1));
      const proposed = { ...bigHead.content, sections: bigHead.content.sections.map((section, j) => (j === target ? { ...section, body: docFromMarkup(`Queued ${i}.`) } : section)) };
      await submitProposal({ db, actor: proposer, articleId: bigHead.article.id, baseRevisionId: bigHead.revision.id, base: bigHead.content, content: proposed, summary: `queued ${i}`, rationale: "" });
    }
    const queueTimes: number[] = [];
    for (let i = 0; i < (options.quick ? 2 : 10); i++) queueTimes.push((await time(() => listReviewQueue({ limit: 1000 }, db)))[0]);
    row(`review queue with ${openProposals.toLocaleString("en")} open proposals`, queueTimes);

    // Sign-in failures must cost the same whether or not the user exists (no enumeration by timing).
    process.env.DATABASE_URL = url;
    await registerUser({ db, name: "Timing Target", password: "the correct passphrase" });
    const unknown: number[] = [];
    const wrong: number[] = [];
    const attempts = options.quick ? 4 : 200;
    for (let i = 0; i < attempts; i++) {
      unknown.push((await time(() => checkCredentials(`Nobody ${i}`, "some passphrase")))[0]);
      wrong.push((await time(() => checkCredentials("Timing Target", `wrong passphrase ${i}`)))[0]);
    }
    row(`sign-in failure, unknown user (${attempts} attempts)`, unknown);
    row(`sign-in failure, wrong password (${attempts} attempts)`, wrong);
    const difference = Math.abs(stats(unknown).median - stats(wrong).median);
    rows.push({ name: "  ... difference of medians (target < 10 ms)", median: ms(difference), p95: "", worst: "" });
    await closeDb();
    await db.$disconnect();
  } finally {
    await cluster.stop();
    await rm(tmp, { recursive: true, force: true });
  }
  return rows;
}
