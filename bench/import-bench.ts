import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { exportWikitext } from "../lib/export/export-wikitext";
import { importWikitext } from "../lib/import/import-wikitext";
import { exportArticleXml } from "../lib/articles/export-article";
import { importDump } from "../lib/articles/import-dump";
import { DUMP_CLI_LIMITS } from "../lib/contracts/import";
import type { Db } from "../lib/db/client";
import { XML_FOOTER, XML_PAGE_END, xmlHeader, xmlPageStart, xmlRevision } from "../lib/export/export-xml";
import { loadActor } from "../lib/users/load-actor";
import { type AddRow, type BenchRow, sample } from "./measure";
import { articleOfChars, bulkHistory } from "./workload";

/**
 * Issue 21's rows, in process (no database): the largest article of the
 * shared wikitext corpus imported (parse and map; saving is an ordinary
 * commit, measured elsewhere), and a 1M-character article exported to
 * wikitext. Skipped with a note when the corpus is not beside the repository.
 */
export async function benchImport(options: {
  quick: boolean;
  latencyRow: (name: string, samples: number[], target: string, check: (s: { p50: number }) => boolean) => unknown;
  log?: (line: string) => void;
}) {
  const runs = options.quick ? 2 : 10;
  const corpus = path.resolve(import.meta.dirname, "../../shared/corpus/wikitext");
  if (fs.existsSync(corpus)) {
    const files = fs.readdirSync(corpus).filter((file) => file.endsWith(".txt"));
    const largest = files
      .map((file) => ({ file, size: fs.statSync(path.join(corpus, file)).size }))
      .sort((a, b) => b.size - a.size)[0];
    const source = fs.readFileSync(path.join(corpus, largest.file), "utf8");
    importWikitext(source, { title: "Warm-up" });
    const samples = await sample(runs, () => importWikitext(source, { title: "Largest" }));
    options.latencyRow(
      `import of the largest corpus article (${largest.file}, ${Math.round(largest.size / 1024)} KB of wikitext)`,
      samples,
      "p50 <= 1000 ms",
      (s) => s.p50 <= 1000,
    );
  } else options.log?.(`import bench skipped: no corpus at ${corpus}`);

  const big = articleOfChars(1_000_000, 21, "Export bench");
  exportWikitext(big);
  const exports = await sample(runs, () => exportWikitext(big));
  options.latencyRow("export of a 1M-character article to wikitext", exports, "p50 <= 1000 ms", (s) => s.p50 <= 1000);
}

/** A generated dump, streamed in pieces: `pages` pages of `revisions` revisions each, every revision a small change of the last. */
function* generatedDump(pages: number, revisions: number): Generator<string> {
  yield xmlHeader({ sitename: "Bench wiki", base: "http://bench.example/wiki/Main_Page" });
  let id = 0;
  const start = Date.parse("2020-01-01T00:00:00Z");
  for (let p = 0; p < pages; p++) {
    let pageXml = xmlPageStart({ title: `Dump bench page ${p}`, id: p + 1 });
    let text = `'''Dump bench page ${p}''' is a generated article.<ref name="src">{{cite web |title=Source ${p} |url=https://example.org/${p}}}</ref>\n\n== History ==\nIt began in ${1900 + (p % 100)}.`;
    for (let r = 0; r < revisions; r++) {
      text += `\n\nParagraph ${r} of page ${p}, with a [[Link ${r % 7}]] and a citation.<ref name="src" />`;
      id += 1;
      pageXml += xmlRevision({
        id,
        parentId: r === 0 ? null : id - 1,
        timestamp: new Date(start + id * 60_000),
        contributor: r % 3 === 2 ? { ip: `198.51.100.${r % 250}` } : { username: `Bench editor ${r % 40}` },
        comment: `edit ${r}`,
        minor: false,
        text,
      });
    }
    yield pageXml + XML_PAGE_END;
  }
  yield XML_FOOTER;
}

/**
 * Issue 21's dump rows, against the bench database: a generated dump (the
 * issue's 2,000 pages and 50,000 revisions; 40 pages of 10 revisions when
 * quick; `scale` for a profile at another size) imported through `importDump`
 * as the CLI does, in revisions per second, with the process's peak RSS while
 * it ran; then one of its articles exported as MediaWiki XML with its history,
 * and a large article with history (not when `dumpOnly`).
 * bench/dump-import-run.ts runs these rows alone.
 */
export async function benchDumpImport(options: {
  db: Db;
  quick: boolean;
  adminId: number;
  add: AddRow;
  latencyRow: (name: string, samples: number[], target: string, check: (s: { p50: number }) => boolean) => unknown;
  scale?: { pages: number; revisions: number };
  dumpOnly?: boolean;
}) {
  const { db, quick } = options;
  const pages = options.scale?.pages ?? (quick ? 40 : 2000);
  const revisions = options.scale?.revisions ?? (quick ? 10 : 25);
  const actor = await loadActor(db, options.adminId);
  // The garbage of the rows before is not the import's (npm run bench runs with --expose-gc).
  globalThis.gc?.();
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const watch = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200);
  const started = performance.now();
  const report = await importDump({ db, actor, source: generatedDump(pages, revisions), limits: DUMP_CLI_LIMITS });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(watch);
  const perSecond = report.totals.revisionsImported / seconds;
  options.add(
    `XML dump import: ${pages} pages, ${report.totals.revisionsImported} revisions (importDump, in process)`,
    `${Math.round(perSecond)} revisions/s (${seconds.toFixed(1)} s), peak RSS ${Math.round(peakRss / 1024 / 1024)} MB (${Math.round(startRss / 1024 / 1024)} MB at the start)`,
    ">= 300 revisions/s, RSS < 500 MB",
    perSecond >= 300 && peakRss < 500 * 1024 * 1024,
  );
  // Idempotence at scale: the same dump again finds every revision imported and writes nothing.
  const againStarted = performance.now();
  const again = await importDump({ db, actor, source: generatedDump(pages, revisions), limits: DUMP_CLI_LIMITS });
  options.add(
    "XML dump import of the same dump again (idempotent)",
    `${again.totals.revisionsImported} imported, ${again.totals.revisionsSkipped} skipped in ${((performance.now() - againStarted) / 1000).toFixed(1)} s`,
    "0 imported",
    again.totals.revisionsImported === 0 && again.totals.revisionsSkipped === report.totals.revisionsImported,
  );
  if (options.dumpOnly) return;

  // A large article with history: the largest generated page, and a 1M-character article with 20 revisions.
  const site = { sitename: "Bench wiki", origin: "http://bench.example" };
  const drain = async (slug: string) => {
    const { stream } = await exportArticleXml({ db, slug, history: true, site });
    let bytes = 0;
    for await (const chunk of stream) bytes += chunk.byteLength;
    return bytes;
  };
  // Quick (the smoke test in npm test): a 200K-character article with 5 revisions.
  const chars = quick ? 200_000 : 1_000_000;
  const historyLength = quick ? 5 : 20;
  const big = articleOfChars(chars, 22, "Dump export bench");
  await bulkHistory(db, {
    slug: "Dump_export_bench",
    first: big,
    chars,
    revisions: historyLength,
    authorIds: [options.adminId],
    seed: 22,
  });
  let bytes = 0;
  const samples = await sample(quick ? 1 : 3, async () => {
    bytes = await drain("Dump_export_bench");
  });
  options.latencyRow(
    `XML export of a ${chars / 1000}K-character article with ${historyLength} revisions (${(bytes / 1024 / 1024).toFixed(1)} MB of XML, streamed)`,
    samples,
    `p50 <= ${historyLength * 1000} ms (1 s per revision)`,
    (s) => s.p50 <= historyLength * 1000,
  );
}

/** The line bench/dump-import-run.ts --json-rows prints its rows on. */
export const DUMP_ROWS_PREFIX = "[dump-import rows] ";

/**
 * The dump rows (benchDumpImport) in a process of their own, bench/dump-import-run.ts, with its own
 * embedded PostgreSQL: the row's RSS target is the importer's, and the bench's own process holds every
 * earlier row's data (1,004 MB at that point in a full run). Its baselines stay in its own output.
 */
export async function runDumpImportInChild(options: { quick: boolean; add: AddRow; log: (line: string) => void }) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const args = [
    "--expose-gc",
    "--import",
    "tsx",
    "--import",
    path.join(here, "../scripts/register.mjs"),
    path.join(here, "dump-import-run.ts"),
    "--json-rows",
    ...(options.quick ? ["--quick"] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", resolve);
  });
  const line = output.split("\n").find((candidate) => candidate.startsWith(DUMP_ROWS_PREFIX));
  if (code !== 0 || !line) throw new Error(`bench/dump-import-run.ts exited with ${code}:\n${output.slice(-2000)}`);
  output
    .split("\n")
    .filter((candidate) => candidate.startsWith("[dump-import] baseline"))
    .forEach((candidate) => options.log(candidate));
  for (const row of JSON.parse(line.slice(DUMP_ROWS_PREFIX.length)) as BenchRow[])
    if (!row.name.startsWith("baseline")) options.add(row.name, row.result, row.target, row.met);
}
