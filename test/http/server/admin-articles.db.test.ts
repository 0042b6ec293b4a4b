import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent } from "../../../lib/document/model";
import { submitProposal } from "../../../lib/proposals/submit-proposal";
import { readArticleRevision } from "../../../lib/articles/read-article";
import { loadActor } from "../../../lib/users/load-actor";
import { snapshotAllRows } from "../../db";
import { makeUser, type TestUser } from "../../factories";
import { httpRequest, startAppServer, type AppServer } from "../../server";
import { useRouteTestDatabase } from "../harness";

// Deleting, restoring and moving articles (issue 19) over HTTP against the production server: only
// administrators, every bad input a 4xx naming the field, content never removed, readers told what happened,
// links recoloured, search and the journal kept right.

const ctx = useRouteTestDatabase();
let server: AppServer;
let admin: TestUser;
let reviewer: TestUser;
let veteran: TestUser;
let blockedAdmin: TestUser;

const content = (title: string, text: string): ArticleContent => ({
  title,
  infobox: null,
  sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup(text) }],
  references: [],
});

/** A new article at `slug` with one revision (two with `again`); returns its head revision id. */
async function article(slug: string, text = "The lead.", again = false): Promise<number> {
  const title = slug.replace(/_/g, " ");
  const first = await saveRevision({
    db: ctx.db,
    slug,
    baseRevisionId: null,
    content: content(title, text),
    authorId: admin.id,
  });
  if (!again) return first.revisionId;
  const second = await saveRevision({
    db: ctx.db,
    slug,
    baseRevisionId: first.revisionId,
    content: content(title, `${text} More.`),
    authorId: veteran.id,
  });
  return second.revisionId;
}

const post = (path: string, user: TestUser | null, body: unknown) => httpRequest(server, "POST", path, { body, user });
const del = (slug: string, user: TestUser | null, body: unknown) => post(`/api/articles/${slug}/delete`, user, body);
const restore = (slug: string, user: TestUser | null, body: unknown) =>
  post(`/api/articles/${slug}/restore`, user, body);
const move = (slug: string, user: TestUser | null, body: unknown) => post(`/api/articles/${slug}/move`, user, body);
const page = (path: string, user: TestUser | null = null) => httpRequest(server, "GET", path, { user });
const text = (html: string) => html.replaceAll("<!-- -->", "");
const articleRow = (slug: string) => ctx.db.article.findUnique({ where: { slug } });
const journal = (kind: string) => ctx.db.recentChange.findMany({ where: { kind }, orderBy: { id: "asc" } });

beforeAll(async () => {
  admin = await makeUser(ctx.db, { name: "m_admin", role: "admin" });
  reviewer = await makeUser(ctx.db, { name: "m_reviewer", role: "reviewer" });
  veteran = await makeUser(ctx.db, { name: "m_veteran", standing: "extendedconfirmed" });
  blockedAdmin = await makeUser(ctx.db, { name: "m_blocked_admin", role: "admin", blocked: "rogue" });
  server = await startAppServer({ databaseUrl: ctx.url, env: { WIKI_RATE_LIMITS: "off" } });
});
afterAll(async () => server?.stop());

describe("who may delete, restore and move", () => {
  it("refuses the signed-out (401), non-admins and blocked admins (403), changing nothing", async () => {
    await article("Guarded");
    const before = await snapshotAllRows(ctx.db);
    for (const [user, status] of [
      [null, 401],
      [veteran, 403],
      [reviewer, 403],
      [blockedAdmin, 403],
    ] as const) {
      const deleted = await del("Guarded", user, { reason: "spam" });
      expect(deleted.status, deleted.text).toBe(status);
      expect((await move("Guarded", user, { title: "Guarded 2", reason: "x" })).status).toBe(status);
      expect((await restore("Guarded", user, { reason: "x" })).status).toBe(status);
    }
    const refused = await del("Guarded", reviewer, { reason: "spam" });
    expect(refused.body.error.message).toBe("Only administrators can delete articles.");
    expect((await del("Guarded", blockedAdmin, { reason: "spam" })).body.error.message).toMatch(/blocked.*rogue/);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });

  it("refuses non-admins the forms too: the pages say why and the form routes change nothing", async () => {
    await article("Form_guarded");
    const html = await page("/wiki/Form_guarded/delete", veteran);
    expect(html.status).toBe(200);
    expect(html.text).toContain("Only administrators can delete articles.");
    expect(html.text).not.toContain('name="reason"');
    const before = await snapshotAllRows(ctx.db);
    const form = await httpRequest(server, "POST", "/wiki/Form_guarded/delete", {
      rawBody: "reason=gone",
      user: veteran,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(403);
    expect(form.text).toContain("Only administrators can delete articles.");
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });
});

describe("bad input: a 400 naming the field, nothing changed", () => {
  it("needs a one-line reason of at most 500 characters", async () => {
    await article("Reasoned");
    const before = await snapshotAllRows(ctx.db);
    for (const body of [{}, { reason: "" }, { reason: "   " }, { reason: "x".repeat(501) }, { reason: "a\nb" }]) {
      const response = await del("Reasoned", admin, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.message).toMatch(/reason: /);
    }
    expect((await move("Reasoned", admin, { title: "Elsewhere" })).body.error.message).toMatch(/reason: /);
    expect((await restore("Reasoned", admin, { reason: 3 })).body.error.message).toMatch(/reason: /);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });

  it("refuses ids out of range and unknown fields", async () => {
    await article("Ranged");
    for (const expectedHeadId of [0, -1, 2_147_483_648, 1.5, "12"]) {
      const response = await del("Ranged", admin, { reason: "r", expectedHeadId });
      expect(response.status, String(expectedHeadId)).toBe(400);
      expect(response.body.error.message).toMatch(/expectedHeadId: /);
    }
    const extra = await del("Ranged", admin, { reason: "r", purge: true });
    expect(extra.status).toBe(400);
    const form = await httpRequest(server, "POST", "/wiki/Ranged/delete", {
      rawBody: "reason=r&expectedHeadId=99999999999",
      user: admin,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(400);
    expect(form.text).toMatch(/expectedHeadId: /);
    expect((await articleRow("Ranged"))!.deletedAt).toBeNull();
  });

  it("refuses malformed and odd Unicode titles with 400 naming title", async () => {
    await article("Titled");
    const before = await snapshotAllRows(ctx.db);
    for (const title of [
      "",
      "   ",
      "a[b]",
      "x#y",
      "Bad\u0000nul",
      "Right\u202eto left",
      "Zero\u200bwidth",
      "../up",
      "x".repeat(256),
      "Titled",
    ]) {
      const response = await move("Titled", admin, { title, reason: "rename" });
      expect(response.status, JSON.stringify(title)).toBe(400);
      expect(response.body.error.message).toMatch(/^(Invalid request: )?title: /);
    }
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });

  it("answers 404 naming the article when there is none", async () => {
    const response = await del("Nowhere_at_all", admin, { reason: "r" });
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain("Nowhere at all");
    expect((await move("Nowhere_at_all", admin, { title: "Somewhere", reason: "r" })).status).toBe(404);
    expect((await restore("Nowhere_at_all", admin, { reason: "r" })).status).toBe(404);
  });
});

describe("deleting and restoring", () => {
  it("hides the article from readers with a 410 page saying who, when and why, keeping every revision", async () => {
    const head = await article("Doomed", "Doomed text.", true);
    const revisions = await ctx.db.revision.count({ where: { article: { slug: "Doomed" } } });
    const blobs = await ctx.db.contentBlob.count();
    const response = await del("Doomed", admin, { reason: "copyright violation", expectedHeadId: head });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ slug: "Doomed", title: "Doomed", deleted: true });

    const reader = await page("/wiki/Doomed");
    expect(reader.status).toBe(410);
    expect(text(reader.text)).toMatch(
      /This article was deleted by m_admin on \d+ \w+ \d{4} at \d\d:\d\d UTC: copyright violation/,
    );
    expect(reader.text).not.toContain("Start the article");
    expect(reader.text).not.toContain("Doomed text.");
    expect(reader.text).not.toContain("/restore");
    expect((await page("/wiki/Doomed/history")).status).toBe(410);
    expect((await page(`/wiki/Doomed?oldid=${head}`)).status).toBe(410);
    const api = await page("/api/articles/Doomed");
    expect(api.status).toBe(404);
    expect(api.body.error.message).toMatch(/deleted by m_admin.*copyright violation/);

    // Content stays: the same revisions and blobs, the row kept with its state.
    expect(await ctx.db.revision.count({ where: { article: { slug: "Doomed" } } })).toBe(revisions);
    expect(await ctx.db.contentBlob.count()).toBe(blobs);
    expect(await articleRow("Doomed")).toMatchObject({
      deletionReason: "copyright violation",
      currentRevisionId: head,
    });

    // Its edits stay in recent changes, marked as a deleted article's; the deletion is an entry of its own.
    const changes = (await page("/api/recent-changes?limit=500")).body.changes as Array<{
      kind: string;
      article: { slug: string; deleted?: boolean } | null;
    }>;
    const doomed = changes.filter((change) => change.article?.slug === "Doomed");
    expect(doomed.map((change) => change.kind)).toEqual(["deletion", "edit", "create"]);
    expect(doomed.every((change) => change.article?.deleted === true)).toBe(true);
    expect(changes.find((change) => change.article?.slug === "Guarded")?.article).toEqual({
      slug: "Guarded",
      title: "Guarded",
    });
    expect(text((await page("/recent-changes")).text)).toContain("article deleted");

    // Administrators still see its history and old revisions, and get the restore form.
    const adminPage = await page("/wiki/Doomed", admin);
    expect(adminPage.status).toBe(410);
    expect(adminPage.text).toContain('action="/wiki/Doomed/restore"');
    const history = await page("/wiki/Doomed/history", admin);
    expect(history.status).toBe(200);
    expect(history.text).toContain(`oldid=${head}`);
    expect(text(history.text)).toContain("This article was deleted by m_admin");
    expect(history.text).not.toContain("/rollback?");
    const old = await page(`/wiki/Doomed?oldid=${head}`, admin);
    expect(old.status).toBe(200);
    expect(text(old.text)).toContain("This article was deleted by m_admin");
    expect(old.text).toContain("Doomed text. More.");
  });

  it("refuses edits, proposals, talk posts and approvals on a deleted article, naming it", async () => {
    const head = await article("Closed_down");
    const view = await readArticleRevision({ db: ctx.db, slug: "Closed_down" });
    const row = (await articleRow("Closed_down"))!;
    const { proposalId } = await submitProposal({
      db: ctx.db,
      actor: await loadActor(ctx.db, veteran.id),
      articleId: row.id,
      baseRevisionId: head,
      base: view.content,
      content: content("Closed down", "Proposed."),
      summary: "a proposal",
      rationale: "",
    });
    expect((await del("Closed_down", admin, { reason: "closed" })).status).toBe(200);
    const before = await snapshotAllRows(ctx.db);
    const edit = await post("/api/articles/Closed_down/edits", admin, {
      baseRevisionId: head,
      summary: "edit",
      content: content("Closed down", "Edited."),
    });
    expect([404, 409]).toContain(edit.status);
    expect(edit.body.error.message).toMatch(/Closed down.*deleted/);
    const recreate = await post("/api/articles/Closed_down/edits", admin, {
      baseRevisionId: null,
      summary: "again",
      content: content("Closed down", "Again."),
    });
    expect(recreate.status).toBe(409);
    expect(recreate.body.error.message).toMatch(/Closed down.*deleted/);
    const talk = await post("/api/articles/Closed_down/talk", veteran, { title: "Why", body: "Why?" });
    expect(talk.status).toBe(404);
    expect(talk.body.error.message).toMatch(/Closed down.*deleted/);
    for (const [path, body] of [
      ["/api/articles/Closed_down/protection", { level: "full", reason: "r" }],
      ["/api/articles/Closed_down/pending-changes", { enabled: true, reason: "r" }],
    ] as const) {
      const setting = await httpRequest(server, "PUT", path, { body, user: admin });
      expect(setting.status, path).toBe(404);
      expect(setting.body.error.message).toMatch(/Closed down.*deleted/);
    }
    const editor = await page("/wiki/Closed_down/edit", admin);
    expect(text(editor.text)).toMatch(/Closed down.*This article was deleted by m_admin.*It cannot be edited unless/);
    const approval = await post(`/api/proposals/${proposalId}/approve`, admin, { version: 1 });
    expect(approval.status, approval.text).toBe(409);
    expect(approval.body.error.message).toMatch(/“Closed down” has been deleted/);
    // Its talk page says what happened, in the site's frame; a talk page of no article at all is the site's 404.
    const talkPage = await page("/wiki/Closed_down/talk");
    expect(talkPage.status).toBe(200);
    expect(text(talkPage.text)).toMatch(/Talk: Closed down.*This article was deleted by m_admin.*: closed/);
    expect(talkPage.text).toContain('href="/log?type=deletion&amp;article=Closed_down"');
    const nowhere = await page("/wiki/Never_was/talk");
    expect(nowhere.status).toBe(404);
    expect(text(nowhere.text)).toMatch(/No such page.*Search the wiki/);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });

  it("takes it out of search and turns links to it red; restoring brings back all of it exactly", async () => {
    const head = await article("Vanishing", "Zanzibarian quokkas live here.");
    await article("Linker", "See [[wiki:Vanishing]].");
    const before = await articleRow("Vanishing");
    const epoch = (await articleRow("Linker"))!.linkEpoch;
    expect(text((await page("/search?q=zanzibarian&fulltext=1")).text)).toContain("/wiki/Vanishing");
    expect((await page("/wiki/Linker")).text).not.toContain('href="/wiki/Vanishing/edit"');
    expect((await page("/api/search/suggest?q=Vanish&limit=5")).body.suggestions).toEqual([
      { slug: "Vanishing", title: "Vanishing" },
    ]);

    expect((await del("Vanishing", admin, { reason: "hoax" })).status).toBe(200);
    expect((await articleRow("Linker"))!.linkEpoch).toBe(epoch + 1);
    expect((await page("/wiki/Linker")).text).toContain('href="/wiki/Vanishing/edit" class="new"');
    expect(text((await page("/search?q=zanzibarian&fulltext=1")).text)).not.toContain("/wiki/Vanishing");
    expect((await page("/api/search/suggest?q=Vanish&limit=5")).body.suggestions).toEqual([]);
    expect((await page("/wiki/Vanishing/links")).status).toBeLessThan(500);
    expect((await del("Vanishing", admin, { reason: "again" })).status).toBe(404);

    const restored = await restore("Vanishing", admin, { reason: "not a hoax after all" });
    expect(restored.status, restored.text).toBe(200);
    expect(restored.body).toMatchObject({ slug: "Vanishing", deleted: false, deletedAt: null });
    const after = await articleRow("Vanishing");
    expect({ ...after, linkEpoch: 0 }).toEqual({ ...before, linkEpoch: 0 });
    expect(after!.currentRevisionId).toBe(head);
    expect((await page("/wiki/Vanishing")).status).toBe(200);
    expect((await articleRow("Linker"))!.linkEpoch).toBe(epoch + 2);
    expect((await page("/wiki/Linker")).text).not.toContain('href="/wiki/Vanishing/edit"');
    expect(text((await page("/search?q=zanzibarian&fulltext=1")).text)).toContain("/wiki/Vanishing");
    const again = await restore("Vanishing", admin, { reason: "twice" });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/not deleted/);
  });

  it("refuses a deletion when the article moved on since the admin looked (409 naming expectedHeadId)", async () => {
    const first = await article("Stale_delete", "One.", true);
    const before = await snapshotAllRows(ctx.db);
    const stale = await del("Stale_delete", admin, { reason: "r", expectedHeadId: first - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/^expectedHeadId: .*revision \d+ is now current/);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });

  it("records the deletion and the restoration in recent changes and the log, in their own transactions", async () => {
    await article("Journalled");
    const row = (await articleRow("Journalled"))!;
    await del("Journalled", admin, { reason: "journal test" });
    await restore("Journalled", admin, { reason: "journal back" });
    const deletions = (await journal("deletion")).filter((change) => change.articleId === row.id);
    const restores = (await journal("restore")).filter((change) => change.articleId === row.id);
    expect(deletions).toEqual([expect.objectContaining({ actorId: admin.id, summary: "journal test" })]);
    expect(restores).toEqual([expect.objectContaining({ actorId: admin.id, summary: "journal back" })]);
    const log = text((await page("/log?type=deletion")).text);
    expect(log).toContain("deleted Journalled");
    expect(log).toContain("journal test");
    expect(text((await page("/log?type=restore")).text)).toContain("restored Journalled");
    expect(text((await page("/recent-changes?kind=deletion")).text)).toContain("deleted Journalled");
  });

  it("deletes and restores through the no-script forms (303 back to the article)", async () => {
    const head = await article("Formed");
    const form = (path: string, body: string, user: TestUser = admin) =>
      httpRequest(server, "POST", path, {
        rawBody: body,
        user,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    const deletePage = await page("/wiki/Formed/delete", admin);
    expect(deletePage.text).toContain(`name="expectedHeadId" value="${head}"`);
    const empty = await form("/wiki/Formed/delete", `reason=&expectedHeadId=${head}`);
    expect(empty.status).toBe(400);
    expect(empty.text).toMatch(/reason: a reason is required/);
    const deleted = await form(
      "/wiki/Formed/delete",
      `reason=${encodeURIComponent("<b>spam</b>")}&expectedHeadId=${head}`,
    );
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get("location")).toBe("/wiki/Formed");
    const reader = await page("/wiki/Formed");
    expect(reader.text).toContain("&lt;b&gt;spam&lt;/b&gt;");
    expect(reader.text).not.toContain("<b>spam</b>");
    const restored = await form("/wiki/Formed/restore", "reason=mistake");
    expect(restored.status).toBe(303);
    expect((await page("/wiki/Formed")).status).toBe(200);
  });
});

describe("moving", () => {
  it("moves the article with its history; the old title redirects and history records the move", async () => {
    const head = await article("Old_name", "Moved text.", true);
    const row = (await articleRow("Old_name"))!;
    const moved = await move("Old_name", admin, { title: "new name", reason: "better name", expectedHeadId: head });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({
      slug: "New_name",
      title: "New name",
      from: { slug: "Old_name", title: "Old name" },
    });
    const after = (await ctx.db.article.findUnique({ where: { id: row.id } }))!;
    expect(after).toMatchObject({ slug: "New_name", title: "New name" });
    // A new revision: the same content but the title, child of the old head; history moves with the row.
    const revision = (await ctx.db.revision.findUnique({ where: { id: moved.body.revisionId } }))!;
    expect(revision).toMatchObject({ articleId: row.id, parentId: head, title: "New name" });
    expect(revision.summary).toBe("Moved “Old name” to “New name”: better name");
    expect(await ctx.db.revision.count({ where: { articleId: row.id } })).toBe(3);
    const api = await page("/api/articles/New_name");
    expect(api.body.revision?.id ?? api.body.revisionId ?? api.text).toBeTruthy();
    expect(api.text).toContain("Moved text. More.");

    const redirect = await page("/wiki/Old_name");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/wiki/New_name");
    expect((await page("/wiki/Old_name/history?cursor=5")).headers.get("location")).toBe(
      "/wiki/New_name/history?cursor=5",
    );
    const oldApi = await page("/api/articles/Old_name");
    expect(oldApi.status).toBe(404);
    expect(oldApi.body.error).toMatchObject({
      message: "“Old name” was moved to “New name”.",
      details: { redirect: { slug: "New_name", title: "New name" } },
    });
    expect((await page("/wiki/New_name")).status).toBe(200);
    const oldTalk = await page("/wiki/Old_name/talk");
    expect(oldTalk.status).toBe(308);
    expect(oldTalk.headers.get("location")).toBe("/wiki/New_name/talk");
    const oldEditor = await page("/wiki/Old_name/edit?section=lead", admin);
    expect([307, 308]).toContain(oldEditor.status);
    expect(oldEditor.headers.get("location")).toBe("/wiki/New_name/edit?section=lead");
    const moves = (await journal("move")).filter((change) => change.articleId === row.id);
    expect(moves).toEqual([
      expect.objectContaining({ revisionId: moved.body.revisionId, parentRevisionId: head, actorId: admin.id }),
    ]);
    expect(text((await page("/log?type=move")).text)).toContain("moved Old name to New name");
    expect((await page("/recent-changes?kind=move")).text).toContain(
      `/wiki/New_name/diff?from=${head}&amp;to=${moved.body.revisionId}`,
    );
    // Edits go on at the new title, from the move's revision.
    const edit = await post("/api/articles/New_name/edits", veteran, {
      baseRevisionId: moved.body.revisionId,
      summary: "after the move",
      content: content("New name", "Edited after the move."),
    });
    expect(edit.status, edit.text).toBe(201);
  });

  it("refuses an existing title (409 naming title), deleted or look-alike, and a stale head", async () => {
    const head = await article("Mover");
    await article("Taken");
    await article("Gone_title");
    await del("Gone_title", admin, { reason: "r" });
    const before = await snapshotAllRows(ctx.db);
    const taken = await move("Mover", admin, { title: "Taken", reason: "r" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe("title: an article titled “Taken” already exists.");
    const gone = await move("Mover", admin, { title: "Gone title", reason: "r" });
    expect(gone.status).toBe(409);
    expect(gone.body.error.message).toMatch(/^title: .*deleted/);
    const lookalike = await move("Mover", admin, { title: "Tаken", reason: "r" }); // Cyrillic а
    expect(lookalike.status).toBe(409);
    expect(lookalike.body.error.message).toMatch(/^title: .*looks like the existing article “Taken”/);
    const stale = await move("Mover", admin, { title: "Mover 2", reason: "r", expectedHeadId: head + 1000 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/^expectedHeadId: /);
    const deleted = await move("Gone_title", admin, { title: "Resurrected", reason: "r" });
    expect(deleted.status).toBe(404);
    expect(deleted.body.error.message).toMatch(/deleted/);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });

  it("moves back onto its own redirect (as in MediaWiki), and keeps links to both titles coloured right", async () => {
    await article("Swing");
    await article("Points_old", "See [[wiki:Swing]].");
    await article("Points_new", "See [[wiki:Swung]].");
    const oldEpoch = (await articleRow("Points_old"))!.linkEpoch;
    const newEpoch = (await articleRow("Points_new"))!.linkEpoch;
    expect((await page("/wiki/Points_new")).text).toContain('href="/wiki/Swung/edit"');
    expect((await move("Swing", admin, { title: "Swung", reason: "there" })).status).toBe(200);
    expect((await articleRow("Points_old"))!.linkEpoch).toBe(oldEpoch + 1);
    expect((await articleRow("Points_new"))!.linkEpoch).toBe(newEpoch + 1);
    // The new title is an article now; the old one a redirect to it: both blue.
    expect((await page("/wiki/Points_new")).text).not.toContain('href="/wiki/Swung/edit"');
    expect((await page("/wiki/Points_old")).text).not.toContain('href="/wiki/Swing/edit"');
    const back = await move("Swung", admin, { title: "Swing", reason: "back again" });
    expect(back.status, back.text).toBe(200);
    expect(await ctx.db.articleRedirect.findMany({ where: { slug: { in: ["Swing", "Swung"] } } })).toEqual([
      expect.objectContaining({ slug: "Swung" }),
    ]);
    expect((await page("/wiki/Swing")).status).toBe(200);
    expect((await page("/wiki/Swung")).headers.get("location")).toBe("/wiki/Swing");
    // A deleted article's old titles go red with it.
    await del("Swing", admin, { reason: "r" });
    expect((await page("/wiki/Points_new")).text).toContain('href="/wiki/Swung/edit"');
    expect((await page("/wiki/Swung")).status).toBe(301);
    expect((await page("/wiki/Swing")).status).toBe(410);
  });

  it("lets an article be started at an old title, which then wins over the redirect", async () => {
    await article("Was_here");
    expect((await move("Was_here", admin, { title: "Is there", reason: "r" })).status).toBe(200);
    const created = await post("/api/articles/Was_here/edits", veteran, {
      baseRevisionId: null,
      summary: "new article",
      content: content("Was here", "A different subject."),
    });
    expect(created.status, created.text).toBe(201);
    expect((await page("/wiki/Was_here")).status).toBe(200);
    expect(await ctx.db.articleRedirect.count({ where: { slug: "Was_here" } })).toBe(0);
  });

  it("moves through the no-script form (303 to the new title), and keeps the fields on a refusal", async () => {
    await article("Form_move");
    await article("Form_taken");
    const form = (body: string) =>
      httpRequest(server, "POST", "/wiki/Form_move/move", {
        rawBody: body,
        user: admin,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    const refused = await form("title=Form+taken&reason=keep+me");
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("already exists");
    expect(refused.text).toContain('value="keep me"');
    const moved = await form("title=Form+moved&reason=ok");
    expect(moved.status).toBe(303);
    expect(moved.headers.get("location")).toBe("/wiki/Form_moved");
  });
});
