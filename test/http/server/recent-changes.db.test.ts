import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent } from "../../../lib/document/model";
import { snapshotAllRows } from "../../db";
import { makeUser, type TestUser } from "../../factories";
import { httpRequest, startAppServer, type AppServer } from "../../server";
import { useRouteTestDatabase } from "../harness";

// Recent changes, patrol, rollback, the log and the Atom feeds over HTTP against the production server: who may
// patrol and roll back, a stale head, a single-author article, feeds read anonymously and well-formed with user
// text escaped, filters and keyset paging.

const ctx = useRouteTestDatabase();
let server: AppServer;
const users = {} as Record<"newbie" | "regular" | "veteran" | "reviewer" | "admin" | "blocked", TestUser>;
let counter = 0;
const NASTY = '<script>alert(1)</script> & ]]> "quoted"';

const contentWith = (title: string, lead: string): ArticleContent => ({
  title,
  infobox: null,
  sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup(lead) }],
  references: [],
});

/** A new unprotected article by the admin, and its first revision. */
async function article(): Promise<{ slug: string; title: string; base: number }> {
  counter += 1;
  const title = `Changes ${counter}`;
  const slug = title.replace(/ /g, "_");
  const saved = await saveRevision({
    db: ctx.db,
    slug,
    baseRevisionId: null,
    content: contentWith(title, "Good text."),
    authorId: users.admin.id,
  });
  return { slug, title, base: saved.revisionId };
}

async function edit(
  target: { slug: string; title: string },
  base: number,
  lead: string,
  user: TestUser,
  summary = lead,
) {
  const response = await httpRequest(server, "POST", `/api/articles/${target.slug}/edits`, {
    body: { baseRevisionId: base, summary, content: contentWith(target.title, lead) },
    user,
  });
  expect(response.status, response.text).toBe(201);
  return response.body.revision.id as number;
}

const patrol = (slug: string, revisionId: number, user: TestUser | null) =>
  httpRequest(server, "POST", `/api/articles/${slug}/revisions/${revisionId}/patrol`, { body: {}, user });
const rollback = (slug: string, expectedHeadId: unknown, user: TestUser | null) =>
  httpRequest(server, "POST", `/api/articles/${slug}/rollback`, { body: { expectedHeadId }, user });

beforeAll(async () => {
  users.newbie = await makeUser(ctx.db, { name: "rc_newbie", role: "user" });
  users.regular = await makeUser(ctx.db, { name: "rc_regular", role: "autoconfirmed" });
  users.veteran = await makeUser(ctx.db, { name: "rc_veteran", role: "extendedconfirmed" });
  users.reviewer = await makeUser(ctx.db, { name: "rc_reviewer", role: "reviewer" });
  users.admin = await makeUser(ctx.db, { name: "rc_admin", role: "admin" });
  users.blocked = await makeUser(ctx.db, { name: "rc_blocked", role: "reviewer", blocked: "edit warring" });
  server = await startAppServer({ databaseUrl: ctx.url, env: { WIKI_RATE_LIMITS: "off" } });
});
afterAll(async () => server?.stop());

describe("patrol over HTTP", () => {
  it("lets reviewers and admins patrol a new user's edit, once; refuses everyone else and changes nothing", async () => {
    const target = await article();
    const vandalism = await edit(target, target.base, "Vandalism.", users.newbie);
    const before = await snapshotAllRows(ctx.db);
    for (const name of ["newbie", "regular", "veteran", "blocked"] as const) {
      const response = await patrol(target.slug, vandalism, users[name]);
      expect(response.status, name).toBe(403);
      expect(response.body.error.code).toBe("forbidden");
    }
    expect((await patrol(target.slug, vandalism, null)).status).toBe(401);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
    const first = await patrol(target.slug, vandalism, users.reviewer);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({ revisionId: vandalism, patrolled: true, marked: true });
    const again = await patrol(target.slug, vandalism, users.admin);
    expect(again.body.marked).toBe(false);
    expect(await ctx.db.recentChange.count({ where: { kind: "patrol", revisionId: vandalism } })).toBe(1);
    const log = await httpRequest(server, "GET", `/api/log?type=patrol&article=${target.slug}`);
    expect(log.body.changes).toHaveLength(1);
    expect(log.body.changes[0]).toMatchObject({ actor: "rc_reviewer", target: "rc_newbie", revisionId: vandalism });
  });

  it("answers a revision of another article 404 and a bad id 400 naming it", async () => {
    const one = await article();
    const other = await article();
    expect((await patrol(other.slug, one.base, users.reviewer)).status).toBe(404);
    const bad = await httpRequest(server, "POST", `/api/articles/${one.slug}/revisions/0/patrol`, {
      body: {},
      user: users.reviewer,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/revision id/);
  });
});

describe("rollback over HTTP", () => {
  it("restores the last revision by someone else in one action, for reviewers and admins only", async () => {
    const target = await article();
    const first = await edit(target, target.base, "Bad.", users.newbie);
    const head = await edit(target, first, "Worse.", users.newbie);
    const before = await snapshotAllRows(ctx.db);
    for (const name of ["newbie", "regular", "veteran", "blocked"] as const)
      expect((await rollback(target.slug, head, users[name])).status, name).toBe(403);
    expect((await rollback(target.slug, head, null)).status).toBe(401);
    expect((await rollback(target.slug, first, users.reviewer)).status).toBe(409);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
    const done = await rollback(target.slug, head, users.reviewer);
    expect(done.status, done.text).toBe(201);
    expect(done.body).toMatchObject({
      restoredRevisionId: target.base,
      editsRolledBack: 2,
      rolledBackUser: "rc_newbie",
    });
    // The vandal hears of it, led to the rollback's diff; the reviewer (the actor) does not.
    const articleId = (await ctx.db.article.findUniqueOrThrow({ where: { slug: target.slug } })).id;
    const told = await ctx.db.notification.findMany({ where: { type: "edit_reverted", articleId } });
    expect(told.map((row) => [row.recipientId, row.fromRevisionId, row.toRevisionId])).toEqual([
      [users.newbie.id, head, done.body.revisionId],
    ]);
    const now = await httpRequest(server, "GET", `/api/articles/${target.slug}`);
    expect(JSON.stringify(now.body)).toContain("Good text.");
    expect(JSON.stringify(now.body)).not.toContain("Worse.");
    // The head moved: the same rollback again is stale.
    const stale = await rollback(target.slug, head, users.admin);
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/expectedHeadId/);
    const log = await httpRequest(server, "GET", `/api/log?type=rollback`);
    expect(log.body.changes[0]).toMatchObject({ actor: "rc_reviewer", target: "rc_newbie", kind: "rollback" });
  });

  it("refuses a single-author article with a 400 that says why, and a bad body naming the field", async () => {
    const target = await article();
    const head = await edit(target, target.base, "Still the admin.", users.admin);
    const refused = await rollback(target.slug, head, users.reviewer);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/rc_admin is the only editor/);
    const bad = await rollback(target.slug, "latest", users.reviewer);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/expectedHeadId/);
    expect((await rollback("No_such_article", head, users.reviewer)).status).toBe(404);
  });

  it("works on a protected article only for those who may edit it directly", async () => {
    const target = await article();
    const head = await edit(target, target.base, "Bad.", users.veteran);
    await ctx.db.article.update({ where: { slug: target.slug }, data: { protectionLevel: "full" } });
    expect((await rollback(target.slug, head, users.reviewer)).status).toBe(403);
    expect((await rollback(target.slug, head, users.admin)).status).toBe(201);
  });
});

describe("recent changes and the feeds", () => {
  it("lists changes newest first with filters and keyset paging, patrol state for patrollers only", async () => {
    const target = await article();
    let base = target.base;
    for (let i = 0; i < 5; i++) base = await edit(target, base, `Edit ${i} by the new user.`, users.newbie);
    const first = await httpRequest(server, "GET", "/api/recent-changes?group=user&limit=3");
    expect(first.status, first.text).toBe(200);
    expect(first.body.changes).toHaveLength(3);
    expect(first.body.changes.every((row: { actorGroup: string }) => row.actorGroup === "user")).toBe(true);
    expect(first.body.changes.every((row: { patrolled: unknown }) => row.patrolled === null)).toBe(true);
    const ids = first.body.changes.map((row: { id: number }) => row.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const second = await httpRequest(
      server,
      "GET",
      `/api/recent-changes?group=user&limit=3&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.changes[0].id).toBeLessThan(ids[2]);
    const unpatrolled = await httpRequest(server, "GET", "/api/recent-changes?unpatrolled=1", { user: users.reviewer });
    expect(unpatrolled.body.changes.length).toBeGreaterThan(0);
    expect(unpatrolled.body.changes.every((row: { patrolled: boolean }) => row.patrolled === false)).toBe(true);
    expect((await httpRequest(server, "GET", "/api/recent-changes?unpatrolled=1")).status).toBe(401);
    expect(
      (await httpRequest(server, "GET", "/api/recent-changes?unpatrolled=1", { user: users.regular })).status,
    ).toBe(403);
    const big = await httpRequest(server, "GET", "/api/recent-changes?minSize=100000");
    expect(big.body.changes).toEqual([]);
    const bad = await httpRequest(server, "GET", "/api/recent-changes?level=total");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^level/);
    expect((await httpRequest(server, "GET", "/api/recent-changes?minSize=lots")).body.error.message).toMatch(
      /minSize/,
    );
    const newer = await httpRequest(server, "GET", `/api/recent-changes/newer?since=${ids[2]}&group=user`);
    expect(newer.body).toEqual({ count: 2, capped: false });
    const html = await httpRequest(server, "GET", "/recent-changes?group=user");
    expect(html.status).toBe(200);
    expect(html.text).toContain("Edit 4 by the new user.");
  });

  it("serves recent changes and a history as well-formed Atom, anonymously, with user text escaped", async () => {
    const target = await article();
    await edit(target, target.base, "Harmless text.", users.newbie, NASTY);
    const redirected = await httpRequest(server, "GET", "/recent-changes?format=atom&group=user");
    expect(redirected.status).toBeGreaterThanOrEqual(300);
    expect(redirected.headers.get("location")).toMatch(/\/recent-changes\/feed\?.*group=user/);
    for (const path of ["/recent-changes/feed?group=user", `/wiki/${target.slug}/history?format=atom`]) {
      const response = await httpRequest(server, "GET", path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      expect(XMLValidator.validate(response.text), path).toBe(true);
      expect(response.text).not.toContain("<script>");
      const feed = new XMLParser({ ignoreAttributes: false }).parse(response.text).feed;
      expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
      const entries = [feed.entry].flat();
      const nasty = entries.find((entry: { summary?: { "#text": string } }) => entry.summary?.["#text"] === NASTY);
      expect(nasty, path).toBeDefined();
      expect(nasty.link["@_href"]).toMatch(new RegExp(`^${server.url}/wiki/${target.slug}/diff\\?from=\\d+&to=\\d+$`));
      expect(nasty.id).toMatch(/^tag:127\.0\.0\.1:\d+,2026:/);
      expect(Number.isNaN(Date.parse(nasty.updated))).toBe(false);
    }
    // The history page itself is still the page.
    const page = await httpRequest(server, "GET", `/wiki/${target.slug}/history`);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect((await httpRequest(server, "GET", "/recent-changes/feed?unpatrolled=1")).status).toBe(401);
  });

  it("keeps the existing logs and reads the global one by type, performer and article", async () => {
    const target = await article();
    const protect = await httpRequest(server, "PUT", `/api/articles/${target.slug}/protection`, {
      body: { level: "semi", reason: "edit war" },
      user: users.admin,
    });
    expect(protect.status, protect.text).toBe(200);
    const log = await httpRequest(server, "GET", `/api/log?type=protection&user=rc_admin&article=${target.title}`);
    expect(log.body.changes).toHaveLength(1);
    expect(log.body.changes[0]).toMatchObject({ kind: "protection", action: "protect", summary: "edit war" });
    const page = await httpRequest(server, "GET", `/log?type=protection&article=${target.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("edit war");
    expect((await httpRequest(server, "GET", `/wiki/${target.slug}/log`)).text).toContain("edit war");
    expect((await httpRequest(server, "GET", "/api/log?type=upload")).status).toBe(400);
  });
});
