import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The layer rules of ../shared/DESIGN.md are dependency-cruiser rules
 * (.dependency-cruiser.cjs). These tests show that each rule bites, on a tiny
 * tree with one breach of each kind, and that the real tree has none.
 */

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Runs the checker as `npm run lint:layers` does, in `cwd`, and returns what it reports. */
async function checkLayers(cwd: string, folders: string[]): Promise<Violation[]> {
  const bin = path.join(root, "node_modules/.bin/depcruise");
  const args = [...folders, "--config", path.join(root, ".dependency-cruiser.cjs"), "--output-type", "json"];
  // depcruise exits non-zero when it finds violations; its JSON report is on stdout either way.
  const { stdout } = await run(bin, args, { cwd, maxBuffer: 64 << 20 }).catch((error) => error);
  const report = JSON.parse(stdout) as {
    summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> };
  };
  return report.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

/** A tiny tree: a clean import of each allowed kind, and one breach of each rule. */
const FIXTURE: Record<string, string> = {
  "tsconfig.json": JSON.stringify({ compilerOptions: { paths: { "@/*": ["./*"] } } }),
  "lib/document/model.ts": "export type Doc = { id: string };\n",
  "lib/db/client.ts": "export const db = {};\n",
  "components/widget.tsx":
    'import type { Doc } from "@/lib/document/model";\nexport const Widget = (d: Doc) => <b>{d.id}</b>;\n',
  "app/page.tsx": 'import { Widget } from "@/components/widget";\nexport default Widget;\n',
  "prisma/seed/source.ts": "export type Source = string;\n",
  // lib importing a component (through the alias): lib-imports-no-app-or-components
  "lib/articles/present.ts": 'import { Widget } from "@/components/widget";\nexport const present = Widget;\n',
  // a pure folder importing the database, type-only and relative: pure-lib-imports-no-database
  "lib/diff/engine.ts": 'import type { db } from "../db/client";\nexport type Db = typeof db;\n',
  // lib importing seed code: app-imports-no-tools
  "lib/document/markup.ts": 'import type { Source } from "../../prisma/seed/source";\nexport type S = Source;\n',
  // a component importing a route: components-import-no-app
  "components/back.tsx": 'import Page from "@/app/page";\nexport const Back = Page;\n',
  // a two-file cycle, one side type-only: no-cycle
  "lib/cycle/a.ts": 'import { b } from "./b";\nexport type A = number;\nexport const a = b;\n',
  "lib/cycle/b.ts": 'import type { A } from "./a";\nexport const b: A = 1;\n',
};

describe("layer rules (dependency-cruiser)", () => {
  let fixture: string;

  beforeAll(async () => {
    fixture = await mkdtemp(path.join(os.tmpdir(), "wiki-layers-"));
    for (const [file, text] of Object.entries(FIXTURE)) {
      await mkdir(path.dirname(path.join(fixture, file)), { recursive: true });
      await writeFile(path.join(fixture, file), text);
    }
    // The checker's Babel setup and presets resolve from the fixture's own folder.
    await symlink(path.join(root, "node_modules"), path.join(fixture, "node_modules"));
    await symlink(
      path.join(root, ".dependency-cruiser.babel.cjs"),
      path.join(fixture, ".dependency-cruiser.babel.cjs"),
    );
  });

  afterAll(async () => {
    if (fixture) await rm(fixture, { recursive: true, force: true });
  });

  it("reports each kind of breach, and nothing that is allowed", async () => {
    const found = await checkLayers(fixture, ["app", "components", "lib", "prisma"]);
    expect(found).toEqual(
      expect.arrayContaining([
        { rule: "lib-imports-no-app-or-components", from: "lib/articles/present.ts", to: "components/widget.tsx" },
        { rule: "pure-lib-imports-no-database", from: "lib/diff/engine.ts", to: "lib/db/client.ts" },
        { rule: "app-imports-no-tools", from: "lib/document/markup.ts", to: "prisma/seed/source.ts" },
        { rule: "components-import-no-app", from: "components/back.tsx", to: "app/page.tsx" },
        // A cycle is reported once, from whichever of its files is met first.
        expect.objectContaining({ rule: "no-cycle", from: expect.stringMatching(/^lib\/cycle\/[ab]\.ts$/) }),
      ]),
    );
    expect(found).toHaveLength(5);
  });

  it("finds the real tree clean", async () => {
    expect(await checkLayers(root, ["app", "components", "lib", "scripts", "bench", "prisma", "proxy.ts"])).toEqual([]);
  });
});
