import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT, startupChunks } from "./compile-hints";

/** A dist directory as `next build` leaves it: Next's root chunks, one page's entry chunks, and one loaded on demand. */
const dist = mkdtempSync(path.join(os.tmpdir(), "wiki-compile-hints-"));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
mkdirSync(path.join(dist, "static/chunks"), { recursive: true });
mkdirSync(path.join(dist, "server/app/wiki/[slug]/edit"), { recursive: true });
writeFileSync(path.join(dist, "build-manifest.json"), JSON.stringify({ rootMainFiles: ["static/chunks/root.js"] }));
writeFileSync(
  path.join(dist, "server/app/wiki/[slug]/edit/page_client-reference-manifest.js"),
  `globalThis.__RSC_MANIFEST["/wiki/[slug]/edit/page"] = {"clientModules":{},"entryJSFiles":{"[project]/app/layout":["static/chunks/layout.js"],"[project]/app/wiki/[slug]/edit/page":["static/chunks/layout.js","static/chunks/editor.js","static/chunks/editor.css"]}};`,
);
for (const name of ["root", "layout", "editor", "on-demand"])
  writeFileSync(path.join(dist, `static/chunks/${name}.js`), `(globalThis.TURBOPACK||[]).push(["${name}"]);`);

describe("compile hints", () => {
  it("marks the chunks pages load at start, and not those loaded on demand", () => {
    expect(startupChunks(dist)).toEqual([
      "static/chunks/editor.js",
      "static/chunks/layout.js",
      "static/chunks/root.js",
    ]);
    expect(addCompileHints(dist)).toBe(3);
    const read = (name: string) => readFileSync(path.join(dist, `static/chunks/${name}.js`), "utf8");
    expect(read("editor")).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||[]).push(["editor"]);`);
    expect(read("on-demand").startsWith(COMPILE_HINT)).toBe(false);
  });

  it("marks a file once however often it runs", () => {
    addCompileHints(dist);
    expect(addCompileHints(dist)).toBe(0);
    expect(readFileSync(path.join(dist, "static/chunks/root.js"), "utf8").split(COMPILE_HINT)).toHaveLength(2);
  });
});
