import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { ReactElement } from "react";
import { createElement } from "react";
import { ArticlePage } from "../components/article/article-page";
import { readArticleRevision } from "../lib/articles/read-article";
import { checkCredentials } from "../lib/auth/sign-in";
import { closeDb } from "../lib/db/client";
import { registerUser } from "../lib/users/register-user";
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
      const [render, html] = await time(() => options.render(createElement(ArticlePage, { view, viewer: null })));
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
