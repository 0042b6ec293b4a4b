import fs from "node:fs";
import path from "node:path";
import { exportWikitext } from "../lib/export/export-wikitext";
import { importWikitext } from "../lib/import/import-wikitext";
import { sample } from "./measure";
import { articleOfChars } from "./workload";

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
