import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EDITOR_STYLESHEET, STYLESHEET } from "./html-page";

/**
 * The stylesheets' URLs are cached for a year (next.config.js): an edit of a
 * file that kept its old version would reach no returning reader. Each
 * version must be its file's content hash.
 */
describe("stylesheet versions", () => {
  for (const url of [STYLESHEET, EDITOR_STYLESHEET]) {
    it(`${url} names its file's content`, () => {
      const { pathname, searchParams } = new URL(url, "http://wiki.test");
      const file = readFileSync(path.join(import.meta.dirname, "../../public", pathname));
      const version = createHash("sha256").update(file).digest("hex").slice(0, 10);
      expect(searchParams.get("v"), `public${pathname} changed: set its version to ${version}`).toBe(version);
    });
  }
});
