// Runs Stryker (stryker.config.mjs) one module at a time and prints a score per module: the pure core
// by default, the database-backed modules when named.
// Usage: npm run test:mutation [-- module…]
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { DATABASE_MUTATION_MODULES, MUTATION_MODULES } from "../stryker.config.mjs";

const asked = process.argv.slice(2);
const known = [...Object.keys(MUTATION_MODULES), ...Object.keys(DATABASE_MUTATION_MODULES)];
const unknown = asked.filter((name) => !known.includes(name));
if (unknown.length) {
  console.error(`unknown module ${unknown.join(", ")}; known: ${known.join(", ")}`);
  process.exit(2);
}

const percent = (detected, undetected) =>
  detected + undetected ? ((100 * detected) / (detected + undetected)).toFixed(1) : "n/a";
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);
const scores = [];
for (const name of asked.length ? asked : Object.keys(MUTATION_MODULES)) {
  const run = spawnSync("npx", ["stryker", "run"], {
    stdio: "inherit",
    env: { ...process.env, MUTATION_MODULE: name },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const mutants = Object.values(JSON.parse(readFileSync(`reports/mutation/${name}.json`, "utf8")).files).flatMap(
    (file) => file.mutants,
  );
  const detected = mutants.filter((mutant) => DETECTED.has(mutant.status)).length;
  const undetected = mutants.filter((mutant) => UNDETECTED.has(mutant.status)).length;
  scores.push({ module: name, "score %": percent(detected, undetected), detected, undetected });
}
const core = scores.filter((row) => row.module in MUTATION_MODULES);
if (core.length === Object.keys(MUTATION_MODULES).length) {
  const [detected, undetected] = ["detected", "undetected"].map((field) =>
    core.reduce((sum, row) => sum + row[field], 0),
  );
  scores.push({ module: "pure core", "score %": percent(detected, undetected), detected, undetected });
}
console.log("\nMutation score per module (killed or timed out, over killed, timed out, survived and not covered):");
console.table(scores);
