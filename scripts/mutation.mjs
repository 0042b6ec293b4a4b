// Runs Stryker (stryker.config.mjs) over the pure core one module at a time and prints a score per module.
// Usage: npm run test:mutation [-- module…]
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { MUTATION_MODULES } from "../stryker.config.mjs";

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in MUTATION_MODULES));
if (unknown.length) {
  console.error(`unknown module ${unknown.join(", ")}; known: ${Object.keys(MUTATION_MODULES).join(", ")}`);
  process.exit(2);
}

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
  const score = detected + undetected ? ((100 * detected) / (detected + undetected)).toFixed(1) : "n/a";
  scores.push({ module: name, "score %": score, detected, undetected });
}
console.log("\nMutation score per module (killed or timed out, over killed, timed out, survived and not covered):");
console.table(scores);
