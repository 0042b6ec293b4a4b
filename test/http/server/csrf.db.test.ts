import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieFor } from "../../../lib/auth/session";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import { submitProposal } from "../../../lib/proposals/submit-proposal";
import { startThread } from "../../../lib/review-threads/start-thread";
import { startTopic } from "../../../lib/talk/start-topic";
import { readArticleRevision } from "../../../lib/articles/read-article";
import { loadActor } from "../../../lib/users/load-actor";
import { sourceIdOf } from "../../../lib/sources/identity";
import { registerUser } from "../../../lib/users/register-user";
import { snapshotAllRows, useTestDatabase } from "../../db";
import { makeUser, type TestUser } from "../../factories";
import { httpRequest, startAppServer, type AppServer } from "../../server";

/*
 * Cross-site request forgery, through HTTP against the real server: every
 * mutating route refuses a cross-site Origin, `Origin: null` and a missing
 * Origin with 403 even for a signed-in user who may do it, and a same-origin
 * request without a session gets its exact status; no row changes on any
 * refusal. The list of routes is checked against the app/api tree, so a new
 * mutating route without a case here fails the test.
 */

const ctx = useTestDatabase();
let server: AppServer;
let admin: TestUser;
let author: TestUser;
let proposalId: number;
let threadId: number;
let talk: { topicId: number; postId: number };
let firstRevisionId: number;
const PASSWORD = "csrf-test-password-unusual";

beforeAll(async () => {
  server = await startAppServer({ databaseUrl: ctx.url, env: { WIKI_RATE_LIMITS: "off" } });
  admin = await makeUser(ctx.db, { name: "csrf_admin", role: "admin" });
  author = await makeUser(ctx.db, { name: "csrf_author" });
  const target = await makeUser(ctx.db, { name: "csrf_target", role: "autoconfirmed" });
  await ctx.db.userGroup.create({ data: { userId: target.id, group: "extendedconfirmed" } });
  await registerUser({ db: ctx.db, name: "csrf_signin", password: PASSWORD });
  const lead = (text: string) => [{ id: "lead", title: "", level: 0 as const, body: docFromMarkup(text) }];
  firstRevisionId = (
    await saveRevision({
      db: ctx.db,
      slug: "Csrf",
      baseRevisionId: null,
      content: { title: "Csrf", infobox: null, sections: lead("First."), references: [] },
      authorId: admin.id,
    })
  ).revisionId;
  await saveRevision({
    db: ctx.db,
    slug: "Csrf",
    baseRevisionId: firstRevisionId,
    content: { title: "Csrf", infobox: null, sections: lead("Second."), references: [] },
    authorId: admin.id,
  });
  const view = await readArticleRevision({ db: ctx.db, slug: "Csrf" });
  const article = await ctx.db.article.findUniqueOrThrow({ where: { slug: "Csrf" } });
  ({ proposalId } = await submitProposal({
    db: ctx.db,
    actor: await loadActor(ctx.db, author.id),
    articleId: article.id,
    baseRevisionId: article.currentRevisionId!,
    base: view.content,
    content: { ...view.content, sections: lead("Proposed.") },
    summary: "csrf proposal",
    rationale: "",
  }));
  ({ id: threadId } = await startThread({
    db: ctx.db,
    actor: await loadActor(ctx.db, admin.id),
    proposalId,
    request: {
      version: 1,
      anchor: { kind: "block", sectionId: "lead", blockIndex: 0 },
      body: "Say it better.",
      suggestion: "Better.",
    },
  }));
  const topic = await startTopic({
    db: ctx.db,
    actor: await loadActor(ctx.db, author.id),
    slug: "Csrf",
    request: { title: "Csrf topic", body: "Discuss." },
  });
  talk = { topicId: topic.topic.id, postId: topic.post.id };
});
afterAll(async () => server?.stop());

const headRevision = async () =>
  (await ctx.db.article.findUniqueOrThrow({ where: { slug: "Csrf" } })).currentRevisionId!;
const sectionEdit = async () => ({
  baseRevisionId: await headRevision(),
  summary: "csrf",
  sectionEdit: { sectionId: "lead", sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("Forged.") }] },
});

interface CsrfCase {
  /** "METHOD /api/template/[param]" as the file tree names it */
  route: string;
  path: () => string;
  body: () => unknown;
  /** a user who would be allowed to do it, so only the origin check stands in the way */
  as: () => TestUser;
  /** the exact status of a same-origin request without a session */
  withoutSession: number;
  /** a no-script form route: the body sent as this urlencoded form instead of JSON */
  form?: string;
  /** a route whose body is a document (a MediaWiki XML dump): sent as is, with its content type */
  raw?: { contentType: string; text: string };
}

/** A source id (lib/sources/identity.ts) for the fix-once routes: the origin and session checks come before it is read. */
const CSRF_SOURCE = sourceIdOf("url:example.org/csrf");

const CASES: CsrfCase[] = [
  {
    route: "POST /api/import/dump",
    path: () => "/api/import/dump",
    body: () => null,
    raw: {
      contentType: "application/xml",
      text: `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/"><page><title>Forged dump</title><ns>0</ns><revision><timestamp>2024-01-01T00:00:00Z</timestamp><contributor><username>Mallory</username></contributor><text>Forged.</text></revision></page></mediawiki>`,
    },
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/import",
    path: () => "/api/import",
    body: () => ({ title: "Forged import", wikitext: "Forged text." }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/articles/[slug]/talk",
    path: () => "/api/articles/Csrf/talk",
    body: () => ({ title: "Forged topic", body: "Forged." }),
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "POST /api/articles/[slug]/talk/topics/[topicId]/replies",
    path: () => `/api/articles/Csrf/talk/topics/${talk.topicId}/replies`,
    body: () => ({ parentId: talk.postId, body: "Forged reply." }),
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "POST /api/articles/[slug]/talk/posts/[postId]/hide",
    path: () => `/api/articles/Csrf/talk/posts/${talk.postId}/hide`,
    body: () => ({ hidden: true }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/articles/[slug]/edits",
    path: () => "/api/articles/Csrf/edits",
    body: sectionEdit,
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "PUT /api/articles/[slug]/protection",
    path: () => "/api/articles/Csrf/protection",
    body: () => ({ level: "full", reason: "csrf" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "PUT /api/articles/[slug]/pending-changes",
    path: () => "/api/articles/Csrf/pending-changes",
    body: () => ({ enabled: true, reason: "csrf" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/articles/[slug]/pending-changes/accept",
    path: () => "/api/articles/Csrf/pending-changes/accept",
    body: () => ({ revisionId: firstRevisionId }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/articles/[slug]/rollback",
    path: () => "/api/articles/Csrf/rollback",
    body: async () => ({ expectedHeadId: await headRevision() }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/articles/[slug]/revisions/[id]/patrol",
    path: () => `/api/articles/Csrf/revisions/${firstRevisionId}/patrol`,
    body: () => ({}),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/articles/[slug]/revert",
    path: () => "/api/articles/Csrf/revert",
    body: () => ({ revisionId: firstRevisionId, mode: "restore", reason: "csrf" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/proposals/[id]/approve",
    path: () => `/api/proposals/${proposalId}/approve`,
    body: () => ({ version: 1, comment: "ok" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/proposals/[id]/reject",
    path: () => `/api/proposals/${proposalId}/reject`,
    body: () => ({ version: 1, reason: "no" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/proposals/[id]/request-changes",
    path: () => `/api/proposals/${proposalId}/request-changes`,
    body: () => ({ version: 1, comment: "more" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/proposals/[id]/comments",
    path: () => `/api/proposals/${proposalId}/comments`,
    body: () => ({ body: "forged comment" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/proposals/[id]/versions",
    path: () => `/api/proposals/${proposalId}/versions`,
    body: sectionEdit,
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "POST /api/proposals/[id]/amendments",
    path: () => `/api/proposals/${proposalId}/amendments`,
    body: async () => ({ version: 1, edit: await sectionEdit() }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/proposals/[id]/threads",
    path: () => `/api/proposals/${proposalId}/threads`,
    body: () => ({ version: 1, anchor: { kind: "block", sectionId: "lead", blockIndex: 0 }, body: "forged" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/proposals/[id]/threads/[threadId]/comments",
    path: () => `/api/proposals/${proposalId}/threads/${threadId}/comments`,
    body: () => ({ body: "forged reply" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/proposals/[id]/threads/[threadId]/resolve",
    path: () => `/api/proposals/${proposalId}/threads/${threadId}/resolve`,
    body: () => ({ body: "forged" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/proposals/[id]/threads/[threadId]/reopen",
    path: () => `/api/proposals/${proposalId}/threads/${threadId}/reopen`,
    body: () => ({ body: "forged" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/proposals/[id]/threads/[threadId]/apply",
    path: () => `/api/proposals/${proposalId}/threads/${threadId}/apply`,
    body: () => ({ version: 1 }),
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "POST /api/proposals/[id]/withdraw",
    path: () => `/api/proposals/${proposalId}/withdraw`,
    body: () => ({}),
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "PUT /api/review-requirements",
    path: () => "/api/review-requirements",
    body: () => ({ level: "semi", approvals: 1, reason: "csrf" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/citations/from-url",
    path: () => "/api/citations/from-url",
    body: () => ({ url: "https://example.com/" }),
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "PUT /api/sources/reliability",
    path: () => "/api/sources/reliability",
    body: () => ({ domain: "csrf.example", status: "blacklisted", reason: "csrf" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/sources/[id]/fix",
    path: () => `/api/sources/${CSRF_SOURCE}/fix`,
    body: () => ({ title: "Forged title" }),
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "PUT /api/users/[name]/block",
    path: () => "/api/users/csrf_target/block",
    body: () => ({ reason: "csrf" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "DELETE /api/users/[name]/block",
    path: () => "/api/users/csrf_target/block",
    body: () => ({ reason: "csrf" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/users/[name]/groups",
    path: () => "/api/users/csrf_target/groups",
    body: () => ({ group: "reviewer", reason: "csrf" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "DELETE /api/users/[name]/groups/[group]",
    path: () => "/api/users/csrf_target/groups/extendedconfirmed",
    body: () => ({ reason: "csrf" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/account/password",
    path: () => "/api/account/password",
    body: () => ({ currentPassword: "whatever it is", newPassword: "a forged new passphrase" }),
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "POST /api/account/sign-out-everywhere",
    path: () => "/api/account/sign-out-everywhere",
    body: () => ({}),
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "PUT /api/articles/[slug]/watch",
    path: () => "/api/articles/Csrf/watch",
    body: () => ({ expiry: "1week" }),
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "DELETE /api/articles/[slug]/watch",
    path: () => "/api/articles/Csrf/watch",
    body: () => ({}),
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "POST /api/articles/[slug]/watch",
    path: () => "/api/articles/Csrf/watch",
    body: () => undefined,
    form: "watch=1&expiry=permanent",
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "POST /api/notifications/read",
    path: () => "/api/notifications/read",
    body: () => ({ all: true }),
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "PUT /api/notifications/preferences",
    path: () => "/api/notifications/preferences",
    body: () => ({ types: [{ type: "proposal_new", web: false, email: false }], email: "forged@example.org" }),
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "POST /api/notifications/feed-token",
    path: () => "/api/notifications/feed-token",
    body: () => ({}),
    as: () => author,
    withoutSession: 401,
  },
  {
    route: "POST /api/articles/[slug]/delete",
    path: () => "/api/articles/Csrf/delete",
    body: () => ({ reason: "forged deletion" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/articles/[slug]/restore",
    path: () => "/api/articles/Csrf/restore",
    body: () => ({ reason: "forged restoration" }),
    as: () => admin,
    withoutSession: 401,
  },
  {
    route: "POST /api/articles/[slug]/move",
    path: () => "/api/articles/Csrf/move",
    body: () => ({ title: "Csrf moved", reason: "forged move" }),
    as: () => admin,
    withoutSession: 401,
  },
  // Registration needs no session by design: a same-origin request without one creates the account (below).
  {
    route: "POST /api/users",
    path: () => "/api/users",
    body: () => ({ username: "csrf_newcomer", password: "another-unusual-password-7" }),
    as: () => admin,
    withoutSession: 201,
  },
];

/** next-auth's POST routes are one catch-all file; sign-in and sign-out are tested on their own below. */
const NEXT_AUTH_ROUTE = "POST /api/auth/[...nextauth]";
/** The footer's no-script theme form (a form body, so not a mutation()); forged on its own below. */
const THEME_ROUTE = "POST /api/preferences/theme";

/** Every exported mutating handler under app/api, as "METHOD /api/…". */
function mutatingRoutesInTree(): string[] {
  const root = path.join(process.cwd(), "app/api");
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) {
        const source = readFileSync(full, "utf8");
        const template = `/api/${path.relative(root, dir).split(path.sep).join("/")}`;
        const methods = new Set<string>();
        for (const match of source.matchAll(
          /export\s+(?:async\s+)?(?:const|function|let|var)\s+(POST|PUT|PATCH|DELETE)\b/g,
        ))
          methods.add(match[1]);
        for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
          for (const part of match[1].split(",")) {
            const name = part
              .trim()
              .split(/\s+as\s+/)
              .pop();
            if (name && ["POST", "PUT", "PATCH", "DELETE"].includes(name)) methods.add(name);
          }
        }
        for (const method of methods) found.push(`${method} ${template}`);
      }
    }
  };
  visit(root);
  return found.sort();
}

/** The request body of a case: JSON, or the urlencoded form of a no-script route. */
async function bodyOf(mutation: CsrfCase): Promise<{ body?: unknown; rawBody?: string }> {
  if (mutation.raw) return { rawBody: mutation.raw.text };
  return mutation.form !== undefined ? { rawBody: mutation.form } : { body: await mutation.body() };
}
const formContentType = (mutation: CsrfCase): Record<string, string> =>
  mutation.raw
    ? { "content-type": mutation.raw.contentType }
    : mutation.form !== undefined
      ? { "content-type": "application/x-www-form-urlencoded" }
      : {};

const ATTACKS: Array<[string, Record<string, string | null>]> = [
  ["a cross-site Origin", { origin: "https://evil.example" }],
  ["Origin: null", { origin: "null" }],
  ["no Origin", { origin: null }],
];

describe("CSRF: every mutation over HTTP", () => {
  it("covers every mutating route in app/api, and there are no server actions", () => {
    expect(mutatingRoutesInTree()).toEqual([...CASES.map((c) => c.route), NEXT_AUTH_ROUTE, THEME_ROUTE].sort());
    const serverActions: string[] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (/\.(ts|tsx)$/.test(entry.name) && /^\s*["']use server["']/m.test(readFileSync(full, "utf8")))
          serverActions.push(full);
      }
    };
    ["app", "components", "lib"].forEach((dir) => visit(path.join(process.cwd(), dir)));
    // A server action is a mutation this test does not reach: add it to the cases when one appears.
    expect(serverActions).toEqual([]);
  });

  for (const mutation of CASES) {
    it(`${mutation.route}: refuses forged requests with 403 and changes nothing`, async () => {
      for (const [what, headers] of ATTACKS) {
        const before = await snapshotAllRows(ctx.db);
        const response = await httpRequest(server, mutation.route.split(" ")[0], mutation.path(), {
          ...(await bodyOf(mutation)),
          user: mutation.as(),
          headers: { ...formContentType(mutation), ...headers },
        });
        expect(response.status, `${what}: ${response.text}`).toBe(403);
        expect(response.body.error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/^Refused/) });
        expect(await snapshotAllRows(ctx.db), `${what} changed rows`).toBe(before);
      }
      const before = await snapshotAllRows(ctx.db);
      const anonymous = await httpRequest(server, mutation.route.split(" ")[0], mutation.path(), {
        ...(await bodyOf(mutation)),
        user: null,
        headers: formContentType(mutation),
      });
      expect(anonymous.status, anonymous.text).toBe(mutation.withoutSession);
      if (mutation.withoutSession === 401) {
        expect(anonymous.body.error.code).toBe("unauthorized");
        expect(await snapshotAllRows(ctx.db)).toBe(before);
      } else {
        expect(await ctx.db.user.count({ where: { id: anonymous.body.user.id } })).toBe(1);
      }
    });
  }
});

describe("CSRF: the theme form", () => {
  const form = (headers: Record<string, string | null>) =>
    httpRequest(server, "POST", "/api/preferences/theme", {
      rawBody: "theme=dark",
      user: admin,
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    });

  it("refuses a forged switch with 403 and sets no cookie", async () => {
    for (const [what, headers] of ATTACKS) {
      const response = await form(headers);
      expect(response.status, `${what}: ${response.text}`).toBe(403);
      expect(response.body.error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/^Refused/) });
      expect(response.headers.getSetCookie(), what).toEqual([]);
    }
  });

  it("sets the cookie and goes back to the same-site page it came from, never elsewhere", async () => {
    const same = await form({ referer: `${server.url}/wiki/Csrf?x=1` });
    expect(same.status).toBe(303);
    expect(same.headers.get("location")).toBe("/wiki/Csrf?x=1");
    expect(same.headers.getSetCookie().join()).toMatch(/^wiki-theme=dark;/);
    const foreign = await form({ referer: "https://evil.example/phish" });
    expect(foreign.headers.get("location")).toBe("/");
    const bad = await httpRequest(server, "POST", "/api/preferences/theme", {
      rawBody: "theme=neon",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^theme:/);
  });
});

describe("CSRF: the talk page's no-script form", () => {
  const post = (headers: Record<string, string | null>, user: TestUser | null = author) =>
    httpRequest(server, "POST", "/wiki/Csrf/talk/post", {
      rawBody: new URLSearchParams({ title: "Forged by form", body: "Forged." }).toString(),
      user,
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    });

  it("refuses a forged form with 403 (an HTML page) and changes nothing", async () => {
    for (const [what, headers] of ATTACKS) {
      const before = await snapshotAllRows(ctx.db);
      const response = await post(headers);
      expect(response.status, `${what}: ${response.text}`).toBe(403);
      expect(response.text).toMatch(/Refused/);
      expect(await snapshotAllRows(ctx.db), `${what} changed rows`).toBe(before);
    }
  });

  it("refuses a same-origin form without a session (401) and a JSON body (415)", async () => {
    const before = await snapshotAllRows(ctx.db);
    expect((await post({}, null)).status).toBe(401);
    const json = await httpRequest(server, "POST", "/wiki/Csrf/talk/post", {
      body: { title: "JSON", body: "Not a form." },
      user: author,
    });
    expect(json.status).toBe(415);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });

  it("posts a same-origin form and redirects to the new post", async () => {
    const response = await post({});
    expect(response.status, response.text).toBe(303);
    expect(response.headers.get("location")).toMatch(/^\/wiki\/Csrf\/talk\?posted=\d+#post-\d+$/);
  });
});

describe("CSRF: the no-script fix-once form of a source", () => {
  it("refuses forged forms with 403 (an HTML page), a form without a session with 401, and changes nothing", async () => {
    const send = (headers: Record<string, string | null>, user: TestUser | null = author) =>
      httpRequest(server, "POST", `/sources/${CSRF_SOURCE}/fix`, {
        rawBody: "title=Forged+title",
        user,
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      });
    for (const [what, headers] of ATTACKS) {
      const before = await snapshotAllRows(ctx.db);
      const response = await send(headers);
      expect(response.status, `${what}: ${response.text.slice(0, 300)}`).toBe(403);
      expect(response.text).toMatch(/Refused/);
      expect(await snapshotAllRows(ctx.db), `${what} changed rows`).toBe(before);
    }
    const before = await snapshotAllRows(ctx.db);
    expect((await send({}, null)).status).toBe(401);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });
});

describe("CSRF: the administrators' no-script delete, restore and move forms", () => {
  const FORMS: Array<[string, string]> = [
    ["/wiki/Csrf/delete", "reason=forged+deletion"],
    ["/wiki/Csrf/restore", "reason=forged+restoration"],
    ["/wiki/Csrf/move", "title=Csrf+forged&reason=forged+move"],
  ];
  const send = (path: string, body: string, headers: Record<string, string | null>, user: TestUser | null = admin) =>
    httpRequest(server, "POST", path, {
      rawBody: body,
      user,
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    });

  it("refuses forged forms with 403 (an HTML page), a form without a session with 401, and changes nothing", async () => {
    for (const [path, body] of FORMS) {
      for (const [what, headers] of ATTACKS) {
        const before = await snapshotAllRows(ctx.db);
        const response = await send(path, body, headers);
        expect(response.status, `${path}, ${what}: ${response.text.slice(0, 300)}`).toBe(403);
        expect(response.text).toMatch(/Refused/);
        expect(await snapshotAllRows(ctx.db), `${path}, ${what} changed rows`).toBe(before);
      }
      const before = await snapshotAllRows(ctx.db);
      expect((await send(path, body, {}, null)).status, path).toBe(401);
      expect(await snapshotAllRows(ctx.db)).toBe(before);
    }
  });
});

describe("CSRF: next-auth sign-in and sign-out", () => {
  /** next-auth's double-submit token: the form field and the cookie it set. */
  async function csrfToken(): Promise<{ token: string; cookie: string }> {
    const response = await httpRequest(server, "GET", "/api/auth/csrf");
    const cookie = response.headers
      .getSetCookie()
      .map((value) => value.split(";")[0])
      .join("; ");
    return { token: response.body.csrfToken, cookie };
  }
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const formHeaders = (extra: Record<string, string | null>) => ({
    "content-type": "application/x-www-form-urlencoded",
    ...extra,
  });
  const sessionCookieSet = (headers: Headers) =>
    headers.getSetCookie().some((value) => /^(__Secure-)?next-auth\.session-token=[^;]+/.test(value));

  it("refuses a forged sign-in, even with a valid token and password, and without the token", async () => {
    for (const [what, headers] of ATTACKS) {
      const { token, cookie } = await csrfToken();
      const before = await snapshotAllRows(ctx.db);
      const response = await httpRequest(server, "POST", "/api/auth/callback/credentials", {
        rawBody: form({ csrfToken: token, username: "csrf_signin", password: PASSWORD, json: "true" }),
        headers: formHeaders({ ...headers, cookie }),
      });
      expect(response.status, `${what}: ${response.text}`).toBe(403);
      expect(response.body.error.message).toMatch(/^Refused/);
      expect(sessionCookieSet(response.headers)).toBe(false);
      expect(await snapshotAllRows(ctx.db)).toBe(before);
    }
    // Same origin without next-auth's token: next-auth redirects to its sign-in page, signed out.
    const before = await snapshotAllRows(ctx.db);
    const noToken = await httpRequest(server, "POST", "/api/auth/callback/credentials", {
      rawBody: form({ username: "csrf_signin", password: PASSWORD }),
      headers: formHeaders({}),
    });
    expect(noToken.status).toBe(302);
    expect(noToken.headers.get("location")).toMatch(/\/api\/auth\/signin\?csrf=true$/);
    expect(sessionCookieSet(noToken.headers)).toBe(false);
    // A token from another browser (its cookie missing) is no better.
    const { token } = await csrfToken();
    const foreignToken = await httpRequest(server, "POST", "/api/auth/callback/credentials", {
      rawBody: form({ csrfToken: token, username: "csrf_signin", password: PASSWORD }),
      headers: formHeaders({}),
    });
    expect(foreignToken.status).toBe(302);
    expect(foreignToken.headers.get("location")).toMatch(/\/api\/auth\/signin\?csrf=true$/);
    expect(sessionCookieSet(foreignToken.headers)).toBe(false);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });

  it("signs in a same-origin request with the token (the control)", async () => {
    const { token, cookie } = await csrfToken();
    const response = await httpRequest(server, "POST", "/api/auth/callback/credentials", {
      rawBody: form({ csrfToken: token, username: "csrf_signin", password: PASSWORD }),
      headers: formHeaders({ cookie }),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).not.toMatch(/error|csrf/);
    expect(sessionCookieSet(response.headers)).toBe(true);
  });

  it("refuses a forged sign-out", async () => {
    for (const [what, headers] of ATTACKS) {
      const { token, cookie } = await csrfToken();
      const signedIn = `${cookie}; ${await sessionCookieFor(admin)}`;
      const response = await httpRequest(server, "POST", "/api/auth/signout", {
        rawBody: form({ csrfToken: token }),
        headers: formHeaders({ ...headers, cookie: signedIn }),
      });
      expect(response.status, what).toBe(403);
      expect(response.headers.getSetCookie().some((value) => value.startsWith("next-auth.session-token="))).toBe(false);
    }
  });
});

describe("percent signs in addresses (regressions found by the edit fuzzer)", () => {
  it("serves and edits an article whose title has a %, and answers a malformed escape with 400", async () => {
    await saveRevision({
      db: ctx.db,
      slug: "100%",
      baseRevisionId: null,
      content: {
        title: "100%",
        infobox: null,
        sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("Full.") }],
        references: [],
      },
      authorId: admin.id,
    });
    // Next hands route handlers decoded params; decoding them again threw on "100%" (a 500).
    const read = await httpRequest(server, "GET", "/api/articles/100%25");
    expect(read.status, read.text).toBe(200);
    expect(read.body.article).toMatchObject({ slug: "100%", title: "100%" });
    const article = await ctx.db.article.findUniqueOrThrow({ where: { slug: "100%" } });
    const edit = await httpRequest(server, "POST", "/api/articles/100%25/edits", {
      body: {
        baseRevisionId: article.currentRevisionId,
        sectionEdit: {
          sectionId: "lead",
          sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("Fuller.") }],
        },
      },
      user: admin,
    });
    expect(edit.status, edit.text).toBe(201);
    for (const address of ["/api/articles/%E0%A4%A", "/api/articles/%E0%A4%A/edits"]) {
      const response = await httpRequest(server, address.endsWith("edits") ? "POST" : "GET", address, {
        body: address.endsWith("edits") ? {} : undefined,
        user: admin,
      });
      expect(response.status, `${address}: ${response.text}`).toBe(400);
      expect(response.body.error.code).toBe("bad_request");
    }
  });
});
