import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { runBenchmarks } from "./suite";

describe("npm run bench (smoke)", () => {
  it("runs a tiny version of every benchmark, in process and over HTTP, and reports a figure for each", {
    timeout: 900_000,
  }, async () => {
    const steps: Array<{ seconds: number; line: string }> = [];
    const log = (line: string) => {
      const step = /^\[bench\] ([\d.]+) s: /.exec(line);
      if (step) steps.push({ seconds: Number(step[1]), line });
    };
    const rows = await runBenchmarks({ quick: true, render: renderToStaticMarkup, log });
    // npm test's budget: say where this, its slowest test, spends its time.
    const slowest = steps.sort((a, b) => b.seconds - a.seconds).slice(0, 6);
    console.log(`bench smoke, slowest rows:\n${slowest.map((step) => `  ${step.line}`).join("\n")}`);
    const names = rows.map((row) => row.name);
    for (const expected of [
      "baseline: hello-world Node HTTP server",
      "cached view of the current revision",
      "approve a proposal on L",
      "interdiff of two proposal versions, 1M article",
      "database statements per article view",
      "mixed load run 2",
      "two instances, one database",
      "large proposal",
      "proposal page, 200 comments across 5 versions",
      "/api/health, 10 connections, while 8 anonymous clients",
      "sign-in under a guessing attack",
      "review queue page (first page)",
      "review alerts on adjacent revisions",
      "site-wide worklist, first page of tags",
      "source page (/sources/{id}) for a source cited by",
      "source index: its statements in a commit",
      "search page (common word)",
      "title suggestions (prefix)",
      "create a title linked from",
      "red links turn blue",
      "recent changes (first page)",
      "site-wide revisions",
      "revalidation of the current article",
      "Brotli bytes per cached view",
      "closed loop, 200 readers",
      "reads/s with one replica vs primary only",
      "a save followed at once by the saver's own read through a replica",
      "first view after a one-section edit of the 1M article",
      "first view after a one-section edit of the 78k article",
      "section editor usable",
      "section editor's JavaScript",
      "export of a 1M-character article to wikitext",
    ]) {
      expect(
        names.some((name) => name.startsWith(expected)),
        expected,
      ).toBe(true);
    }
    for (const row of rows) expect(row.result).toMatch(/\d/);
  });
});
