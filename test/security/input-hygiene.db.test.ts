import { request as httpRequestRaw } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticleRevision } from "../../lib/articles/read-article";
import { saveRevision } from "../../lib/articles/save-revision";
import { docFromMarkup } from "../../lib/document/markup";
import { submitProposal } from "../../lib/proposals/submit-proposal";
import { loadActor } from "../../lib/users/load-actor";
import { useTestDatabase } from "../db";
import { makeUser, type TestUser } from "../factories";
import { httpRequest, startAppServer, type AppServer } from "../server";

/*
 * Odd input from the attacker's side, against the real server: ids beyond
 * PostgreSQL's integer range on every kind of route, lone UTF-16 surrogates
 * in a JSON body, malformed %-escapes, a foreign Host header (DNS
 * rebinding), and the security headers of every error response, 500s
 * included. None of it may answer 500 or be served without the headers.
 */

const ctx = useTestDatabase();
let server: AppServer;
let admin: TestUser;
let author: TestUser;
let headId: number;
const TOO_BIG = ["2147483648", "3000000000", "9999999999", "99999999999"];
const SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"];

const lead = (text: string) => [{ id: "lead", title: "", level: 0 as const, body: docFromMarkup(text) }];

beforeAll(async () => {
  server = await startAppServer({ databaseUrl: ctx.url, env: { WIKI_RATE_LIMITS: "off" } });
  admin = await makeUser(ctx.db, { name: "hygiene_admin", role: "admin" });
  author = await makeUser(ctx.db, { name: "hygiene_author" });
  headId = (
    await saveRevision({
      db: ctx.db,
      slug: "Hygiene",
      baseRevisionId: null,
      content: { title: "Hygiene", infobox: null, sections: lead("First."), references: [] },
      authorId: admin.id,
    })
  ).revisionId;
  const view = await readArticleRevision({ db: ctx.db, slug: "Hygiene" });
  const article = await ctx.db.article.findUniqueOrThrow({ where: { slug: "Hygiene" } });
  await submitProposal({
    db: ctx.db,
    actor: await loadActor(ctx.db, author.id),
    articleId: article.id,
    baseRevisionId: headId,
    base: view.content,
    content: { ...view.content, sections: lead("Proposed.") },
    summary: "p",
    rationale: "",
  });
});
afterAll(async () => server?.stop());

/** A request with a Host header of our choosing (fetch cannot set Host). */
function rawRequest(options: {
  method?: string;
  path: string;
  host: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequestRaw(
      {
        host: "127.0.0.1",
        port: server.port,
        method: options.method ?? "GET",
        path: options.path,
        headers: { host: options.host, ...options.headers },
        setHost: false,
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

const expectSecurityHeaders = (headers: Headers, what: string) => {
  for (const name of SECURITY_HEADERS) expect(headers.get(name), `${what}: ${name}`).toBeTruthy();
};

describe("ids beyond PostgreSQL's integer range", () => {
  it("JSON reads answer 400 naming the parameter", async () => {
    for (const big of TOO_BIG) {
      const cases: Array<[string, string]> = [
        [`/api/proposals/${big}`, "proposal id"],
        [`/api/articles/Hygiene/revisions/${big}`, "revision id"],
        [`/api/articles/Hygiene/revisions?cursor=${big}`, "cursor"],
        [`/api/articles/Hygiene/diff?from=1&to=${big}`, "to"],
        [`/api/articles/Hygiene/diff?from=${big}`, "from"],
      ];
      for (const [path, name] of cases) {
        const response = await httpRequest(server, "GET", path);
        expect(response.status, path).toBe(400);
        expect(response.body.error.message, path).toContain(name);
      }
    }
  });

  it("reader pages answer a 400 page naming the parameter, other pages 404 or their own message", async () => {
    for (const big of TOO_BIG) {
      for (const [path, name] of [
        [`/wiki/Hygiene?oldid=${big}`, "oldid"],
        [`/wiki/Hygiene/diff?from=1&to=${big}`, "to"],
        [`/wiki/Hygiene/history?cursor=${big}`, "cursor"],
      ]) {
        const response = await httpRequest(server, "GET", path);
        expect(response.status, path).toBe(400);
        expect(response.text, path).toContain(name);
        expectSecurityHeaders(response.headers, path);
      }
      expect((await httpRequest(server, "GET", `/proposals/${big}`)).status).toBe(404);
      const revert = await httpRequest(server, "GET", `/wiki/Hygiene/revert?revision=${big}`, { user: admin });
      expect(revert.status).toBe(200);
      expect(revert.text).toContain("Choose a revision from the history.");
      expect((await httpRequest(server, "GET", `/wiki/Hygiene/edit?proposal=${big}`, { user: admin })).status).toBe(
        200,
      );
    }
  });

  it("mutations answer 400 naming the path parameter or the body field, and change nothing", async () => {
    const revisions = await ctx.db.revision.count();
    for (const big of TOO_BIG) {
      for (const [action, body] of [
        ["approve", { version: 1 }],
        ["reject", { reason: "no", version: 1 }],
        ["request-changes", { comment: "more", version: 1 }],
        ["comments", { body: "hi" }],
        ["withdraw", {}],
        [
          "versions",
          { baseRevisionId: headId, content: { title: "Hygiene", infobox: null, sections: lead("x"), references: [] } },
        ],
      ] as const) {
        const response = await httpRequest(server, "POST", `/api/proposals/${big}/${action}`, { user: admin, body });
        expect(response.status, action).toBe(400);
        expect(response.body.error.message, action).toContain("proposal id");
      }
      const edit = await httpRequest(server, "POST", "/api/articles/Hygiene/edits", {
        user: admin,
        body: { baseRevisionId: Number(big), summary: "x", sectionEdit: { sectionId: "lead", sections: lead("x") } },
      });
      expect(edit.status).toBe(400);
      expect(edit.body.error.message).toContain("baseRevisionId");
      const revert = await httpRequest(server, "POST", "/api/articles/Hygiene/revert", {
        user: admin,
        body: { revisionId: Number(big), mode: "undo" },
      });
      expect(revert.status).toBe(400);
      expect(revert.body.error.message).toContain("revisionId");
    }
    expect(await ctx.db.revision.count()).toBe(revisions);
  });
});

describe("ill-formed Unicode", () => {
  it("refuses a lone surrogate anywhere in a JSON body with 400 naming the path", async () => {
    const revisions = await ctx.db.revision.count();
    for (const text of ["\ud800", "a\udfffb", "\udc00\ud800"]) {
      const edit = await httpRequest(server, "POST", "/api/articles/Hygiene/edits", {
        user: admin,
        body: {
          baseRevisionId: headId,
          summary: "x",
          sectionEdit: { sectionId: "lead", sections: lead(`Text ${text}.`) },
        },
      });
      expect(edit.status).toBe(400);
      expect(edit.body.error.message).toMatch(
        /^Invalid request: sectionEdit\.sections\.0\.body\.content\.0\.content\.0\.text: .*surrogate/,
      );
      const summary = await httpRequest(server, "POST", "/api/articles/Hygiene/edits", {
        user: admin,
        body: { baseRevisionId: headId, summary: text, sectionEdit: { sectionId: "lead", sections: lead("Fine.") } },
      });
      expect(summary.status).toBe(400);
      expect(summary.body.error.message).toContain("summary");
      const created = await httpRequest(server, "POST", "/api/articles/New/edits", {
        user: admin,
        body: {
          baseRevisionId: null,
          title: `New${text}`,
          content: { title: "x", infobox: null, sections: lead("x"), references: [] },
        },
      });
      expect(created.status).toBe(400);
      expect(created.body.error.message).toContain("title");
    }
    // A well-formed astral character (a surrogate pair) is text like any other.
    const emoji = await httpRequest(server, "POST", "/api/articles/Hygiene/edits", {
      user: admin,
      body: { baseRevisionId: headId, summary: "😀", sectionEdit: { sectionId: "lead", sections: lead("Smile 😀.") } },
    });
    expect(emoji.status).toBe(201);
    headId = emoji.body.revision.id;
    expect(await ctx.db.revision.count()).toBe(revisions + 1);
  });

  it("answers a malformed %-escape in the path with 400 and the security headers", async () => {
    for (const path of [
      "/wiki/%E0%A4%A",
      "/wiki/%ED%A0%80",
      "/wiki/%ED%A0%80/history",
      "/api/articles/%E0%A4%A",
      "/proposals/%E0",
    ]) {
      const response = await httpRequest(server, "GET", path);
      expect(response.status, path).toBe(400);
      expectSecurityHeaders(response.headers, path);
    }
  });

  it("reads a lone surrogate or a broken escape in a query as text, never failing", async () => {
    for (const query of ["%ED%A0%80", "%E0%A4%A", "%ud800", "%00"]) {
      for (const path of [
        `/search?q=${query}`,
        `/review?author=${query}&article=${query}`,
        `/api/proposals?author=${query}&article=${query}`,
        `/wiki/Hygiene?oldid=${query}`,
        `/api/articles/Hygiene/revisions?cursor=${query}`,
      ]) {
        const response = await httpRequest(server, "GET", path);
        expect(response.status, path).toBeLessThan(500);
        expectSecurityHeaders(response.headers, path);
      }
      expect((await httpRequest(server, "GET", `/admin/users?q=${query}`, { user: admin })).status).toBeLessThan(500);
    }
    const nul = await httpRequest(server, "GET", "/search?q=a%00b");
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toContain('"q"');
    expect((await httpRequest(server, "GET", "/user/a%00b")).status).toBe(400);
  });
});

describe("the Host header (DNS rebinding)", () => {
  const foreign = () => `rebind.example:${server.port}`;

  it("refuses a read for a host name that is not the site's, with 421", async () => {
    for (const path of ["/", "/wiki/Hygiene", "/api/articles/Hygiene", "/wiki/Hygiene/history"]) {
      const response = await rawRequest({ path, host: foreign() });
      expect(response.status, path).toBe(421);
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
    }
    // The loopback name the test server was not configured with is another host too.
    expect((await rawRequest({ path: "/", host: `localhost:${server.port}` })).status).toBe(421);
    expect((await rawRequest({ path: "/", host: `127.0.0.1:${server.port}` })).status).toBe(200);
    // Load balancers probe by address.
    expect((await rawRequest({ path: "/api/health", host: "10.0.0.7:8080" })).status).toBe(200);
  });

  it("refuses a mutation whose Origin matches its foreign Host, and changes nothing", async () => {
    const revisions = await ctx.db.revision.count();
    const { sessionCookieFor } = await import("../../lib/auth/session");
    const response = await rawRequest({
      method: "POST",
      path: "/api/articles/Hygiene/edits",
      host: foreign(),
      headers: {
        origin: `http://${foreign()}`,
        "content-type": "application/json",
        cookie: await sessionCookieFor(admin),
      },
      body: JSON.stringify({
        baseRevisionId: headId,
        summary: "rebound",
        sectionEdit: { sectionId: "lead", sections: lead("Rebound.") },
      }),
    });
    // 421 from the server's Host check; mutation()'s own origin check (403) stands behind it.
    expect([421, 403]).toContain(response.status);
    expect(await ctx.db.revision.count()).toBe(revisions);
  });
});

describe("error responses carry the security headers", () => {
  it("and pages with Next's scripts keep one policy, with their nonce", async () => {
    for (const path of ["/login", "/register", "/"]) {
      const response = await httpRequest(server, "GET", path);
      expect(response.status, path).toBe(200);
      const policy = response.headers.get("content-security-policy")!;
      expect(policy, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(policy, path).not.toContain("script-src 'none'");
    }
  });

  it("on Next's own 404 page", async () => {
    for (const path of [
      "/no/such/page",
      "/_next/static/no-such-file.js",
      "/_next/image?url=%2Fnope.png&w=64&q=75",
      "/wiki/A/b/c",
    ]) {
      const response = await httpRequest(server, "GET", path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expectSecurityHeaders(response.headers, path);
    }
  });

  it("on 500s of pages, reader views and the JSON API", async () => {
    // An unexpected failure of every route that reads an article: the table is gone.
    await ctx.db.$executeRawUnsafe(`ALTER TABLE "Article" RENAME TO "ArticleGone"`);
    try {
      for (const path of [
        "/wiki/Hygiene",
        "/wiki/Hygiene/history",
        `/wiki/Hygiene/diff?from=${headId}`,
        "/api/articles/Hygiene",
        "/wiki/Hygiene/edit",
      ]) {
        const response = await httpRequest(server, "GET", path, path.endsWith("/edit") ? { user: admin } : {});
        expect(response.status, path).toBe(500);
        expectSecurityHeaders(response.headers, path);
        expect(response.text, path).not.toContain("ArticleGone");
      }
    } finally {
      await ctx.db.$executeRawUnsafe(`ALTER TABLE "ArticleGone" RENAME TO "Article"`);
    }
  });
});
