import { readFileSync } from "node:fs";
import { request as httpGet } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent } from "../../../lib/document/model";
import { useTestDatabase } from "../../db";
import { makeUser } from "../../factories";
import { httpRequest, startAppServer, type AppServer } from "../../server";

/** A GET whose body is returned as sent (fetch would decompress it). */
function rawGet(
  server: AppServer,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(`${server.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

const contentAt = (i: number): ArticleContent => ({
  title: "Cached pages",
  infobox: null,
  sections: [
    { id: "lead", title: "", level: 0, body: docFromMarkup(`Version ${i} of the lead.[[ref:a]]`) },
    { id: "s1", title: "Background", level: 2, body: docFromMarkup("Text that stays.") },
  ],
  references: [{ key: "a", title: "A source", url: "https://example.org/a" }],
});

describe("pages for signed-out readers, cached whole", () => {
  const database = useTestDatabase();
  let server: AppServer;
  let author: { id: number; name: string };
  const ids: number[] = [];
  beforeAll(async () => {
    author = await makeUser(database.db, { name: "Cacher", role: "autoconfirmed" });
    let base: number | null = null;
    for (let i = 0; i < 55; i++) {
      const saved = await saveRevision({
        db: database.db,
        slug: "Cached_pages",
        baseRevisionId: base,
        content: contentAt(i),
        authorId: author.id,
        summary: `edit ${i}`,
      });
      base = saved.revisionId;
      ids.push(saved.revisionId);
    }
    server = await startAppServer({ databaseUrl: database.url });
  });
  afterAll(async () => server?.stop());

  it("serves cached article pages identically, compressed once for a client that accepts gzip", async () => {
    const plain = await rawGet(server, "/wiki/Cached_pages");
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toContain("Version 54 of the lead.");
    for (let i = 0; i < 2; i++) {
      // the second request is a hit of the whole-page cache
      // (a client that also takes Brotli gets that instead: test/http/server/validators.db.test.ts)
      const compressed = await rawGet(server, "/wiki/Cached_pages", { "accept-encoding": "gzip, deflate" });
      expect(compressed.headers["content-encoding"]).toBe("gzip");
      expect(String(compressed.headers["content-security-policy"])).toContain("script-src 'none'");
      expect(gunzipSync(compressed.body).equals(plain.body)).toBe(true);
    }
  });

  it("answers a signed-out view of a cached current page before Next, with the route's page and headers, and sees a save at once", async () => {
    const slug = "Fast_path";
    let base: number | null = null;
    for (let i = 0; i < 2; i++)
      base = (
        await saveRevision({
          db: database.db,
          slug,
          baseRevisionId: base,
          content: { ...contentAt(i), title: "Fast path" },
          authorId: author.id,
          summary: `edit ${i}`,
        })
      ).revisionId;
    const fromRoute = await rawGet(server, `/wiki/${slug}`);
    expect(fromRoute.headers["x-cache"]).toBeUndefined();
    const fromCache = await rawGet(server, `/wiki/${slug}`);
    expect(fromCache.headers["x-cache"]).toBe("hit");
    expect(fromCache.body.equals(fromRoute.body)).toBe(true);
    for (const name of [
      "content-type",
      "content-security-policy",
      "x-content-type-options",
      "referrer-policy",
      "x-frame-options",
      "permissions-policy",
      "cache-control",
    ]) {
      expect(fromCache.headers[name], name).toBe(fromRoute.headers[name]);
    }
    const overHttps = await rawGet(server, `/wiki/${slug}`, { "x-forwarded-proto": "https" });
    expect(overHttps.headers["x-cache"]).toBe("hit");
    expect(overHttps.headers["strict-transport-security"]).toContain("max-age=");
    const gzipped = await rawGet(server, `/wiki/${slug}`, { "accept-encoding": "gzip" });
    expect([gzipped.headers["x-cache"], gzipped.headers["content-encoding"], gzipped.headers.vary]).toEqual([
      "hit",
      "gzip",
      "Accept-Encoding",
    ]);
    expect(gunzipSync(gzipped.body).equals(fromRoute.body)).toBe(true);

    // A signed-in reader, a query or a non-canonical title is the route's to answer.
    const signedIn = await httpRequest(server, "GET", `/wiki/${slug}`, { user: author });
    expect(signedIn.headers.get("x-cache")).toBeNull();
    expect(signedIn.text).toContain(author.name);
    expect((await rawGet(server, `/wiki/${slug}?oldid=${base}`)).headers["x-cache"]).toBeUndefined();
    const redirect = await rawGet(server, "/wiki/fast_path");
    expect([redirect.status, redirect.headers["x-cache"]]).toEqual([301, undefined]);

    // A save through the database is seen by the very next view: the page key is the current revision.
    await saveRevision({
      db: database.db,
      slug,
      baseRevisionId: base,
      content: { ...contentAt(99), title: "Fast path" },
      authorId: author.id,
      summary: "edit 99",
    });
    const afterSave = await rawGet(server, `/wiki/${slug}`);
    expect(afterSave.headers["x-cache"]).toBeUndefined();
    expect(afterSave.body.toString("utf8")).toContain("Version 99 of the lead.");
    expect((await rawGet(server, `/wiki/${slug}`)).headers["x-cache"]).toBe("hit");
  });

  it("says a save was published to the signed-in editor (?saved=1), and gives a signed-out reader the cached page", async () => {
    const plain = await rawGet(server, "/wiki/Cached_pages");
    for (const flag of ["1", "yes"]) {
      const flagged = await rawGet(server, `/wiki/Cached_pages?saved=${flag}`);
      expect(flagged.status).toBe(200);
      expect(flagged.body.equals(plain.body)).toBe(true);
      expect(flagged.headers["cache-control"]).toBe(plain.headers["cache-control"]);
    }
    const saved = await httpRequest(server, "GET", "/wiki/Cached_pages?saved=1", { user: author });
    expect(saved.text).toContain("Your edit was published.");
    expect(saved.headers.get("cache-control")).toBe("private, no-cache");
    const later = await httpRequest(server, "GET", "/wiki/Cached_pages", { user: author });
    expect(later.text).not.toContain("Your edit was published");
    // An old revision is not what was just saved.
    const old = await httpRequest(server, "GET", `/wiki/Cached_pages?oldid=${ids[3]}&saved=1`, { user: author });
    expect(old.text).not.toContain("Your edit was published");
  });

  it("leaves compression to a proxy in front when started with WIKI_COMPRESS=0", async () => {
    const uncompressing = await startAppServer({ databaseUrl: database.url, env: { WIKI_COMPRESS: "0" } });
    try {
      const response = await rawGet(uncompressing, "/wiki/Cached_pages", { "accept-encoding": "gzip, deflate, br" });
      expect(response.status).toBe(200);
      expect(response.headers["content-encoding"]).toBeUndefined();
      expect(response.body.toString("utf8")).toContain("Version 54 of the lead.");
    } finally {
      await uncompressing.stop();
    }
  });

  it("serves the history as a script-free page, cached until the next save, with older pages by cursor", async () => {
    const first = await rawGet(server, "/wiki/Cached_pages/history", { "accept-encoding": "gzip" });
    expect(first.status).toBe(200);
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(String(first.headers["content-security-policy"])).toContain("script-src 'none'");
    const html = gunzipSync(first.body).toString("utf8");
    expect(html).toContain("Cached pages: revision history");
    expect(html).toContain(`data-revision-id="${ids[54]}"`);
    expect(html).not.toContain(`data-revision-id="${ids[4]}"`);
    expect(html).toContain(`/wiki/Cached_pages/history?cursor=${ids[5]}`);

    const older = await httpRequest(server, "GET", `/wiki/Cached_pages/history?cursor=${ids[5]}`);
    expect(older.text).toContain(`data-revision-id="${ids[4]}"`);
    expect(older.text).toContain(`data-revision-id="${ids[0]}"`);
    expect(older.text).toContain("Oldest reached");

    const saved = await saveRevision({
      db: database.db,
      slug: "Cached_pages",
      baseRevisionId: ids[54],
      content: contentAt(55),
      authorId: author.id,
      summary: "edit 55",
    });
    ids.push(saved.revisionId);
    const after = await httpRequest(server, "GET", "/wiki/Cached_pages/history");
    expect(after.text).toContain(`data-revision-id="${saved.revisionId}"`);
    expect(after.text).toContain("edit 55");

    const signedIn = await httpRequest(server, "GET", "/wiki/Cached_pages/history", { user: author });
    expect(signedIn.headers.get("cache-control")).toContain("private");
    expect(signedIn.text).toContain("Cacher");

    const missing = await httpRequest(server, "GET", "/wiki/No_such_article/history");
    expect(missing.status).toBe(404);
    expect(missing.text).toContain("There is no article");
  });

  it("computes a diff once for concurrent readers (on a worker thread in the server)", async () => {
    const path = `/wiki/Cached_pages/diff?from=${ids[3]}&to=${ids[40]}`;
    const threads = () =>
      Number(/^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${server.process.pid}/status`, "utf8"))![1]);
    const threadsBefore = threads();
    const answers = await Promise.all(Array.from({ length: 6 }, () => httpRequest(server, "GET", path)));
    // The first diff starts the worker pool (none of the tests above diffs).
    expect(threads()).toBeGreaterThan(threadsBefore);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(answers[0].text);
    }
    expect(answers[0].text).toMatch(/<del[^>]*>3<\/del>/);
    expect(answers[0].text).toMatch(/<ins[^>]*>40<\/ins>/);
    const compressed = await rawGet(server, path, { "accept-encoding": "gzip" });
    expect(compressed.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(compressed.body).toString("utf8")).toBe(answers[0].text);
  });
});

describe("one skeleton for every route kind: reader views and JSON reads", () => {
  const database = useTestDatabase();
  let server: AppServer;
  let reviewer: { id: number; name: string };
  let first: number;
  let second: number;
  const SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"];
  beforeAll(async () => {
    reviewer = await makeUser(database.db, { name: "Skeleton_reviewer", role: "reviewer" });
    const save = async (baseRevisionId: number | null, i: number) => {
      const content = { ...contentAt(i), title: "Skeleton" };
      const saved = await saveRevision({
        db: database.db,
        slug: "Skeleton",
        baseRevisionId,
        content,
        authorId: reviewer.id,
      });
      return saved.revisionId;
    };
    first = await save(null, 0);
    second = await save(first, 1);
    server = await startAppServer({ databaseUrl: database.url });
  });
  afterAll(async () => server?.stop());

  it("shows a signed-in reviewer the review count on an article, its history, a diff, a missing one", async () => {
    const diff = `/wiki/Skeleton/diff?from=${first}&to=${second}`;
    const paths = ["/wiki/Skeleton", "/wiki/Skeleton/history", diff, "/wiki/No_such_page/history"];
    for (const path of paths) {
      const page = await httpRequest(server, "GET", path, { user: reviewer });
      expect(page.text, path).toContain("count-badge");
      expect(page.text, path).toContain("Skeleton_reviewer");
      // A page naming its reader is never shared (the missing-article page is not kept at all).
      expect(page.headers.get("cache-control"), path).toMatch(/^(private, no-cache|no-store)$/);
    }
  });

  it("tells a blocked user of the block on every page, with its end and reason, and offers no edit or comment", async () => {
    const blocked = await makeUser(database.db, { name: "Skeleton_blocked", role: "autoconfirmed" });
    const until = new Date(Date.now() + 7 * 86_400_000);
    await database.db.user.update({
      where: { id: blocked.id },
      data: { blockedAt: new Date(), blockExpiresAt: until, blockReason: "Edit warring on Skeleton" },
    });
    const text = (html: string) => html.replaceAll("<!-- -->", "");
    for (const path of ["/wiki/Skeleton", "/wiki/Skeleton/history", "/review", "/"]) {
      const page = text((await httpRequest(server, "GET", path, { user: blocked })).text);
      expect(page, path).toContain('aria-label="Your account is blocked"');
      expect(page, path).toMatch(new RegExp(`until [^<]*${until.getUTCFullYear()}: Edit warring on Skeleton`));
    }
    const article = text((await httpRequest(server, "GET", "/wiki/Skeleton", { user: blocked })).text);
    expect(article).not.toContain('href="/wiki/Skeleton/edit"');
    expect(article).toContain('class="article no-edit-links"');
    // The same account, unblocked: the edit tab and section links are back, and no notice.
    await database.db.user.update({ where: { id: blocked.id }, data: { blockExpiresAt: new Date(Date.now() - 1000) } });
    const after = text((await httpRequest(server, "GET", "/wiki/Skeleton", { user: blocked })).text);
    expect(after).toContain('href="/wiki/Skeleton/edit"');
    expect(after).not.toContain("Your account is blocked");
  });

  it("answers a bad parameter or a missing article on each reader view with a page naming it", async () => {
    const cases: Array<[string, number, string]> = [
      [`/wiki/Skeleton/diff?from=${first}&to=${second}&mode=sideways`, 400, "mode must be inline or side-by-side"],
      ["/wiki/Skeleton/diff?to=1", 400, "from must be a whole number"],
      ["/wiki/Skeleton/history?cursor=x", 400, "cursor must be a whole number"],
      ["/wiki/Skeleton?oldid=2147483648", 400, "oldid must be a whole number"],
      [`/wiki/No_such_page/diff?from=${first}&to=${second}`, 404, "There is no article"],
    ];
    for (const [path, status, message] of cases) {
      const page = await httpRequest(server, "GET", path);
      expect(page.status, path).toBe(status);
      expect(page.text, path).toContain(message);
      expect(page.headers.get("cache-control"), path).toBe("no-store");
      for (const name of SECURITY_HEADERS) expect(page.headers.get(name), `${path}: ${name}`).toBeTruthy();
    }
  });

  it("answers JSON reads' refusals in the one error shape, never cacheable, with the security headers", async () => {
    const cases: Array<[string, number, string]> = [
      ["/api/proposals?status=nope", 400, "status must be one of"],
      ["/api/articles/Skeleton/revisions?cursor=x", 400, "cursor must be a whole number"],
      ["/api/articles/Skeleton/diff?from=1&to=x", 400, "to must be a whole number"],
      ["/api/proposals/1/diff?against=base&part=everything", 400, "Give either section"],
      ["/api/articles/Skeleton/revisions/2147483647", 404, ""],
    ];
    for (const [path, status, message] of cases) {
      const response = await httpRequest(server, "GET", path);
      expect(response.status, path).toBe(status);
      expect(response.body.error.code, path).toBe(status === 400 ? "bad_request" : "not_found");
      expect(response.body.error.message, path).toContain(message);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
      for (const name of SECURITY_HEADERS) expect(response.headers.get(name), `${path}: ${name}`).toBeTruthy();
    }
    const revision = await httpRequest(server, "GET", `/api/articles/Skeleton/revisions/${first}`);
    expect(revision.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const health = await httpRequest(server, "GET", "/api/health");
    expect([health.status, health.body, health.headers.get("cache-control")]).toEqual([200, { ok: true }, "no-store"]);
  });
});
