import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent } from "../../../lib/document/model";
import { snapshotAllRows } from "../../db";
import { makeUser, type TestUser } from "../../factories";
import { httpRequest, startAppServer, type AppServer } from "../../server";
import { useRouteTestDatabase } from "../harness";

// Pending changes over HTTP against the production server (its page cache and
// the cached-view fast path included): who may turn it on, what readers and
// editors are shown, what an acceptance pinned to a revision publishes.

const ctx = useRouteTestDatabase();
let server: AppServer;
let admin: TestUser;
let reviewer: TestUser;
let editor: TestUser;
let secondEditor: TestUser;
let counter = 0;

const contentWith = (title: string, lead: string): ArticleContent => ({
  title,
  infobox: null,
  sections: [
    { id: "lead", title: "", level: 0, body: docFromMarkup(`${lead}[[ref:a]]`) },
    { id: "bg", title: "Background", level: 2, body: docFromMarkup("Background that stays.") },
  ],
  references: [{ key: "a", title: "Source A", url: "https://example.org/a" }],
});

/** A new unprotected article whose lead says "Accepted text." */
async function article(): Promise<{ slug: string; title: string; base: number }> {
  counter += 1;
  const title = `Pending ${counter}`;
  const slug = title.replace(/ /g, "_");
  const saved = await saveRevision({
    db: ctx.db,
    slug,
    baseRevisionId: null,
    content: contentWith(title, "Accepted text."),
    authorId: admin.id,
  });
  return { slug, title, base: saved.revisionId };
}

const setPending = (slug: string, user: TestUser | null, body: Record<string, unknown>) =>
  httpRequest(server, "PUT", `/api/articles/${slug}/pending-changes`, { body, user });

async function enablePending(slug: string) {
  const response = await setPending(slug, admin, { enabled: true, reason: "vandalism" });
  expect(response.status, response.text).toBe(200);
  return response.body.pendingChanges;
}

async function edit(slug: string, title: string, base: number, lead: string, user: TestUser): Promise<number> {
  const response = await httpRequest(server, "POST", `/api/articles/${slug}/edits`, {
    body: { baseRevisionId: base, summary: lead, content: contentWith(title, lead) },
    user,
  });
  expect(response.status, response.text).toBe(201);
  return response.body.revision.id;
}

const accept = (slug: string, revisionId: unknown, user: TestUser | null) =>
  httpRequest(server, "POST", `/api/articles/${slug}/pending-changes/accept`, { body: { revisionId }, user });

/** The article page as `user` (null: signed out) gets it. */
async function page(slug: string, user: TestUser | null = null) {
  const response = await httpRequest(server, "GET", `/wiki/${slug}`, { user });
  expect(response.status).toBe(200);
  return response;
}

const shownRevision = (html: string) => Number(/data-revision-id="(\d+)"/.exec(html)?.[1]);

beforeAll(async () => {
  admin = await makeUser(ctx.db, { name: "pc_admin", role: "admin" });
  reviewer = await makeUser(ctx.db, { name: "pc_reviewer", role: "reviewer" });
  editor = await makeUser(ctx.db, { name: "pc_editor", role: "autoconfirmed" });
  secondEditor = await makeUser(ctx.db, { name: "pc_editor2", role: "autoconfirmed" });
  server = await startAppServer({ databaseUrl: ctx.url, env: { WIKI_RATE_LIMITS: "off" } });
});
afterAll(async () => server?.stop());

describe("turning pending changes on: who may, and what it takes", () => {
  it("lets only admins set it (as protection), refuses the others and bad input naming the field, and changes nothing then", async () => {
    const { slug } = await article();
    const blockedAdmin = await makeUser(ctx.db, { role: "admin", blocked: "sock puppetry" });
    const before = await snapshotAllRows(ctx.db);
    const refusals: Array<[TestUser | null, number]> = [
      [null, 401],
      [editor, 403],
      [reviewer, 403],
      [blockedAdmin, 403],
    ];
    for (const [user, status] of refusals) {
      const response = await setPending(slug, user, { enabled: true, reason: "vandalism" });
      expect(response.status, `${user?.name}: ${response.text}`).toBe(status);
    }
    const bad: Array<[Record<string, unknown>, RegExp]> = [
      [{ enabled: true, reason: "  " }, /reason/],
      [{ enabled: true, reason: "x", expiresAt: "2001-01-01T00:00:00Z" }, /expiresAt/],
      [{ enabled: false, reason: "x", expiresAt: new Date(Date.now() + 86_400_000).toISOString() }, /expiresAt/],
      [{ enabled: "yes", reason: "x" }, /enabled/],
      [{ enabled: true }, /reason/],
    ];
    for (const [body, field] of bad) {
      const response = await setPending(slug, admin, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(response.body.error), JSON.stringify(body)).toMatch(field);
    }
    expect(await snapshotAllRows(ctx.db)).toBe(before);
    const missing = await setPending("No_such_article", admin, { enabled: true, reason: "x" });
    expect(missing.status).toBe(404);
  });

  it("accepts the head when turned on, logs it publicly, and keeps edits pending when only the expiry changes", async () => {
    const { slug, title, base } = await article();
    const on = await enablePending(slug);
    expect(on).toMatchObject({ enabled: true, acceptedRevisionId: base, reason: "vandalism", expiresAt: null });
    const pending = await edit(slug, title, base, "Vandalised text.", editor);
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const changed = await setPending(slug, admin, { enabled: true, reason: "a week more", expiresAt });
    expect(changed.body.pendingChanges).toMatchObject({ acceptedRevisionId: base, expiresAt });
    expect(shownRevision((await page(slug)).text)).toBe(base);
    const log = await httpRequest(server, "GET", `/wiki/${slug}/log`);
    expect(log.text).toContain("turned pending changes on");
    expect(log.text).toContain("a week more");
    // Off: readers get the head again.
    await setPending(slug, admin, { enabled: false, reason: "calm again" });
    expect(shownRevision((await page(slug)).text)).toBe(pending);
    expect((await httpRequest(server, "GET", `/wiki/${slug}/log`)).text).toContain("turned pending changes off");
  });
});

describe("readers see the accepted revision, editors the latest", () => {
  it("saves an editor's edit, shows it to the editor with a notice, and keeps signed-out readers on the accepted text, cached or not", async () => {
    const { slug, title, base } = await article();
    await enablePending(slug);
    // A signed-out reader fills the page cache before the edit.
    expect((await page(slug)).text).toContain("Accepted text.");
    const head = await edit(slug, title, base, "Unreviewed text.", editor);
    for (let i = 0; i < 3; i++) {
      // The second and later views come from the cached-view fast path.
      const anonymous = await page(slug);
      expect(anonymous.text).toContain("Accepted text.");
      expect(anonymous.text).not.toContain("Unreviewed text.");
      expect(anonymous.text).toContain("This is the accepted version");
      expect(anonymous.text).toContain("1 pending change awaits");
      expect(anonymous.text).toContain(`/wiki/${slug}/diff?from=${base}&amp;to=${head}`);
      // A CDN must ask again each time (never keep the page), so it never serves the latest to readers either.
      expect(anonymous.headers.get("cache-control")).toBe("no-cache");
    }
    const mine = await page(slug, editor);
    expect(mine.text).toContain("Unreviewed text.");
    expect(mine.text).toContain("This version is pending review");
    expect(mine.headers.get("cache-control")).toBe("private, no-cache");
    // Every revision stays public through its permanent link, as on Wikipedia.
    const permanent = await httpRequest(server, "GET", `/wiki/${slug}?oldid=${head}`);
    expect(permanent.text).toContain("Unreviewed text.");
    // History marks the accepted revision and the pending one.
    const history = await httpRequest(server, "GET", `/wiki/${slug}/history`);
    expect(history.text).toMatch(
      new RegExp(`data-revision-id="${head}"[^]*?pending review[^]*?data-revision-id="${base}"[^]*?accepted version`),
    );
    // The reviewers' list names it.
    const queue = await httpRequest(server, "GET", "/review/pending", { user: reviewer });
    expect(queue.text).toContain(title);
  });

  it("shows the accepted revision to a signed-in user the protection keeps from editing", async () => {
    const { slug, title, base } = await article();
    await enablePending(slug);
    await edit(slug, title, base, "Unreviewed text.", editor);
    const blocked = await makeUser(ctx.db, { blocked: "spam" });
    const shown = await page(slug, blocked);
    expect(shown.text).toContain("Accepted text.");
    expect(shown.text).toContain("This is the accepted version");
  });

  it("stops applying when it expires: readers see the latest again, with no stale cached page", async () => {
    const { slug, title, base } = await article();
    await enablePending(slug);
    await edit(slug, title, base, "Later text.", editor);
    expect((await page(slug)).text).toContain("Accepted text.");
    expect((await page(slug)).text).toContain("Accepted text.");
    await ctx.db.article.update({ where: { slug }, data: { pendingChangesExpiresAt: new Date(Date.now() - 1000) } });
    const after = await page(slug);
    expect(after.text).toContain("Later text.");
    expect(after.text).not.toContain("pending change");
  });
});

describe("accepting pending changes", () => {
  it("accepts only up to the revision the reviewer saw; a later edit stays pending; then readers see what was accepted, fresh", async () => {
    const { slug, title, base } = await article();
    await enablePending(slug);
    const seen = await edit(slug, title, base, "Reviewed text.", editor);
    expect((await page(slug)).text).toContain("Accepted text."); // cached for readers
    // While the reviewer reads the diff to `seen`, another edit arrives.
    const later = await edit(slug, title, seen, "Unseen text.", secondEditor);
    const accepted = await accept(slug, seen, reviewer);
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toEqual({ acceptedRevisionId: seen, currentRevisionId: later });
    const reader = await page(slug);
    expect(reader.text).toContain("Reviewed text.");
    expect(reader.text).not.toContain("Unseen text.");
    expect(reader.text).toContain("1 pending change awaits");
    // The same acceptance again (a double click, or a second reviewer on the same diff): 409, nothing written.
    const before = await snapshotAllRows(ctx.db);
    const again = await accept(slug, seen, reviewer);
    expect(again.status, again.text).toBe(409);
    expect(again.body.error.message).toMatch(/revisionId: revision \d+ is already accepted/);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
    // Accepting the rest publishes it.
    expect((await accept(slug, later, reviewer)).status).toBe(200);
    const now = await page(slug);
    expect(now.text).toContain("Unseen text.");
    expect(now.text).not.toContain("pending change");
    const history = await httpRequest(server, "GET", `/wiki/${slug}/history`);
    expect(history.text).toContain(`accepted by ${reviewer.name}`);
    const log = await httpRequest(server, "GET", `/wiki/${slug}/log`);
    expect(log.text).toContain(`accepted the changes up to`);
  });

  it("refuses non-reviewers, blocked reviewers, forged and bad requests, changing nothing", async () => {
    const { slug, title, base } = await article();
    const other = await article();
    await enablePending(slug);
    const head = await edit(slug, title, base, "Pending text.", editor);
    const blockedReviewer = await makeUser(ctx.db, { role: "reviewer", blocked: "edit warring" });
    const before = await snapshotAllRows(ctx.db);
    const refusals: Array<[TestUser | null, number, RegExp]> = [
      [null, 401, /sign in/],
      [editor, 403, /Only reviewers and administrators can accept pending changes/],
      [blockedReviewer, 403, /blocked/],
    ];
    for (const [user, status, message] of refusals) {
      const response = await accept(slug, head, user);
      expect(response.status, response.text).toBe(status);
      expect(response.body.error.message).toMatch(message);
    }
    const forged = await httpRequest(server, "POST", `/api/articles/${slug}/pending-changes/accept`, {
      body: { revisionId: head },
      user: reviewer,
      headers: { origin: "https://evil.example" },
    });
    expect(forged.status).toBe(403);
    for (const revisionId of ["1", -1, 0, null, 1.5]) {
      const response = await accept(slug, revisionId, reviewer);
      expect(response.status, String(revisionId)).toBe(400);
      expect(JSON.stringify(response.body.error)).toMatch(/revisionId/);
    }
    const foreign = await accept(slug, other.base, reviewer);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toMatch(/revisionId/);
    const notOn = await accept(other.slug, other.base, reviewer);
    expect(notOn.status).toBe(409);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
    expect((await page(slug)).text).toContain("Accepted text.");
  });
});

describe("edits that need no review", () => {
  it("accepts a reviewer's edit at once when nothing is pending, and not when something is", async () => {
    const { slug, title, base } = await article();
    await enablePending(slug);
    const own = await edit(slug, title, base, "Text by the reviewer.", reviewer);
    expect((await page(slug)).text).toContain("Text by the reviewer.");
    const pending = await edit(slug, title, own, "Text by the editor.", editor);
    await edit(slug, title, pending, "Second text by the reviewer.", reviewer);
    const reader = await page(slug);
    expect(reader.text).toContain("Text by the reviewer.");
    expect(reader.text).not.toContain("Text by the editor.");
    expect(reader.text).toContain("2 pending changes await");
  });

  it("accepts an approved proposal at once (its reviewer read it all), unless edits were pending before it", async () => {
    const newcomer = await makeUser(ctx.db, { name: `pc_newcomer_${counter}` });
    const { slug, title, base } = await article();
    await ctx.db.article.update({ where: { slug }, data: { protectionLevel: "semi", protectionReason: "vandalism" } });
    await enablePending(slug);
    const approveProposal = async (from: number, lead: string) => {
      const proposed = await httpRequest(server, "POST", `/api/articles/${slug}/edits`, {
        body: { baseRevisionId: from, summary: lead, rationale: "sourced", content: contentWith(title, lead) },
        user: newcomer,
      });
      expect(proposed.status, proposed.text).toBe(202);
      const approved = await httpRequest(server, "POST", `/api/proposals/${proposed.body.proposal.id}/approve`, {
        body: { version: 1, comment: "checked" },
        user: reviewer,
      });
      expect(approved.status, approved.text).toBe(200);
      return approved.body.revisionId as number;
    };
    const first = await approveProposal(base, "Proposed and approved.");
    expect(shownRevision((await page(slug)).text)).toBe(first);
    const log = await ctx.db.pendingChangesLog.findFirst({ where: { revisionId: first, action: "accept" } });
    expect(log?.actorId).toBe(reviewer.id);
    // An editor's edit is pending; an approval on top of it must not publish it unreviewed.
    const pending = await edit(slug, title, first, "Unreviewed editor text.", editor);
    const second = await approveProposal(pending, "Approved on top.");
    const reader = await page(slug);
    expect(shownRevision(reader.text)).toBe(first);
    expect(reader.text).not.toContain("Unreviewed editor text.");
    expect(second).toBeGreaterThan(pending);
  });

  it("clears pending changes when an editor restores the accepted revision (reject = revert)", async () => {
    const { slug, title, base } = await article();
    await enablePending(slug);
    await edit(slug, title, base, "Vandalism.", editor);
    const reverted = await httpRequest(server, "POST", `/api/articles/${slug}/revert`, {
      body: { revisionId: base, mode: "restore", reason: "vandalism" },
      user: secondEditor,
    });
    expect(reverted.status, reverted.text).toBe(201);
    const reader = await page(slug);
    expect(shownRevision(reader.text)).toBe(reverted.body.revision.id);
    expect(reader.text).not.toContain("pending change");
    const queue = await httpRequest(server, "GET", "/review/pending");
    expect(queue.text).not.toContain(`>${title}<`);
  });
});
