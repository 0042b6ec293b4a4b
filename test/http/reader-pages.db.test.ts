import { request as httpGet } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../lib/articles/save-revision";
import { docFromMarkup } from "../../lib/document/markup";
import type { ArticleContent } from "../../lib/document/model";
import { useTestDatabase } from "../db";
import { createUser } from "../factories";
import { httpRequest, startAppServer, type AppServer } from "../server";

/** A GET whose body is returned as sent (fetch would decompress it). */
function rawGet(server: AppServer, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(`${server.url}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
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
    author = await createUser(database.db, { name: "Cacher", ageDays: 100, editCount: 100 });
    let base: number | null = null;
    for (let i = 0; i < 55; i++) {
      const saved = await saveRevision({ db: database.db, slug: "Cached_pages", baseRevisionId: base, content: contentAt(i), authorId: author.id, summary: `edit ${i}` });
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
      const compressed = await rawGet(server, "/wiki/Cached_pages", { "accept-encoding": "gzip, deflate, br" });
      expect(compressed.headers["content-encoding"]).toBe("gzip");
      expect(String(compressed.headers["content-security-policy"])).toContain("script-src 'none'");
      expect(gunzipSync(compressed.body).equals(plain.body)).toBe(true);
    }
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

    const saved = await saveRevision({ db: database.db, slug: "Cached_pages", baseRevisionId: ids[54], content: contentAt(55), authorId: author.id, summary: "edit 55" });
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
    const answers = await Promise.all(Array.from({ length: 6 }, () => httpRequest(server, "GET", path)));
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
