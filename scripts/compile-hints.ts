/**
 * Marks the scripts every App Router page runs at start with V8's explicit
 * compile hint (`//# allFunctionsCalledOnLoad`, Chrome 136 and later; other
 * browsers read a comment).
 *
 * Why: a Turbopack chunk's top level only registers module factories; the
 * factories run later, when the page requires them, so V8 compiles each
 * function lazily on the main thread, and its code cache (made after the
 * top level ran) never holds them: every load compiles them again. With the
 * hint, V8 compiles the whole chunk eagerly, off the main thread while the
 * script streams in, and caches all of it. On the section editor that was
 * about 200 ms of main-thread compiling per warm load in a trace, and 80 ms
 * off its time to typing (issue 19; README, Performance).
 *
 * Only the chunks a page loads at start (its entry chunks and Next's root
 * ones): the chunks loaded on demand (dialogs, panels, the diff engine) stay
 * lazy, so nothing compiles code a reader may never call. Idempotent: a
 * marked file is left as it is.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

function manifests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return manifests(full);
    return entry.name.endsWith("_client-reference-manifest.js") ? [full] : [];
  });
}

/** The chunks (paths under the dist directory, `static/chunks/…`) that some page loads before it runs. */
export function startupChunks(distDir: string): string[] {
  const chunks = new Set<string>(
    JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")).rootMainFiles as string[],
  );
  for (const file of manifests(path.join(distDir, "server/app"))) {
    const match = /"entryJSFiles":(\{[^}]*\})/.exec(readFileSync(file, "utf8"));
    if (!match) continue;
    for (const files of Object.values(JSON.parse(match[1]) as Record<string, string[]>))
      for (const chunk of files) chunks.add(chunk);
  }
  return [...chunks].filter((chunk) => chunk.endsWith(".js")).sort();
}

/** Adds the hint to each startup chunk; returns how many files it changed. */
export function addCompileHints(distDir: string): number {
  let changed = 0;
  for (const chunk of startupChunks(distDir)) {
    const file = path.join(distDir, chunk);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, "utf8");
    if (text.startsWith(COMPILE_HINT)) continue;
    writeFileSync(file, COMPILE_HINT + text);
    changed++;
  }
  return changed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const changed = addCompileHints(path.join(process.cwd(), ".next"));
  console.log(`compile hints: ${changed} startup chunk(s) marked`);
}
