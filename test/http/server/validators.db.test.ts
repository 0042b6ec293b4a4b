import { request as httpGet } from "node:http";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../../lib/articles/save-revision";
import { sessionCookieFor } from "../../../lib/auth/session";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent } from "../../../lib/document/model";
import { useTestDatabase } from "../../db";
import { makeUser } from "../../factories";
import { startAppServer, type AppServer } from "../../server";

// Validators of the reader views (lib/views/validators.ts): an ETag on the article, history and diff pages,
// If-None-Match answered 304 (before Next for a signed-out current article), and Brotli on the cached path.

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A GET whose body is returned as sent (fetch would decompress it and hide a 304's body). */
function rawGet(server: AppServer, path: string, headers: Record<string, string> = {}): Promise<Raw> {
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

const content = (title: string, lead: string): ArticleContent => ({
  title,
  infobox: null,
  sections: [
    { id: "lead", title: "", level: 0, body: docFromMarkup(lead) },
    { id: "s1", title: "Background", level: 2, body: docFromMarkup("Text that stays.[[ref:a]]") },
  ],
  references: [{ key: "a", title: "A source", url: "https://example.org/a" }],
});

/** Asserts a 304 as RFC 9110 §15.4.5 has it: no body, the validator and cache headers, nothing describing a body. */
function expectNotModified(response: Raw, etag: string) {
  expect(response.status).toBe(304);
  expect(response.body.byteLength).toBe(0);
  expect(response.headers.etag).toBe(etag);
  expect(response.headers["cache-control"]).toBeDefined();
  expect(response.headers["content-type"]).toBeUndefined();
  expect(response.headers["content-encoding"]).toBeUndefined();
  expect(response.headers["content-length"]).toBeUndefined();
}

describe("validators of reader views", () => {
  const database = useTestDatabase();
  let server: AppServer;
  let author: { id: number; name: string };
  const slug = "Validated";
  let head = 0;
  const ids: number[] = [];

  async function save(lead: string) {
    const saved = await saveRevision({
      db: database.db,
      slug,
      baseRevisionId: head || null,
      content: content("Validated", lead),
      authorId: author.id,
      summary: lead.slice(0, 30),
    });
    head = saved.revisionId;
    ids.push(head);
  }

  /** A view that fills the reader-page cache, then one from the fast path: the tag both agree on. */
  async function currentTag(headers: Record<string, string> = {}) {
    const first = await rawGet(server, `/wiki/${slug}`, headers);
    const second = await rawGet(server, `/wiki/${slug}`, headers);
    expect(second.headers["x-cache"]).toBe("hit");
    expect(second.headers.etag).toBe(first.headers.etag);
    return second;
  }

  beforeAll(async () => {
    author = await makeUser(database.db, { name: "Validator", role: "autoconfirmed" });
    await save("First version, linking to [[wiki:Not yet written]].");
    await save("Second version, linking to [[wiki:Not yet written]].");
    server = await startAppServer({ databaseUrl: database.url });
  });
  afterAll(async () => server?.stop());

  it("answers a revalidation of the current article with 304 before Next, and no stale 304 after a save", async () => {
    const page = await currentTag();
    const etag = String(page.headers.etag);
    expect(etag).toMatch(/^"k[A-Za-z0-9_-]+"$/);
    expect(page.headers["cache-control"]).toBe("no-cache");
    const revalidated = await rawGet(server, `/wiki/${slug}`, { "if-none-match": etag });
    expectNotModified(revalidated, etag);
    expect(revalidated.headers["x-cache"]).toBe("hit");
    expect(revalidated.headers["cache-control"]).toBe("no-cache");

    await save("Third version, linking to [[wiki:Not yet written]].");
    const after = await rawGet(server, `/wiki/${slug}`, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.body.toString("utf8")).toContain("Third version");
    expect(after.headers.etag).not.toBe(etag);
    // The route (a miss) and the fast path give the new page the same tag, and revalidate it.
    const newTag = String(after.headers.etag);
    expect((await currentTag()).headers.etag).toBe(newTag);
    expectNotModified(await rawGet(server, `/wiki/${slug}`, { "if-none-match": newTag }), newTag);
  });

  it("gives a page's first view (from the route) the tag the fast path revalidates, stale after the next save", async () => {
    await save("Fourth version, linking to [[wiki:Not yet written]].");
    const fromRoute = await rawGet(server, `/wiki/${slug}`);
    expect(fromRoute.headers["x-cache"]).toBeUndefined();
    const etag = String(fromRoute.headers.etag);
    const revalidated = await rawGet(server, `/wiki/${slug}`, { "if-none-match": etag });
    expectNotModified(revalidated, etag);
    expect(revalidated.headers["x-cache"]).toBe("hit");
    await save("Fifth version, linking to [[wiki:Not yet written]].");
    expect((await rawGet(server, `/wiki/${slug}`, { "if-none-match": etag })).status).toBe(200);
  });

  it("changes the tag when the protection changes", async () => {
    const etag = String((await currentTag()).headers.etag);
    await database.db.article.update({
      where: { slug },
      data: { protectionLevel: "semi", protectionReason: "Vandalism" },
    });
    const after = await rawGet(server, `/wiki/${slug}`, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    const reasonOnly = String(after.headers.etag);
    await database.db.article.update({ where: { slug }, data: { protectionReason: "Edit warring" } });
    expect((await rawGet(server, `/wiki/${slug}`, { "if-none-match": reasonOnly })).status).toBe(200);
  });

  it("changes the tag when a linked title is created (its link turns from red to blue)", async () => {
    const before = await currentTag();
    const etag = String(before.headers.etag);
    expect(before.body.toString("utf8")).toContain('class="new"');
    await saveRevision({
      db: database.db,
      slug: "Not_yet_written",
      baseRevisionId: null,
      content: content("Not yet written", "Now it is."),
      authorId: author.id,
    });
    const after = await rawGet(server, `/wiki/${slug}`, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.body.toString("utf8")).not.toContain('class="new"');
    expect(after.headers.etag).not.toBe(etag);
  });

  it("handles weak tags, lists, * and malformed fields as RFC 9110 has them", async () => {
    const etag = String((await currentTag()).headers.etag);
    expect((await rawGet(server, `/wiki/${slug}`, { "if-none-match": `W/${etag}` })).status).toBe(304);
    expect((await rawGet(server, `/wiki/${slug}`, { "if-none-match": `"other", ${etag}` })).status).toBe(304);
    expect((await rawGet(server, `/wiki/${slug}`, { "if-none-match": "*" })).status).toBe(304);
    expect((await rawGet(server, `/wiki/${slug}`, { "if-none-match": `"other"` })).status).toBe(200);
    expect((await rawGet(server, `/wiki/${slug}`, { "if-none-match": etag.slice(1, -1) })).status).toBe(200);
    // "*" never hides a missing page: an article that does not exist, or a revision of another article.
    expect((await rawGet(server, "/wiki/No_such_article", { "if-none-match": "*" })).status).toBe(404);
    const other = await saveRevision({
      db: database.db,
      slug: "Someone_else",
      baseRevisionId: null,
      content: content("Someone else", "Other."),
      authorId: author.id,
    });
    expect((await rawGet(server, `/wiki/${slug}?oldid=${other.revisionId}`, { "if-none-match": "*" })).status).toBe(
      404,
    );
  });

  it("tags history and diff pages, whose 304 comes from the route", async () => {
    for (const path of [
      `/wiki/${slug}/history`,
      `/wiki/${slug}/diff?from=${ids[0]}&to=${ids[1]}`,
      `/wiki/${slug}/diff?from=${ids[0]}`,
      `/wiki/${slug}?oldid=${ids[0]}`,
    ]) {
      const page = await rawGet(server, path);
      expect(page.status, path).toBe(200);
      const etag = String(page.headers.etag);
      expect(etag, path).toMatch(/^"[kd][A-Za-z0-9_-]+"$/);
      const revalidated = await rawGet(server, path, { "if-none-match": etag });
      expectNotModified(revalidated, etag);
    }
    // History names the current revision: a save is a new page.
    const history = String((await rawGet(server, `/wiki/${slug}/history`)).headers.etag);
    await save("Sixth version, linking to [[wiki:Not yet written]].");
    expect((await rawGet(server, `/wiki/${slug}/history`, { "if-none-match": history })).status).toBe(200);
  });

  it("gives a signed-in reader's page a digest of its own bytes, never the signed-out tag", async () => {
    const reader = await makeUser(database.db, { name: "Signed_reader", role: "user" });
    const cookie = await sessionCookieFor(reader);
    const signedOut = String((await currentTag()).headers.etag);
    const mine = await rawGet(server, `/wiki/${slug}`, { cookie, "if-none-match": signedOut });
    expect(mine.status).toBe(200);
    expect(mine.headers["cache-control"]).toBe("private, no-cache");
    const etag = String(mine.headers.etag);
    expect(etag).toMatch(/^"d/);
    expectNotModified(await rawGet(server, `/wiki/${slug}`, { cookie, "if-none-match": etag }), etag);
    // What the page shows of its reader changes it: their own talk mention would change the header's count;
    // here, watching the article turns the star.
    await database.db.watch.create({
      data: { userId: reader.id, articleId: (await database.db.article.findUniqueOrThrow({ where: { slug } })).id },
    });
    expect((await rawGet(server, `/wiki/${slug}`, { cookie, "if-none-match": etag })).status).toBe(200);
    // Signed out again, the signed-in tag never matches.
    expect((await rawGet(server, `/wiki/${slug}`, { "if-none-match": etag })).status).toBe(200);
  });

  it("serves Brotli to a client that takes it, compressed once, under a tag of its own", async () => {
    const plain = await currentTag();
    const accept = { "accept-encoding": "gzip, deflate, br" };
    // No request waits for Brotli: the first asks for it to be made and goes out gzipped meanwhile.
    const first = await rawGet(server, `/wiki/${slug}`, accept);
    expect([first.headers["x-cache"], first.headers["content-encoding"]]).toEqual(["hit", "gzip"]);
    let br = first;
    for (let i = 0; i < 100 && br.headers["content-encoding"] !== "br"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      br = await rawGet(server, `/wiki/${slug}`, accept);
    }
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.headers.etag).toBe(`${String(plain.headers.etag).slice(0, -1)}-br"`);
    const gzip = await rawGet(server, `/wiki/${slug}`, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(br.body.byteLength).toBeLessThan(gzip.body.byteLength);
    const brTag = String(br.headers.etag);
    const revalidated = await rawGet(server, `/wiki/${slug}`, { "accept-encoding": "br", "if-none-match": brTag });
    expectNotModified(revalidated, brTag);
    expect(revalidated.headers.vary).toBe("Accept-Encoding");
    // A tag of another coding is another representation: the page, in the coding asked for.
    const other = await rawGet(server, `/wiki/${slug}`, {
      "accept-encoding": "br",
      "if-none-match": String(gzip.headers.etag),
    });
    expect([other.status, other.headers["content-encoding"]]).toEqual([200, "br"]);
  });
});
