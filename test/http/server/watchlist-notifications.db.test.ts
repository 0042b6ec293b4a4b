import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleContent } from "../../../lib/document/model";
import { freePort } from "../../../lib/db/embedded";
import { snapshotAllRows } from "../../db";
import { makeUser, type TestUser } from "../../factories";
import { proposalArticle, proposeOverHttp, withSections } from "../../proposal-fixtures";
import { httpRequest, startAppServer, type AppServer } from "../../server";
import { useRouteTestDatabase } from "../harness";

/*
 * The watchlist and notifications over HTTP against the production server,
 * with a local SMTP server (smtp-server) standing in for the mail relay:
 * who may watch and read what (IDOR answered 404), fan-out to watchers who
 * may review, the actor never told of their own action, preferences obeyed,
 * a notification per decision, and email sent after the commit, a failing
 * relay never failing the save.
 */

const ctx = useRouteTestDatabase();
let server: AppServer;
let smtp: SMTPServer;
let admin: TestUser;
let reviewer: TestUser;
let reviewer2: TestUser;
let proposer: TestUser;
let bystander: TestUser;
let counter = 0;

interface Mail {
  to: string[];
  raw: string;
  subject: string;
  text: string;
}

/** Bytes written as latin1 code units, read back as UTF-8. */
const utf8 = (latin1: string) => Buffer.from(latin1, "latin1").toString("utf8");
const unQuote = (text: string) =>
  text.replace(/=([0-9A-F]{2})/gi, (_m, hex) => String.fromCharCode(Number.parseInt(hex, 16)));

/** The decoded subject (RFC 2047 words) and plain-text body (quoted-printable or base64) of a one-part message. */
function decodeMail(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]/g, " ");
  const subject = (/^Subject: (.*)$/im.exec(headers)?.[1] ?? "").replace(
    /=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi,
    (_m, encoding: string, word: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(word, "base64").toString("utf8")
        : utf8(unQuote(word.replace(/_/g, " "))),
  );
  const body = rest.join("\n\n");
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? utf8(unQuote(body.replace(/=\r?\n/g, "")))
      : encoding === "base64"
        ? Buffer.from(body, "base64").toString("utf8")
        : body;
  return { subject, text };
}
const mails: Mail[] = [];

/** An SMTP server on loopback that keeps what it receives, and refuses any recipient at fail.example (a broken relay). */
async function startSmtp(): Promise<{ server: SMTPServer; port: number }> {
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith("@fail.example")) return callback(new Error("550 mailbox unavailable"));
      callback();
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw, ...decodeMail(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { server, port };
}

/** A fresh extended-protected article, written by the admin. */
async function article(): Promise<{ slug: string; base: number; content: ArticleContent; id: number }> {
  counter += 1;
  const made = await proposalArticle(ctx.db, { slug: `Watched_${counter}`, authorId: admin.id });
  const row = await ctx.db.article.findUniqueOrThrow({ where: { slug: made.slug } });
  return { ...made, id: row.id };
}

const notificationsOf = (user: TestUser, where: Record<string, unknown> = {}) =>
  ctx.db.notification.findMany({ where: { recipientId: user.id, ...where }, orderBy: { id: "asc" } });

const watch = (user: TestUser | null, slug: string, body: unknown = { expiry: "permanent" }) =>
  httpRequest(server, "PUT", `/api/articles/${slug}/watch`, { body, user });

async function waitFor<T>(read: () => Promise<T | undefined> | T | undefined, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  const mail = await startSmtp();
  smtp = mail.server;
  admin = await makeUser(ctx.db, { name: "wn_admin", role: "admin" });
  reviewer = await makeUser(ctx.db, { name: "wn_reviewer", role: "reviewer" });
  reviewer2 = await makeUser(ctx.db, { name: "wn_reviewer2", role: "reviewer" });
  proposer = await makeUser(ctx.db, { name: "wn_newbie" });
  bystander = await makeUser(ctx.db, { name: "wn_bystander" });
  server = await startAppServer({
    databaseUrl: ctx.url,
    env: {
      WIKI_RATE_LIMITS: "off",
      // Small, so the test reaches the deferred fan-out (written just after the commit) with a handful of watchers.
      WIKI_NOTIFY_INLINE_MAX: "3",
      WIKI_SMTP_HOST: "127.0.0.1",
      WIKI_SMTP_PORT: String(mail.port),
      WIKI_MAIL_FROM: "wiki@test.example",
    },
  });
});
afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

describe("watching an article", () => {
  it("needs a session: 401 without one, and nothing is written", async () => {
    const { slug } = await article();
    const before = await snapshotAllRows(ctx.db);
    const anonymous = await watch(null, slug);
    expect(anonymous.status, anonymous.text).toBe(401);
    const form = await httpRequest(server, "POST", `/api/articles/${slug}/watch`, {
      rawBody: "watch=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status, form.text).toBe(401);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });

  it("watches with an expiry, shows a pressed star, and unwatches; bad input is a 400 naming the field", async () => {
    const { slug, id } = await article();
    const watched = await watch(bystander, slug, { expiry: "1week" });
    expect(watched.status, watched.text).toBe(200);
    expect(watched.body.watched).toBe(true);
    const row = await ctx.db.watch.findUniqueOrThrow({
      where: { userId_articleId: { userId: bystander.id, articleId: id } },
    });
    const days = (row.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    const page = await httpRequest(server, "GET", `/wiki/${slug}`, { user: bystander });
    expect(page.text).toMatch(/<button[^>]*aria-pressed="true"[^>]*>/);
    const bad = await watch(bystander, slug, { expiry: "forever" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/expiry/);
    const missing = await watch(bystander, "No_such_article_here");
    expect(missing.status).toBe(404);
    const unwatched = await httpRequest(server, "DELETE", `/api/articles/${slug}/watch`, { body: {}, user: bystander });
    expect(unwatched.status).toBe(200);
    expect(await ctx.db.watch.count({ where: { userId: bystander.id, articleId: id } })).toBe(0);
    const after = await httpRequest(server, "GET", `/wiki/${slug}`, { user: bystander });
    expect(after.text).toMatch(/<button[^>]*aria-pressed="false"[^>]*>/);
  });

  it("works as a no-script form: 303 back to the article", async () => {
    const { slug, id } = await article();
    const response = await httpRequest(server, "POST", `/api/articles/${slug}/watch`, {
      rawBody: "watch=1&expiry=1month",
      user: bystander,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status, response.text).toBe(303);
    expect(response.headers.get("location")).toBe(`/wiki/${slug}`);
    expect(await ctx.db.watch.count({ where: { userId: bystander.id, articleId: id } })).toBe(1);
    await httpRequest(server, "POST", `/api/articles/${slug}/watch`, {
      rawBody: "watch=0",
      user: bystander,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(await ctx.db.watch.count({ where: { userId: bystander.id, articleId: id } })).toBe(0);
  });

  it("watches what one proposes, and what one edits", async () => {
    const { slug, base, content, id } = await article();
    await proposeOverHttp(server, proposer, { slug, base, content: withSections(content, { bg: "Auto-watched." }) });
    expect(await ctx.db.watch.count({ where: { userId: proposer.id, articleId: id } })).toBe(1);
    const edit = await httpRequest(server, "POST", `/api/articles/${slug}/edits`, {
      body: { baseRevisionId: base, summary: "direct", content: withSections(content, { ev: "Admin edit." }) },
      user: admin,
    });
    expect(edit.status, edit.text).toBe(201);
    expect(await ctx.db.watch.count({ where: { userId: admin.id, articleId: id } })).toBe(1);
  });
});

describe("fan-out of a new proposal to watchers", () => {
  it("tells the reviewers who watch the article, not other watchers, never the proposer", async () => {
    const { slug, base, content } = await article();
    for (const user of [reviewer, reviewer2, bystander, proposer]) expect((await watch(user, slug)).status).toBe(200);
    const since = await ctx.db.notification.aggregate({ _max: { id: true } });
    const fresh = { id: { gt: since._max.id ?? 0 } };
    const id = await proposeOverHttp(server, proposer, { slug, base, content: withSections(content, { bg: "New." }) });
    for (const user of [reviewer, reviewer2])
      expect(await notificationsOf(user, fresh)).toEqual([
        expect.objectContaining({ type: "proposal_new", proposalId: id, actorId: proposer.id }),
      ]);
    expect(await notificationsOf(bystander, fresh)).toEqual([]);
    expect(await notificationsOf(proposer, fresh)).toEqual([]);
  });

  it("writes a large audience just after the commit, from one stored event", async () => {
    const { slug, base, content } = await article();
    const many = [reviewer, reviewer2];
    for (let i = 0; i < 3; i++) many.push(await makeUser(ctx.db, { name: `wn_many_${i}`, role: "reviewer" }));
    for (const user of many) expect((await watch(user, slug)).status).toBe(200);
    const id = await proposeOverHttp(server, proposer, { slug, base, content: withSections(content, { bg: "Many." }) });
    const jobs = (await ctx.db.notificationFanout.findMany()).filter(
      (job) => (job.event as { proposalId?: number }).proposalId === id,
    );
    expect(jobs).toHaveLength(1);
    await waitFor(async () => {
      const count = await ctx.db.notification.count({ where: { proposalId: id, type: "proposal_new" } });
      return count === many.length ? count : undefined;
    }, "the deferred notifications");
    for (const user of many) expect(await notificationsOf(user, { proposalId: id })).toHaveLength(1);
    expect(await notificationsOf(proposer, { proposalId: id })).toEqual([]);
    const job = await ctx.db.notificationFanout.findUniqueOrThrow({ where: { id: jobs[0].id } });
    expect(job).toMatchObject({ notified: many.length, doneAt: expect.any(Date) });
  });

  it("ignores expired watches", async () => {
    const { slug, base, content, id: articleId } = await article();
    await watch(reviewer, slug);
    await ctx.db.watch.update({
      where: { userId_articleId: { userId: reviewer.id, articleId } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const id = await proposeOverHttp(server, proposer, { slug, base, content: withSections(content, { bg: "Late." }) });
    expect(await notificationsOf(reviewer, { proposalId: id })).toEqual([]);
  });

  it("respects a type turned off: no row is written for that reviewer", async () => {
    const { slug, base, content } = await article();
    await watch(reviewer, slug);
    await watch(reviewer2, slug);
    const off = await httpRequest(server, "PUT", "/api/notifications/preferences", {
      body: { types: [{ type: "proposal_new", web: false, email: false }], email: "" },
      user: reviewer2,
    });
    expect(off.status, off.text).toBe(200);
    const id = await proposeOverHttp(server, proposer, {
      slug,
      base,
      content: withSections(content, { bg: "Prefs." }),
    });
    expect(await notificationsOf(reviewer, { proposalId: id })).toHaveLength(1);
    expect(await notificationsOf(reviewer2, { proposalId: id })).toEqual([]);
    const bad = await httpRequest(server, "PUT", "/api/notifications/preferences", {
      body: { types: [{ type: "proposal_gossip", web: true, email: false }], email: "" },
      user: reviewer2,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/types\.0\.type/);
  });
});

describe("decisions notify the proposer", () => {
  const decide = (id: number, action: string, body: Record<string, unknown>) =>
    httpRequest(server, "POST", `/api/proposals/${id}/${action}`, { body, user: reviewer });

  it("approve, partially approve, reject and send back each give their own notification, linking the right place", async () => {
    const cases = [
      ["approve", { version: 1, comment: "Good." }, "proposal_approved", true],
      [
        "approve",
        { version: 1, comment: "Half.", declined: [{ kind: "section", id: "ev", reason: "unsourced" }] },
        "proposal_partially_approved",
        true,
      ],
      ["reject", { version: 1, reason: "Not neutral." }, "proposal_rejected", false],
      ["request-changes", { version: 1, comment: "Cite it." }, "proposal_changes_requested", false],
    ] as const;
    for (const [action, body, type, publishes] of cases) {
      const { slug, base, content } = await article();
      const id = await proposeOverHttp(server, proposer, {
        slug,
        base,
        content: withSections(content, { bg: `Changed for ${type}.`, ev: `Events for ${type}.` }),
      });
      const response = await decide(id, action, body);
      expect(response.status, response.text).toBe(200);
      const [note] = await notificationsOf(proposer, { proposalId: id });
      expect(note, type).toMatchObject({ type, actorId: reviewer.id, readAt: null });
      expect(await notificationsOf(reviewer, { proposalId: id, type })).toEqual([]);
      if (publishes) {
        expect(note.toRevisionId).toBe(response.body.revisionId);
        expect(note.fromRevisionId).toBe(base);
      } else expect(note.toRevisionId).toBeNull();
      // Following it from the inbox marks it read and lands on the diff (or the proposal).
      const open = await httpRequest(server, "GET", `/notifications/${note.id}`, { user: proposer });
      expect([303, 307]).toContain(open.status);
      expect(open.headers.get("location")).toBe(
        publishes ? `/wiki/${slug}/diff?from=${base}&to=${response.body.revisionId}` : `/proposals/${id}`,
      );
      expect((await ctx.db.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).not.toBeNull();
    }
  });

  it("a comment by someone else notifies the author; the author's own does not", async () => {
    const { slug, base, content } = await article();
    const id = await proposeOverHttp(server, proposer, { slug, base, content: withSections(content, { bg: "Talk." }) });
    const own = await httpRequest(server, "POST", `/api/proposals/${id}/comments`, {
      body: { body: "Mine." },
      user: proposer,
    });
    expect(own.status, own.text).toBe(201);
    expect(await notificationsOf(proposer, { proposalId: id })).toEqual([]);
    await httpRequest(server, "POST", `/api/proposals/${id}/comments`, { body: { body: "Why?" }, user: bystander });
    expect(await notificationsOf(proposer, { proposalId: id })).toEqual([
      expect.objectContaining({ type: "proposal_commented", actorId: bystander.id }),
    ]);
  });

  it("an undone edit notifies its author", async () => {
    const { slug, content } = await article();
    await ctx.db.article.update({ where: { slug }, data: { protectionLevel: "none" } });
    const head = (await ctx.db.article.findUniqueOrThrow({ where: { slug } })).currentRevisionId!;
    const edit = await httpRequest(server, "POST", `/api/articles/${slug}/edits`, {
      body: { baseRevisionId: head, summary: "mine", content: withSections(content, { bg: "Bystander's text." }) },
      user: bystander,
    });
    expect(edit.status, edit.text).toBe(201);
    const undo = await httpRequest(server, "POST", `/api/articles/${slug}/revert`, {
      body: { revisionId: edit.body.revision.id, mode: "undo", reason: "unsourced" },
      user: admin,
    });
    expect(undo.status, undo.text).toBe(201);
    const [note] = await notificationsOf(bystander, { type: "edit_reverted" });
    expect(note).toMatchObject({
      actorId: admin.id,
      fromRevisionId: edit.body.revision.id,
      toRevisionId: undo.body.revision.id,
    });
  });
});

describe("the inbox is the recipient's own", () => {
  it("answers 404 to anyone else reading or marking a notification, and changes nothing", async () => {
    const { slug, base, content } = await article();
    const id = await proposeOverHttp(server, proposer, { slug, base, content: withSections(content, { bg: "Mine." }) });
    await httpRequest(server, "POST", `/api/proposals/${id}/comments`, { body: { body: "Hm." }, user: reviewer });
    const [note] = await notificationsOf(proposer, { proposalId: id });
    const before = await snapshotAllRows(ctx.db);
    const mark = await httpRequest(server, "POST", "/api/notifications/read", {
      body: { ids: [note.id] },
      user: bystander,
    });
    expect(mark.status, mark.text).toBe(404);
    expect(mark.body.error.message).toMatch(/^ids:/);
    const open = await httpRequest(server, "GET", `/notifications/${note.id}`, { user: bystander });
    expect(open.status).toBe(404);
    const inbox = await httpRequest(server, "GET", "/notifications", { user: bystander });
    expect(inbox.text).not.toContain(`/notifications/${note.id}"`);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
    const mine = await httpRequest(server, "POST", "/api/notifications/read", {
      body: { ids: [note.id] },
      user: proposer,
    });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.marked).toBe(1);
  });

  it("shows the unread count in the header, capped at 99+, and mark-all clears it", async () => {
    const rows = Array.from({ length: 120 }, () => ({
      recipientId: bystander.id,
      type: "proposal_commented",
      actorId: admin.id,
    }));
    await ctx.db.notification.createMany({ data: rows });
    const page = await httpRequest(server, "GET", "/watchlist", { user: bystander });
    expect(page.text).toMatch(
      /class="notifications-count">Notifications(<!-- -->)? <span class="count-badge">99\+<\/span>/,
    );
    const all = await httpRequest(server, "POST", "/api/notifications/read", { body: { all: true }, user: bystander });
    expect(all.status).toBe(200);
    const after = await httpRequest(server, "GET", "/watchlist", { user: bystander });
    expect(after.text).not.toContain('class="count-badge">99+');
  });
});

describe("the watchlist page", () => {
  it("lists changes to watched articles with diff links, marks the new ones, and the visit marks them seen", async () => {
    const { slug, base, content } = await article();
    await watch(bystander, slug);
    const edit = await httpRequest(server, "POST", `/api/articles/${slug}/edits`, {
      body: { baseRevisionId: base, summary: "watchlist edit", content: withSections(content, { bg: "Seen?" }) },
      user: admin,
    });
    expect(edit.status, edit.text).toBe(201);
    const first = await httpRequest(server, "GET", "/watchlist", { user: bystander });
    expect(first.text).toContain(`/wiki/${slug}/diff?from=${base}&amp;to=${edit.body.revision.id}`);
    expect(first.text).toContain("new since your last visit");
    const second = await httpRequest(server, "GET", "/watchlist", { user: bystander });
    expect(second.text).toContain(`/wiki/${slug}/diff?from=${base}&amp;to=${edit.body.revision.id}`);
    expect(second.text).not.toContain("new since your last visit</b>");
    const anonymous = await httpRequest(server, "GET", "/watchlist");
    expect(anonymous.text).toContain('href="/login?returnTo=/watchlist"');
  });
});

describe("the watchlist feed", () => {
  it("serves the owner's watchlist, talk posts included, to the private token only, and never marks it seen", async () => {
    const { slug, base, content } = await article();
    await watch(bystander, slug);
    const edit = await httpRequest(server, "POST", `/api/articles/${slug}/edits`, {
      body: { baseRevisionId: base, summary: "fed <b>edit</b> & more", content: withSections(content, { bg: "Fed." }) },
      user: admin,
    });
    expect(edit.status, edit.text).toBe(201);
    const topic = await httpRequest(server, "POST", `/api/articles/${slug}/talk`, {
      body: { title: "Sourcing the figures", body: "Which source?" },
      user: admin,
    });
    expect(topic.status, topic.text).toBe(201);
    const token = await httpRequest(server, "POST", "/api/notifications/feed-token", { body: {}, user: bystander });
    expect(token.status, token.text).toBe(200);
    const seenBefore = (await ctx.db.user.findUniqueOrThrow({ where: { id: bystander.id } })).watchlistSeenAt;
    const fed = await httpRequest(server, "GET", `/watchlist/feed?token=${token.body.feedToken}`);
    expect(fed.status, fed.text).toBe(200);
    expect(fed.headers.get("content-type")).toMatch(/^application\/atom\+xml/);
    expect(fed.headers.get("cache-control")).toMatch(/private/);
    expect(fed.text).toContain(`/wiki/${slug}/diff?from=${base}&amp;to=${edit.body.revision.id}`);
    expect(fed.text).toContain(`/wiki/${slug}/talk#post-${topic.body.post.id}`);
    expect(fed.text).toContain("started “Sourcing the figures” on the talk page of");
    expect(fed.text).toContain("fed &lt;b&gt;edit&lt;/b&gt; &amp; more");
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: bystander.id } })).watchlistSeenAt).toEqual(seenBefore);
    // The page lists the talk post too.
    expect((await httpRequest(server, "GET", "/watchlist", { user: bystander })).text).toContain(
      `/wiki/${slug}/talk#post-${topic.body.post.id}`,
    );
    // A wrong, missing or rotated token finds nothing.
    const wrong = await httpRequest(server, "GET", `/watchlist/feed?token=${"x".repeat(43)}`);
    expect(wrong.status).toBe(404);
    const missing = await httpRequest(server, "GET", "/watchlist/feed");
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^token/);
    await httpRequest(server, "POST", "/api/notifications/feed-token", { body: {}, user: bystander });
    expect((await httpRequest(server, "GET", `/watchlist/feed?token=${token.body.feedToken}`)).status).toBe(404);
  });
});

describe("email", () => {
  it("is sent after the commit to the proposer's address with the subject and the diff link", async () => {
    const set = await httpRequest(server, "PUT", "/api/notifications/preferences", {
      body: { types: [], email: "newbie@mail.example" },
      user: proposer,
    });
    expect(set.status, set.text).toBe(200);
    const { slug, base, content } = await article();
    const id = await proposeOverHttp(server, proposer, {
      slug,
      base,
      content: withSections(content, { bg: "Mailed." }),
    });
    const approved = await httpRequest(server, "POST", `/api/proposals/${id}/approve`, {
      body: { version: 1, comment: "ok" },
      user: reviewer,
    });
    expect(approved.status, approved.text).toBe(200);
    const link = `${server.url}/wiki/${slug}/diff?from=${base}&to=${approved.body.revisionId}`;
    const mail = await waitFor(() => mails.find((m) => m.text.includes(link)), "the approval email");
    expect(mail.to).toEqual(["newbie@mail.example"]);
    expect(mail.subject).toBe(`[Wiki] wn_reviewer approved your proposal #${id} to “${slug.replace(/_/g, " ")}”.`);
  });

  it("a failing SMTP server does not fail the save; the outbox keeps the error and retries", async () => {
    await ctx.db.user.update({ where: { id: proposer.id }, data: { email: "newbie@fail.example" } });
    const { slug, base, content } = await article();
    const id = await proposeOverHttp(server, proposer, {
      slug,
      base,
      content: withSections(content, { bg: "Bounce." }),
    });
    const rejected = await httpRequest(server, "POST", `/api/proposals/${id}/reject`, {
      body: { version: 1, reason: "No." },
      user: reviewer,
    });
    expect(rejected.status, rejected.text).toBe(200);
    expect((await ctx.db.proposal.findUniqueOrThrow({ where: { id } })).status).toBe("rejected");
    const row = await waitFor(async () => {
      const found = await ctx.db.emailOutbox.findFirst({
        where: { notification: { proposalId: id }, attempts: { gt: 0 } },
      });
      return found ?? undefined;
    }, "a failed attempt");
    expect(row.sentAt).toBeNull();
    expect(row.lastError).toMatch(/550|mailbox/);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  });
});
