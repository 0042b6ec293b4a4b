import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../../lib/articles/save-revision";
import type { ArticleContent, Reference } from "../../../lib/document/model";
import { snapshotAllRows } from "../../db";
import { makeUser, type TestUser } from "../../factories";
import { sectionOf } from "../../sections";
import { httpRequest, startAppServer, type AppServer } from "../../server";
import { useRouteTestDatabase } from "../harness";

// The source reliability list (issue 20) over HTTP against the production server: who may rate, every bad
// input a 400 naming its field, and the save path refusing a link to a blacklisted domain (only links a
// change adds; nothing written), for direct edits, proposals, new articles and proposal revisions.

const ctx = useRouteTestDatabase();
let server: AppServer;
let admin: TestUser;
let editor: TestUser;
let newbie: TestUser;
let counter = 0;

const rate = (body: Record<string, unknown>, user: TestUser | null = admin) =>
  httpRequest(server, "PUT", "/api/sources/reliability", { body, user });

const content = (title: string, references: Reference[], lead = "Lead."): ArticleContent => ({
  title,
  infobox: null,
  sections: [sectionOf("lead", "", `${lead}${references.map((r) => `[[ref:${r.key}]]`).join("")}`)],
  references,
});

async function article(references: Reference[] = [], protectedLevel = false) {
  counter += 1;
  const slug = `Sources_${counter}`;
  const saved = await saveRevision({
    db: ctx.db,
    slug,
    baseRevisionId: null,
    content: content(`Sources ${counter}`, references),
    authorId: admin.id,
  });
  if (protectedLevel) await ctx.db.article.update({ where: { slug }, data: { protectionLevel: "extended" } });
  return { slug, base: saved.revisionId, title: `Sources ${counter}` };
}

const edit = (slug: string, base: number | null, body: ArticleContent, user: TestUser) =>
  httpRequest(server, "POST", `/api/articles/${slug}/edits`, {
    body: { baseRevisionId: base, summary: "sources", content: body, ...(base === null ? { title: body.title } : {}) },
    user,
  });

beforeAll(async () => {
  admin = await makeUser(ctx.db, { name: "src_admin", role: "admin" });
  editor = await makeUser(ctx.db, { name: "src_editor", standing: "extendedconfirmed" });
  newbie = await makeUser(ctx.db, { name: "src_newbie" });
  server = await startAppServer({ databaseUrl: ctx.url, env: { WIKI_RATE_LIMITS: "off" } });
  for (const [domain, status, reason] of [
    ["spam.example", "blacklisted", "link farm"],
    ["tabloid.example", "deprecated", "fabrication"],
    ["good.example", "reliable", "fact-checked"],
  ])
    expect((await rate({ domain, status, reason })).status).toBe(200);
});
afterAll(async () => server?.stop());

describe("PUT /api/sources/reliability", () => {
  it("lets only administrators rate, each change a row of the public log", async () => {
    const before = await snapshotAllRows(ctx.db);
    expect((await rate({ domain: "x.example", status: "deprecated", reason: "r" }, null)).status).toBe(401);
    const refused = await rate({ domain: "x.example", status: "deprecated", reason: "r" }, editor);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Only administrators can rate sources.");
    expect(await snapshotAllRows(ctx.db)).toEqual(before);

    const saved = await rate({ domain: "https://WWW.Rated.Example/page", status: "no_consensus", reason: " mixed " });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ domain: "rated.example", status: "no_consensus", reason: "mixed" });
    const page = (await httpRequest(server, "GET", "/sources/reliability")).text.replaceAll("<!-- -->", "");
    expect(page).toContain("rated.example");
    expect(page).toMatch(/src_admin<\/a> rated <b>spam.example<\/b> blacklisted/);
  });

  it.each([
    [{ domain: "localhost", status: "deprecated", reason: "r" }, /^domain: /],
    [{ domain: "10.0.0.1", status: "deprecated", reason: "r" }, /^domain: /],
    [{ domain: "a.example", status: "evil", reason: "r" }, /status must be one of/],
    [{ domain: "a.example", status: "deprecated", reason: "   " }, /^reason: say why/],
    [{ domain: "a.example", status: "deprecated", reason: "x\u202eevil" }, /^reason: control/],
    [{ domain: "a.example", status: "deprecated", reason: "r".repeat(501) }, /reason: at most 500/],
    [{ domain: "a.example", status: "deprecated" }, /reason/],
    [{ domain: "a.example", status: "deprecated", reason: "r", extra: 1 }, /extra/],
  ])("answers %j with a 400 naming the field", async (body, message) => {
    const response = await rate(body);
    expect(response.status, response.text).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });
});

describe("GET /api/sources/reliability?url=", () => {
  it("rates a URL by its most specific listed domain, and says null for an unrated one", async () => {
    const get = async (url: string) =>
      (await httpRequest(server, "GET", `/api/sources/reliability?url=${encodeURIComponent(url)}`)).body;
    expect((await get("https://www.news.tabloid.example/story")).rating).toMatchObject({
      domain: "tabloid.example",
      status: "deprecated",
      reason: "fabrication",
    });
    expect((await get("https://elsewhere.example/")).rating).toBeNull();
    expect((await httpRequest(server, "GET", "/api/sources/reliability")).status).toBe(400);
  });
});

describe("saving a link to a blacklisted domain", () => {
  const spam: Reference = { key: "s", title: "Buy now", url: "https://shop.spam.example/offer" };
  const tabloid: Reference = { key: "t", title: "Shock claim", url: "https://tabloid.example/shock" };

  it("refuses a direct edit that adds one, naming the reference and the reason, and writes nothing", async () => {
    const { slug, base, title } = await article();
    const before = await snapshotAllRows(ctx.db);
    const response = await edit(slug, base, content(title, [tabloid, spam]), editor);
    expect(response.status, response.text).toBe(400);
    expect(response.body.error.message).toBe(
      "references[1].url: the reference “Buy now” links to spam.example, which is blacklisted (link farm). Cite another source; nothing was saved.",
    );
    expect(await snapshotAllRows(ctx.db)).toEqual(before);
    // A deprecated source is allowed (the editor and reviewers are told instead).
    expect((await edit(slug, base, content(title, [tabloid]), editor)).status).toBe(201);
  });

  it("refuses the same link in the text, in a proposal and in a new article", async () => {
    const { slug, base, title } = await article();
    const inText = content(title, [], "See [[url:https://spam.example/x|this offer]].");
    const direct = await edit(slug, base, inText, editor);
    expect(direct.status).toBe(400);
    expect(direct.body.error.message).toMatch(/^sections\[0\]\.body: the section “lead” links to spam.example/);

    const guarded = await article([], true);
    const before = await snapshotAllRows(ctx.db);
    const proposal = await edit(guarded.slug, guarded.base, content(guarded.title, [spam]), newbie);
    expect(proposal.status, proposal.text).toBe(400);
    const created = await edit(`Spam_new_${counter}`, null, content(`Spam new ${counter}`, [spam]), editor);
    expect(created.status, created.text).toBe(400);
    expect(await snapshotAllRows(ctx.db)).toEqual(before);

    // A new version of a proposal may not add it either.
    const fair = await edit(guarded.slug, guarded.base, content(guarded.title, [tabloid]), newbie);
    expect(fair.status, fair.text).toBe(202);
    const beforeRevision = await snapshotAllRows(ctx.db);
    const revised = await httpRequest(server, "POST", `/api/proposals/${fair.body.proposal.id}/versions`, {
      body: { baseRevisionId: guarded.base, summary: "more", content: content(guarded.title, [tabloid, spam]) },
      user: newbie,
    });
    expect(revised.status, revised.text).toBe(400);
    expect(revised.body.error.message).toMatch(/^references\[1\]\.url: the reference “Buy now” links to spam.example/);
    expect(await snapshotAllRows(ctx.db)).toEqual(beforeRevision);
  });

  it("does not block an unrelated edit of an article that already had the link", async () => {
    const { slug, title } = await article();
    // The link predates the blacklisting: saved before, then the domain is blacklisted.
    const old: Reference = { key: "o", title: "Old", url: "https://legacy.example/o" };
    const first = await edit(
      slug,
      (await ctx.db.article.findUniqueOrThrow({ where: { slug } })).currentRevisionId,
      content(title, [old]),
      editor,
    );
    expect(first.status, first.text).toBe(201);
    expect((await rate({ domain: "legacy.example", status: "blacklisted", reason: "hijacked" })).status).toBe(200);
    const unrelated = await edit(slug, first.body.revision.id, content(title, [old], "Lead, reworded."), editor);
    expect(unrelated.status, unrelated.text).toBe(201);
    // Taking it off the list lets it be added again.
    expect((await rate({ domain: "legacy.example", status: "unlisted", reason: "cleaned up" })).status).toBe(200);
    const other = await article();
    expect((await edit(other.slug, other.base, content(other.title, [old]), editor)).status).toBe(201);
  });
  it("refuses a revert that brings back a link blacklisted since, saved or proposed, and writes nothing", async () => {
    const { slug, title } = await article([], true);
    await ctx.db.article.update({ where: { slug }, data: { protectionLevel: "none" } });
    const spam: Reference = { key: "s", title: "Once fine", url: "https://turned.example/page" };
    const withLink = await edit(
      slug,
      (await ctx.db.article.findUniqueOrThrow({ where: { slug } })).currentRevisionId,
      content(title, [spam]),
      editor,
    );
    expect(withLink.status, withLink.text).toBe(201);
    const without = await edit(slug, withLink.body.revision.id, content(title, []), editor);
    expect(without.status, without.text).toBe(201);
    expect((await rate({ domain: "turned.example", status: "blacklisted", reason: "sold to spammers" })).status).toBe(
      200,
    );
    const before = await snapshotAllRows(ctx.db);
    for (const [user, mode, revisionId] of [
      [editor, "restore", withLink.body.revision.id],
      [editor, "undo", without.body.revision.id],
      [newbie, "restore", withLink.body.revision.id],
    ] as const) {
      if (user === newbie) await ctx.db.article.update({ where: { slug }, data: { protectionLevel: "extended" } });
      const reverted = await httpRequest(server, "POST", `/api/articles/${slug}/revert`, {
        body: { revisionId, mode },
        user,
      });
      expect(reverted.status, `${user.name} ${mode}: ${reverted.text}`).toBe(400);
      expect(reverted.body.error.message).toMatch(
        /^references\[0\]\.url: the reference “Once fine” links to turned.example, which is blacklisted \(sold to spammers\)/,
      );
      if (user === newbie) await ctx.db.article.update({ where: { slug }, data: { protectionLevel: "none" } });
    }
    expect(await snapshotAllRows(ctx.db)).toEqual(before);
  });
});

describe("rated sources in review", () => {
  it("alerts the reviewer to a deprecated source, and refuses to publish a link blacklisted since it was proposed", async () => {
    const guarded = await article([], true);
    const later: Reference = { key: "l", title: "Later spam", url: "https://later.example/x" };
    const tabloid: Reference = { key: "t", title: "Shock claim", url: "https://tabloid.example/shock" };
    const proposed = await edit(guarded.slug, guarded.base, content(guarded.title, [tabloid, later]), newbie);
    expect(proposed.status, proposed.text).toBe(202);
    const id = proposed.body.proposal.id;
    const page = (await httpRequest(server, "GET", `/proposals/${id}`, { user: admin })).text.replaceAll(
      "<!-- -->",
      "",
    );
    expect(page).toContain(
      "Adds a citation to a deprecated source:</strong> “Shock claim” cites tabloid.example (fabrication",
    );

    expect(
      (await rate({ domain: "later.example", status: "blacklisted", reason: "took over the domain" })).status,
    ).toBe(200);
    const before = await snapshotAllRows(ctx.db);
    const approved = await httpRequest(server, "POST", `/api/proposals/${id}/approve`, {
      body: { version: 1 },
      user: admin,
    });
    expect(approved.status, approved.text).toBe(400);
    expect(approved.body.error.message).toMatch(
      /^references\[\d\]\.url: the reference “Later spam” links to later.example, which is blacklisted/,
    );
    expect(await snapshotAllRows(ctx.db)).toEqual(before);
  });
});
