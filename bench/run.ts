/**
 * `npm run bench`: generates its own data on a throwaway embedded PostgreSQL
 * and prints a table of figures. Not part of `npm test` (bench/smoke.test.ts
 * runs a tiny version so it cannot rot).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { runBenchmarks } from "./suite";

const quick = process.argv.includes("--quick");
const results = await runBenchmarks({ quick, render: (element) => renderToStaticMarkup(element) });
console.log("");
console.log(`| ${"benchmark".padEnd(58)} | ${"median".padStart(12)} | ${"p95".padStart(12)} | ${"worst".padStart(12)} |`);
console.log(`|${"-".repeat(60)}|${"-".repeat(14)}|${"-".repeat(14)}|${"-".repeat(14)}|`);
for (const row of results) {
  console.log(`| ${row.name.padEnd(58)} | ${row.median.padStart(12)} | ${row.p95.padStart(12)} | ${row.worst.padStart(12)} |`);
}
