/**
 * Issue 22's "render only what changed" rows: the first view after a
 * one-section edit, over HTTP as a signed-out reader gets it (the cached-view
 * path misses, the route loads the new revision and renders it, the page is
 * built and cached), on a server that assembles revisions from cached parts
 * and, in the same run and on the same revisions, on one that renders them
 * whole (WIKI_PART_CACHE_MB=0: the path before parts). Both servers must send
 * the same bytes. Called from suite.ts; `bench/section-render-run.ts` runs
 * these rows alone on a workload of their own.
 */
import { get as httpGet } from "node:http";
import { performance } from "node:perf_hooks";
import { renderToStaticMarkup } from "react-dom/server";
import { renderRevisionByParts, renderRevisionWhole } from "../components/article/revision-parts";
import { readArticleRevision } from "../lib/articles/read-article";
import { saveRevision } from "../lib/articles/save-revision";
import { deepFreeze } from "../lib/cache/deep-freeze";
import { createClient } from "../lib/db/client";
import { docFromMarkup } from "../lib/document/markup";
import type { ArticleContent, DocJSON } from "../lib/document/model";
import { partCacheStats } from "../lib/views/rendered-parts";
import { seededRandom } from "../test/factories";
import { startAppServer, type AppServer } from "../test/server";
import { summarize } from "./load/mixed-load";
import { kb, ms, serveBarePage, type AddRow, type BenchArticles } from "./measure";

export interface SectionRenderContext {
  url: string;
  articles: BenchArticles;
  /** the author of the edits */
  authorId: number;
  quick: boolean;
  add: AddRow;
  /** servers started here, stopped by the caller */
  servers: AppServer[];
}

/** A GET's status, body and time to its last byte, as a browser would wait for it (no decoding). */
function timedGet(url: string): Promise<{ status: number; cache: string | undefined; body: Buffer; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // A connection of its own, as a reader's first request has.
    httpGet(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          cache: response.headers["x-cache"] as string | undefined,
          body: Buffer.concat(chunks),
          ms: performance.now() - started,
        }),
      );
    }).on("error", reject);
  });
}

/** The refKeys a document cites, in order. */
function citedKeys(doc: DocJSON): string[] {
  const keys: string[] = [];
  const visit = (node: DocJSON) => {
    if (node.type === "citation" && typeof node.attrs?.refKey === "string") keys.push(node.attrs.refKey);
    node.content?.forEach(visit);
  };
  visit(doc);
  return keys;
}

/**
 * A one-section edit as editors make them: a sourced sentence added to one
 * section, citing a source that section already cites (so no reference is
 * renumbered; later citations of that source shift their backlink anchors).
 */
function oneSectionEdit(content: ArticleContent, random: () => number, n: number): ArticleContent {
  const index = 1 + Math.floor(random() * (content.sections.length - 1));
  const section = content.sections[index];
  const keys = citedKeys(section.body);
  const key = keys[Math.floor(random() * keys.length)];
  const sentence = docFromMarkup(`Edit ${n} adds a sourced sentence.${key ? `[[ref:${key}]]` : ""}`).content!;
  return {
    ...content,
    sections: content.sections.with(index, {
      ...section,
      body: { ...section.body, content: [...(section.body.content ?? []), ...sentence] },
    }),
  };
}

export async function benchSectionRender({ url, articles, authorId, quick, add, servers }: SectionRenderContext) {
  const db = createClient(url);
  const deployed = { WIKI_RATE_LIMITS: "off", WIKI_COMPRESS: "0" };
  const parts = await startAppServer({ databaseUrl: url, env: deployed });
  servers.push(parts);
  const whole = await startAppServer({ databaseUrl: url, env: { ...deployed, WIKI_PART_CACHE_MB: "0" } });
  servers.push(whole);
  const rows: Array<[key: string, label: string, target: number]> = [
    ["L", "1M", 15],
    ["View", "78k", 3],
  ];
  for (const [key, label, target] of rows) {
    const { slug, chars } = articles[key];
    const random = seededRandom(chars + 22);
    let current = await readArticleRevision({ db, slug });
    let content = deepFreeze(structuredClone(current.content));
    const path = `/wiki/${slug}`;
    // The current revision viewed on both (its parts cached, as on a site where it was read), and the JIT warmed.
    const warmUps = 3;
    const runs = quick ? 3 : key === "L" ? 20 : 40;
    const partTimes: number[] = [];
    const wholeTimes: number[] = [];
    let pageBytes = 0;
    for (let run = -warmUps; run < runs; run++) {
      if (run === -warmUps) await Promise.all([timedGet(parts.url + path), timedGet(whole.url + path)]);
      content = deepFreeze(oneSectionEdit(content, random, run + warmUps));
      const saved = await saveRevision({
        db,
        slug,
        baseRevisionId: current.revision.id,
        content,
        authorId,
        summary: "one-section edit",
      });
      if (saved.status !== "saved") throw new Error(`The bench's edit of ${slug} was not saved.`);
      current = { ...current, revision: { ...current.revision, id: saved.revisionId } };
      // Alternated, so neither server always reads the new blobs first (PostgreSQL's buffers warm for the second).
      const order = run % 2 === 0 ? [parts, whole] : [whole, parts];
      const answers = [];
      for (const server of order) answers.push(await timedGet(server.url + path));
      const [fromParts, fromWhole] = order[0] === parts ? answers : [answers[1], answers[0]];
      for (const answer of answers)
        if (answer.status !== 200 || answer.cache === "hit")
          throw new Error(`The first view after an edit of ${slug} was ${answer.status}, x-cache ${answer.cache}.`);
      if (!fromParts.body.equals(fromWhole.body))
        throw new Error(`The page of ${slug} assembled from parts differs from the page rendered whole.`);
      pageBytes = fromParts.body.byteLength;
      if (run >= 0) {
        partTimes.push(fromParts.ms);
        wholeTimes.push(fromWhole.ms);
      }
    }
    const p = summarize(partTimes, 0, 1);
    const w = summarize(wholeTimes, 0, 1);
    add(
      `baseline: first view after a one-section edit of the ${label} article, rendered whole (parts cache off, the same revisions)`,
      `p50 ${ms(w.p50)}, p95 ${ms(w.p95)}, worst ${ms(w.worst)} (${runs} edits, ${kb(pageBytes)} page)`,
    );
    add(
      `first view after a one-section edit of the ${label} article (${chars.toLocaleString("en")} chars), signed out, over HTTP`,
      `p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, worst ${ms(p.worst)} (${(w.p50 / p.p50).toFixed(1)}x faster than whole; the same bytes)`,
      `p50 <= ${target} ms`,
      p.p50 <= target,
    );
    // Where it goes, in process: the body and contents of a revision one edit past one whose parts are cached,
    // from parts and whole; the CPU time too, which the load of other processes on the machine inflates less.
    const view = { ...(await readArticleRevision({ db, slug })), isCurrent: true };
    renderRevisionByParts(view, renderToStaticMarkup);
    const inProcess = { parts: [] as number[], partsCpu: [] as number[], whole: [] as number[], rendered: 0, all: 0 };
    let edited = content;
    for (let i = 0; i < (quick ? 3 : 15); i++) {
      edited = deepFreeze(oneSectionEdit(edited, random, 1000 + i));
      const next = { ...view, content: edited };
      const before = { ...partCacheStats() };
      const cpu = process.cpuUsage();
      const started = performance.now();
      renderRevisionByParts(next, renderToStaticMarkup);
      inProcess.parts.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      inProcess.partsCpu.push((used.user + used.system) / 1000);
      inProcess.rendered += partCacheStats().misses - before.misses;
      inProcess.all += partCacheStats().misses - before.misses + partCacheStats().hits - before.hits;
      const wholeStarted = performance.now();
      renderRevisionWhole(next, renderToStaticMarkup);
      inProcess.whole.push(performance.now() - wholeStarted);
    }
    const p50 = (samples: number[]) => summarize(samples, 0, 1).p50;
    add(
      `  ... of which the ${label} article's body and contents after a one-section edit, in process: from parts vs whole`,
      `p50 ${ms(p50(inProcess.parts))} (CPU ${ms(p50(inProcess.partsCpu))}) vs ${ms(p50(inProcess.whole))}; ${(inProcess.rendered / inProcess.parts.length).toFixed(1)} of ${Math.round(inProcess.all / inProcess.parts.length).toLocaleString("en")} parts rendered per edit`,
    );
    {
      // The floor: the same page's bytes from a bare Node server, one request at a time.
      const page = (await timedGet(parts.url + path)).body;
      const bare = await serveBarePage(page);
      const bareTimes: number[] = [];
      for (let i = 0; i < (quick ? 3 : 20); i++) bareTimes.push((await timedGet(bare.url)).ms);
      bare.close();
      add(
        `baseline: the ${label} article's ${kb(page.byteLength)} page from a bare Node server, one request at a time`,
        `p50 ${ms(summarize(bareTimes, 0, 1).p50)}`,
      );
    }
  }
  for (const server of [parts, whole]) {
    await server.stop();
    servers.splice(servers.indexOf(server), 1);
  }
  await db.$disconnect();
}
