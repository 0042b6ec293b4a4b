/**
 * Editor cold load (issue 19), measured in Chromium against a production
 * server on the demo content: how soon the section editor takes typing, on
 * warm loads (the browser's cache primed, as for anyone who edits twice),
 * and how many compressed bytes of JavaScript the editor page makes the
 * browser fetch on a cold load. Beside them, in the same run, the plain
 * article view (a route handler with no client script) and the sign-in
 * page (an App Router page with one form: Next's and React's own share of
 * any page's script).
 *
 * `npm run bench` calls it from bench/suite.ts; it also runs alone (its own
 * embedded PostgreSQL, a build if needed):
 *   NODE_ENV=production node --import tsx --import ./scripts/register.mjs bench/editor-bench.ts [--quick]
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { readArticleRevision } from "../lib/articles/read-article";
import { sessionCookieFor } from "../lib/auth/session";
import { ensureDatabase, withDatabase } from "../lib/db/admin";
import { createClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { DEMO_SLUG, seedDemo } from "../prisma/seed/demo";
import { startAppServer } from "../test/server";
import { kb, ms, type AddRow } from "./measure";

/** The targets of issue 19. */
export const EDITOR_READY_TARGET_MS = 400;
export const EDITOR_SCRIPT_TARGET_BYTES = 220 * 1024;

/** What the editor's text box shows once typing reached it: typed key by key, found nowhere in the demo text. */
const TYPED = "qjx";

const BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

/** The section's text box, the editor's own (its frame comes from the server; the box only with the script). */
const SECTION_BOX = '[role="textbox"][contenteditable="true"][aria-label="Section text"]';

/**
 * Before any script of the page: forget drafts (a stored draft would be
 * offered or restored, not the page a first edit sees) and note the moment
 * the typed text first shows in the section's text box, in the page's own
 * clock (0 = navigation start).
 */
function installProbe(typed: string) {
  try {
    localStorage.clear();
  } catch {
    // no storage on about:blank
  }
  const w = window as unknown as { __typedAt?: number };
  const observer = new MutationObserver(() => {
    if (w.__typedAt !== undefined) return;
    for (const box of document.querySelectorAll('[role="textbox"][aria-label="Section text"]')) {
      if (box.textContent?.includes(typed)) {
        w.__typedAt = performance.now();
        observer.disconnect();
        return;
      }
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

/** One load of the editor: navigation start to the typed text in the section's text box, in ms. */
async function editorReady(context: BrowserContext, url: string, log?: (line: string) => void): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "commit" });
    // Found and focused in one task (locator.focus() finds the element, then focuses it a task later).
    await page.waitForSelector(SECTION_BOX, { timeout: 30_000 });
    await page.evaluate((selector) => (document.querySelector(selector) as HTMLElement).focus(), SECTION_BOX);
    await page.keyboard.press("End");
    await page.keyboard.type(TYPED);
    await page.waitForFunction(() => (window as unknown as { __typedAt?: number }).__typedAt !== undefined, null, {
      timeout: 10_000,
      polling: 10,
    });
    // Usable means kept: the editor holds what was typed.
    await page
      .locator('.ProseMirror[aria-label="Section text"]', { hasText: TYPED })
      .waitFor({ timeout: 30_000 })
      .catch(() => {
        throw new Error(`the editor did not keep "${TYPED}" typed before it was made`);
      });
    const [typedAt, phases] = await page.evaluate(() => {
      const timing = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return [
        (window as unknown as { __typedAt: number }).__typedAt,
        `first byte ${timing.responseStart.toFixed(0)}, last ${timing.responseEnd.toFixed(0)}, DOMContentLoaded ${timing.domContentLoadedEventEnd.toFixed(0)}`,
      ] as const;
    });
    log?.(`[bench] editor load: ${phases}, typed text shown ${typedAt.toFixed(0)} ms`);
    return typedAt;
  } finally {
    // Without beforeunload: the editor asks before leaving typed text.
    await page.close({ runBeforeUnload: false });
  }
}

/** One load of a page to DOMContentLoaded (navigation timing), in ms. */
async function domContentLoaded(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "domcontentloaded" });
    return await page.evaluate(
      () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
    );
  } finally {
    await page.close();
  }
}

interface ScriptBytes {
  /** compressed as received (the response body's encoded size) */
  received: number;
  /** uncompressed */
  raw: number;
  /** the same scripts compressed with brotli (what a compressing proxy or CDN would send) */
  brotli: number;
  scripts: number;
  encodings: Set<string>;
}

/** The scripts a cold load of `url` fetches until `ready` resolves: their bytes as received and uncompressed. */
async function coldScriptBytes(
  browser: Browser,
  cookie: string | null,
  baseUrl: string,
  url: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<ScriptBytes> {
  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    if (cookie) await context.addCookies([cookieFor(cookie, baseUrl)]);
    await context.addInitScript(installProbe, TYPED);
    const page = await context.newPage();
    const responses: Array<Promise<{ received: number; raw: number; brotli: number; encoding: string }>> = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      responses.push(
        (async () => {
          const body = await response.body();
          const sizes = await response.request().sizes();
          return {
            received: sizes.responseBodySize,
            raw: body.byteLength,
            brotli: brotliCompressSync(body).byteLength,
            encoding: (await response.allHeaders())["content-encoding"] ?? "identity",
          };
        })(),
      );
    });
    await page.goto(url, { waitUntil: "commit" });
    await ready(page);
    await page.waitForLoadState("networkidle");
    const all = await Promise.all(responses);
    await page.close({ runBeforeUnload: false });
    return {
      received: all.reduce((sum, item) => sum + item.received, 0),
      raw: all.reduce((sum, item) => sum + item.raw, 0),
      brotli: all.reduce((sum, item) => sum + item.brotli, 0),
      scripts: all.length,
      encodings: new Set(all.map((item) => item.encoding)),
    };
  } finally {
    await context.close();
  }
}

function cookieFor(header: string, baseUrl: string) {
  const [name, ...value] = header.split("=");
  return { name, value: value.join("="), url: baseUrl };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

/**
 * Adds the editor rows. Seeds the demo content into a database of its own
 * (`adminUrl`'s cluster) and starts a production server on it, so nothing
 * the rest of the bench made changes what is measured.
 */
export async function benchEditorLoad(options: {
  adminUrl: string;
  quick: boolean;
  add: AddRow;
  log?: (line: string) => void;
}): Promise<void> {
  const log = options.log ?? (() => undefined);
  const runs = options.quick ? 2 : 30;
  await ensureDatabase(options.adminUrl, "editor_bench");
  const url = withDatabase(options.adminUrl, "editor_bench");
  await applyMigrations(url);
  const db = createClient(url);
  await seedDemo(db);
  const head = await readArticleRevision({ db, slug: DEMO_SLUG });
  // A section in the middle of the article: what an [edit] link beside a heading opens.
  const section = head.content.sections[Math.floor(head.content.sections.length / 2)];
  const veteran = await db.user.findUniqueOrThrow({ where: { nameKey: "veteran" } });
  await db.$disconnect();

  // As `npm start` serves it: Next compresses responses itself.
  const server = await startAppServer({ databaseUrl: url, env: { WIKI_RATE_LIMITS: "off" } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: BROWSER_ARGS,
  });
  try {
    // After startAppServer: it sets the session secret the cookie is signed with.
    const cookie = await sessionCookieFor(veteran);
    const editPath = `/wiki/${encodeURIComponent(DEMO_SLUG)}/edit?section=${encodeURIComponent(section.id)}`;
    const articlePath = `/wiki/${encodeURIComponent(DEMO_SLUG)}`;
    const sectionName = `“${section.title || "Lead"}” of the demo article (${(head.revision.sizeBytes / 1024).toFixed(0)} KB of content)`;

    // A profile on disk, as a person's browser has: an incognito context keeps no compiled code
    // between loads (V8's code cache), which is most of what makes a second load faster.
    const profile = await mkdtemp(path.join(os.tmpdir(), "wiki-editor-bench-profile-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: BROWSER_ARGS,
      baseURL: server.url,
    });
    await context.addCookies([cookieFor(cookie, server.url)]);
    await context.addInitScript(installProbe, TYPED);
    // Cold loads first: they fill the browser's cache and compile the server's routes.
    const cold = [await editorReady(context, editPath), await editorReady(context, editPath)];
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push(await editorReady(context, editPath, options.quick ? log : undefined));
    const viewWarm: number[] = [];
    await domContentLoaded(context, articlePath);
    for (let i = 0; i < runs; i++) viewWarm.push(await domContentLoaded(context, articlePath));
    await context.close();
    await rm(profile, { recursive: true, force: true });
    log(
      `[bench] editor ready, warm: ${warm.map((value) => value.toFixed(0)).join(", ")} ms (cold ${cold[0].toFixed(0)})`,
    );

    const editorBytes = await coldScriptBytes(browser, cookie, server.url, editPath, (page) =>
      page.locator('.ProseMirror[contenteditable="true"][aria-label="Section text"]').waitFor({ timeout: 30_000 }),
    );
    const viewBytes = await coldScriptBytes(browser, cookie, server.url, articlePath, () => Promise.resolve());
    const staticBytes = await coldScriptBytes(browser, null, server.url, "/login", () => Promise.resolve());

    options.add(
      `baseline: article view, signed in, warm, to DOMContentLoaded (${runs} loads)`,
      `p50 ${ms(median(viewWarm))}; JavaScript ${kb(viewBytes.received)} received (${viewBytes.scripts} scripts)`,
    );
    options.add(
      "baseline: sign-in page (/login, App Router), JavaScript of Next, React and a form",
      `${kb(staticBytes.received)} received (${[...staticBytes.encodings].join(", ")}), ${kb(staticBytes.brotli)} with brotli, ${kb(staticBytes.raw)} uncompressed, ${staticBytes.scripts} scripts`,
    );
    const p50 = median(warm);
    options.add(
      `section editor usable (focus, type, text shows) from navigation start, warm (${runs} loads), section ${sectionName}`,
      `p50 ${ms(p50)}, worst ${ms(Math.max(...warm))} (first cold load ${ms(cold[0])})`,
      `p50 <= ${EDITOR_READY_TARGET_MS} ms`,
      p50 <= EDITOR_READY_TARGET_MS,
    );
    options.add(
      "section editor's JavaScript, cold load, compressed as received",
      `${kb(editorBytes.received)} (${[...editorBytes.encodings].join(", ")}; ${kb(editorBytes.brotli)} with brotli, ${kb(editorBytes.raw)} uncompressed, ${editorBytes.scripts} scripts)`,
      `<= ${kb(EDITOR_SCRIPT_TARGET_BYTES)}`,
      editorBytes.received <= EDITOR_SCRIPT_TARGET_BYTES,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

// Alone: its own embedded PostgreSQL, and the rows printed.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { buildIfNeeded } = await import("../scripts/build");
  if (!buildIfNeeded()) process.exit(1);
  const tmp = await mkdtemp(path.join(os.tmpdir(), "wiki-editor-bench-"));
  await chmod(tmp, 0o755);
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(tmp, "data"), persistent: false });
  try {
    await benchEditorLoad({
      adminUrl: cluster.adminUrl,
      quick: process.argv.includes("--quick"),
      log: console.log,
      add: (name, result, target = "", met = null) =>
        console.log(`| ${name} | ${result} | ${target} | ${met === null ? "" : met ? "yes" : "NO"} |`),
    });
  } finally {
    await cluster.stop();
    await rm(tmp, { recursive: true, force: true });
  }
  process.exit(0);
}
