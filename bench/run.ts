/**
 * `npm run bench`: generates its own data on a throwaway embedded PostgreSQL,
 * measures in process and over HTTP, and prints a table of figures beside
 * their targets and this run's baselines. Not part of `npm test`
 * (bench/smoke.test.ts runs a tiny version so it cannot rot).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { buildIfNeeded } from "../scripts/build";
import { runBenchmarks } from "./suite";

const quick = process.argv.includes("--quick");
if (!buildIfNeeded()) process.exit(1);
const started = performance.now();
const results = await runBenchmarks({ quick, render: (element) => renderToStaticMarkup(element) });
const width = Math.max(...results.map((row) => row.name.length));
console.log("");
console.log(`| ${"benchmark".padEnd(width)} | result | target | met |`);
console.log(`|${"-".repeat(width + 2)}|---|---|---|`);
for (const row of results) {
  console.log(
    `| ${row.name.padEnd(width)} | ${row.result} | ${row.target} | ${row.met === null ? "" : row.met ? "yes" : "NO"} |`,
  );
}
const missed = results.filter((row) => row.met === false);
console.log(
  `\n${results.filter((row) => row.met).length} targets met, ${missed.length} missed${missed.length ? `: ${missed.map((row) => row.name).join("; ")}` : ""}. Bench took ${((performance.now() - started) / 60000).toFixed(1)} min.`,
);
process.exit(0);
