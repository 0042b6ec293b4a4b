import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent, Section } from "../../../lib/document/model";
import { makeUser, type TestUser } from "../../factories";
import { httpRequest, startAppServer, type AppServer } from "../../server";
import { useRouteTestDatabase } from "../harness";

// Anchored review threads and suggested changes, attacked over HTTP against the
// production server: who may comment, resolve, suggest and apply; anchors that
// point at nothing; threads and suggestions on versions that are no longer current.

const ctx = useRouteTestDatabase();
let server: AppServer;
let admin: TestUser;
let reviewer: TestUser;
let proposer: TestUser;
let stranger: TestUser;
let blocked: TestUser;
let counter = 0;

const section = (id: string, title: string, markup: string | string[]): Section => ({
  id,
  title,
  level: id === "lead" ? 0 : 2,
  body: docFromMarkup(markup),
});

const ORIGINAL: Record<string, string[]> = {
  lead: ["Lead about the offensive.[[ref:a]]"],
  bg: ["First background paragraph.", "Second background paragraph, about the front.[[ref:a]]"],
  ev: ["Events text.[[ref:b]]"],
};

function contentWith(sections: Record<string, string[]>, title: string): ArticleContent {
  return {
    title,
    infobox: null,
    sections: [
      section("lead", "", sections.lead),
      section("bg", "Background", sections.bg),
      section("ev", "Events", sections.ev),
    ],
    references: [
      { key: "a", title: "Source A" },
      { key: "b", title: "Source B" },
    ],
  };
}

/** An extended-protected article and a proposal on it (version 1 changes the lead), by `proposer`. */
async function proposal(): Promise<{ id: number; content: ArticleContent }> {
  counter += 1;
  const slug = `Threads_${counter}`;
  const title = `Threads ${counter}`;
  const base = contentWith(ORIGINAL, title);
  const saved = await saveRevision({ db: ctx.db, slug, baseRevisionId: null, content: base, authorId: admin.id });
  await ctx.db.article.update({
    where: { slug },
    data: { protectionLevel: "extended", protectionReason: "contested" },
  });
  const content = contentWith({ ...ORIGINAL, lead: ["Lead about the whole offensive.[[ref:a]]"] }, title);
  const response = await httpRequest(server, "POST", `/api/articles/${slug}/edits`, {
    body: { baseRevisionId: saved.revisionId, summary: "lead", rationale: "sourced", content },
    user: proposer,
  });
  expect(response.status, response.text).toBe(202);
  return { id: response.body.proposal.id, content };
}

/** The author posts a new version with `sections` changed. */
async function revise(id: number, content: ArticleContent, sections: Record<string, string[]>) {
  const next = contentWith(
    { ...ORIGINAL, lead: ["Lead about the whole offensive.[[ref:a]]"], ...sections },
    content.title,
  );
  const response = await httpRequest(server, "POST", `/api/proposals/${id}/versions`, {
    body: { baseRevisionId: null, summary: "", content: next },
    user: proposer,
  });
  expect(response.status, response.text).toBe(201);
  return next;
}

const start = (id: number, user: TestUser | null, body: Record<string, unknown>) =>
  httpRequest(server, "POST", `/api/proposals/${id}/threads`, { body: { body: "Please check.", ...body }, user });
const threadAction = (id: number, thread: number, action: string, user: TestUser | null, body: object = {}) =>
  httpRequest(server, "POST", `/api/proposals/${id}/threads/${thread}/${action}`, { body, user });
const threads = async (id: number) => {
  const response = await httpRequest(server, "GET", `/api/proposals/${id}/threads`);
  expect(response.status, response.text).toBe(200);
  return response.body as { version: number; threads: any[] };
};
const versionCount = (id: number) => ctx.db.proposalVersion.count({ where: { proposalId: id } });

beforeAll(async () => {
  admin = await makeUser(ctx.db, { name: "t_admin", role: "admin" });
  reviewer = await makeUser(ctx.db, { name: "t_reviewer", role: "reviewer" });
  proposer = await makeUser(ctx.db, { name: "t_proposer" });
  stranger = await makeUser(ctx.db, { name: "t_stranger" });
  blocked = await makeUser(ctx.db, { name: "t_blocked", blocked: "vandalism" });
  server = await startAppServer({ databaseUrl: ctx.url, env: { WIKI_RATE_LIMITS: "off" } });
});
afterAll(async () => server?.stop());

describe("who may comment, reply, resolve and reopen", () => {
  it("refuses anonymous (401) and blocked (403) commenters, and lets any other signed-in user start and reply", async () => {
    const { id } = await proposal();
    const anchor = { kind: "block", sectionId: "bg", blockIndex: 0 };
    expect((await start(id, null, { version: 1, anchor })).status).toBe(401);
    const refused = await start(id, blocked, { version: 1, anchor });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/blocked/);
    const started = await start(id, stranger, { version: 1, anchor });
    expect(started.status, started.text).toBe(201);
    expect((await threadAction(id, started.body.id, "comments", blocked, { body: "no" })).status).toBe(403);
    expect((await threadAction(id, started.body.id, "comments", proposer, { body: "Fixed?" })).status).toBe(201);
    expect((await threadAction(id, started.body.id, "comments", proposer, { body: "   " })).status).toBe(400);
    const [thread] = (await threads(id)).threads;
    expect(thread.entries.map((entry: any) => [entry.author, entry.body])).toEqual([
      ["t_stranger", "Please check."],
      ["t_proposer", "Fixed?"],
    ]);
  });

  it("lets a reviewer, the author and the starter resolve or reopen, nobody else; a second resolve is a 409", async () => {
    const { id } = await proposal();
    const started = await start(id, stranger, {
      version: 1,
      anchor: { kind: "block", sectionId: "bg", blockIndex: 0 },
    });
    const other = await makeUser(ctx.db, { name: `t_other_${id}` });
    expect((await threadAction(id, started.body.id, "resolve", null)).status).toBe(401);
    expect((await threadAction(id, started.body.id, "resolve", other)).status).toBe(403);
    expect((await threadAction(id, started.body.id, "resolve", blocked)).status).toBe(403);
    expect((await threadAction(id, started.body.id, "resolve", reviewer)).status).toBe(200);
    expect((await threadAction(id, started.body.id, "resolve", proposer)).status).toBe(409);
    expect((await threadAction(id, started.body.id, "reopen", other)).status).toBe(403);
    expect((await threadAction(id, started.body.id, "reopen", proposer)).status).toBe(200);
    expect((await threadAction(id, started.body.id, "resolve", stranger)).status).toBe(200);
    const [thread] = (await threads(id)).threads;
    expect(thread.resolved.by).toBe("t_stranger");
    expect(thread.entries.map((entry: any) => `${entry.kind}:${entry.author}`)).toEqual([
      "comment:t_stranger",
      "resolve:t_reviewer",
      "reopen:t_proposer",
      "resolve:t_stranger",
    ]);
  });

  it("answers 404 for a thread of another proposal", async () => {
    const first = await proposal();
    const second = await proposal();
    const started = await start(first.id, stranger, { version: 1, anchor: { kind: "infobox" } });
    expect(started.status).toBe(400); // no infobox: see below; use a block
    const onBlock = await start(first.id, stranger, {
      version: 1,
      anchor: { kind: "block", sectionId: "ev", blockIndex: 0 },
    });
    expect((await threadAction(second.id, onBlock.body.id, "resolve", reviewer)).status).toBe(404);
  });
});

describe("anchors are checked against the version's content", () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["a section the version does not have", { kind: "block", sectionId: "nope", blockIndex: 0 }, "anchor.sectionId"],
    ["a block past the section's end", { kind: "block", sectionId: "bg", blockIndex: 2 }, "anchor.blockIndex"],
    [
      "a citation the block does not have",
      { kind: "citation", sectionId: "bg", blockIndex: 0, refKey: "a" },
      "anchor.refKey",
    ],
    [
      "words the block does not have",
      { kind: "range", sectionId: "bg", blockIndex: 0, quote: "foreground" },
      "anchor.quote",
    ],
    [
      "a range past the block's end",
      { kind: "range", sectionId: "bg", blockIndex: 0, rangeStart: 5, rangeEnd: 500 },
      "anchor.rangeEnd",
    ],
    [
      "offsets and a quote that disagree",
      { kind: "range", sectionId: "bg", blockIndex: 0, rangeStart: 0, rangeEnd: 5, quote: "Secon" },
      "anchor.quote",
    ],
    ["a reference the version does not have", { kind: "reference", refKey: "zzz" }, "anchor.refKey"],
    ["the infobox of an article without one", { kind: "infobox" }, "anchor.kind"],
    ["an unknown anchor kind", { kind: "sentence" }, "anchor"],
  ];
  it.each(cases)("refuses %s with a 400 naming the field, and writes nothing", async (_, anchor, field) => {
    const { id } = await proposal();
    const response = await start(id, reviewer, { version: 1, anchor });
    expect(response.status, response.text).toBe(400);
    expect(response.body.error.message).toContain(field);
    expect(await ctx.db.reviewThread.count({ where: { proposalId: id } })).toBe(0);
  });

  it("takes the quote from the content and completes a range given by its words", async () => {
    const { id } = await proposal();
    const response = await start(id, reviewer, {
      version: 1,
      anchor: { kind: "range", sectionId: "bg", blockIndex: 1, quote: "about the front" },
    });
    expect(response.status, response.text).toBe(201);
    expect(response.body.anchor).toMatchObject({
      anchorKind: "range",
      rangeStart: 29,
      rangeEnd: 44,
      quote: "about the front",
    });
    const cited = await start(id, reviewer, {
      version: 1,
      anchor: { kind: "citation", sectionId: "bg", blockIndex: 1, refKey: "a" },
    });
    expect(cited.status, cited.text).toBe(201);
    expect(cited.body.anchor.quote).toBe("Second background paragraph, about the front.");
  });
});

describe("threads and versions", () => {
  it("refuses a new thread on a version that is not the current one (409), but takes a reply to an old thread", async () => {
    const { id, content } = await proposal();
    const old = await start(id, reviewer, { version: 1, anchor: { kind: "block", sectionId: "ev", blockIndex: 0 } });
    await revise(id, content, { bg: ["First background paragraph.", "Rewritten."] });
    const stale = await start(id, reviewer, { version: 1, anchor: { kind: "block", sectionId: "ev", blockIndex: 0 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/version 2/);
    expect(
      (await start(id, reviewer, { version: 3, anchor: { kind: "block", sectionId: "ev", blockIndex: 0 } })).status,
    ).toBe(409);
    expect((await threadAction(id, old.body.id, "comments", proposer, { body: "Still true." })).status).toBe(201);
  });

  it("carries threads to the newest version by block identity, and shows those on removed text as outdated with their text", async () => {
    const { id, content } = await proposal();
    const anchor = (sectionId: string, blockIndex: number) => ({ kind: "block", sectionId, blockIndex });
    const kept = await start(id, reviewer, { version: 1, anchor: anchor("ev", 0) });
    const shifted = await start(id, reviewer, { version: 1, anchor: anchor("bg", 1) });
    const removed = await start(id, reviewer, { version: 1, anchor: anchor("bg", 0) });
    const words = await start(id, reviewer, {
      version: 1,
      anchor: { kind: "range", sectionId: "bg", blockIndex: 1, quote: "about the front" },
    });
    // Version 2 drops the first background paragraph and edits the second in place.
    await revise(id, content, { bg: ["Second background paragraph, about the front line.[[ref:a]]"] });
    const read = await threads(id);
    expect(read.version).toBe(2);
    const byId = new Map(read.threads.map((thread: any) => [thread.id, thread]));
    expect(byId.get(kept.body.id).place).toMatchObject({
      state: "current",
      sectionId: "ev",
      blockIndex: 0,
      changed: false,
    });
    expect(byId.get(shifted.body.id).place).toMatchObject({
      state: "current",
      sectionId: "bg",
      blockIndex: 0,
      changed: true,
    });
    expect(byId.get(removed.body.id).place.state).toBe("outdated");
    expect(byId.get(removed.body.id).quote).toBe("First background paragraph.");
    expect(byId.get(words.body.id).place).toMatchObject({
      state: "current",
      blockIndex: 0,
      rangeStart: 29,
      rangeEnd: 44,
    });
  });
});

describe("suggested changes", () => {
  const onBlock = { kind: "block", sectionId: "bg", blockIndex: 0 };

  it("lets only reviewers suggest, and refuses a suggestion that is no valid document (400), writing nothing", async () => {
    const { id } = await proposal();
    expect((await start(id, stranger, { version: 1, anchor: onBlock, suggestion: "Better." })).status).toBe(403);
    const unclosed = await start(id, reviewer, { version: 1, anchor: onBlock, suggestion: "Bad '''bold." });
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.error.message).toContain("suggestion");
    const dangling = await start(id, reviewer, { version: 1, anchor: onBlock, suggestion: "Cites [[ref:nowhere]]." });
    expect(dangling.status).toBe(400);
    expect(dangling.body.error.message).toContain("nowhere");
    const onReference = await start(id, reviewer, {
      version: 1,
      anchor: { kind: "reference", refKey: "a" },
      suggestion: "x",
    });
    expect(onReference.status).toBe(400);
    expect(await ctx.db.reviewThread.count({ where: { proposalId: id } })).toBe(0);
  });

  it("applies a suggestion as exactly one new version, by the author only, and marks the thread applied", async () => {
    const { id } = await proposal();
    const started = await start(id, reviewer, {
      version: 1,
      anchor: onBlock,
      suggestion: "A better first paragraph.[[ref:b]]",
    });
    expect(started.status, started.text).toBe(201);
    expect((await threadAction(id, started.body.id, "apply", null, { version: 1 })).status).toBe(401);
    expect((await threadAction(id, started.body.id, "apply", reviewer, { version: 1 })).status).toBe(403);
    expect((await threadAction(id, started.body.id, "apply", stranger, { version: 1 })).status).toBe(403);
    expect(await versionCount(id)).toBe(1);
    const applied = await threadAction(id, started.body.id, "apply", proposer, { version: 1 });
    expect(applied.status, applied.text).toBe(201);
    expect(applied.body.version).toBe(2);
    const again = await threadAction(id, started.body.id, "apply", proposer, { version: 2 });
    expect(again.status).toBe(409);
    expect(await versionCount(id)).toBe(2);
    const version = await ctx.db.proposalVersion.findUniqueOrThrow({
      where: { proposalId_version: { proposalId: id, version: 2 } },
    });
    expect(version.touchedSections).toContain("bg");
    const read = await threads(id);
    const [thread] = read.threads;
    expect(thread).toMatchObject({ appliedInVersion: 2, resolved: { by: "t_proposer" } });
    expect(thread.entries.at(-1)).toMatchObject({ kind: "apply", body: "Applied in version 2." });
    const page = await httpRequest(server, "GET", `/api/proposals/${id}/diff?section=bg`);
    expect(JSON.stringify(page.body)).toContain("A better first paragraph.");
  });

  it("refuses (409) a suggestion made on an older version whose block changed since, and loses nothing", async () => {
    const { id, content } = await proposal();
    const started = await start(id, reviewer, { version: 1, anchor: onBlock, suggestion: "Suggested text." });
    // Changed in place (the thread follows the block), not rewritten: the suggestion would overwrite the author's edit.
    await revise(id, content, { bg: ["First background paragraph. Edited.", ORIGINAL.bg[1]] });
    expect((await threads(id)).threads[0].place).toMatchObject({ state: "current", blockIndex: 0, changed: true });
    const refused = await threadAction(id, started.body.id, "apply", proposer, { version: 2 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/changed since version 1/);
    expect(refused.body.error.details.suggestion).toBe("Suggested text.");
    expect(await versionCount(id)).toBe(2);
    const [thread] = (await threads(id)).threads;
    expect(thread).toMatchObject({ suggestion: "Suggested text.", appliedInVersion: null, resolved: null });
  });

  it("applies a suggestion made on an older version whose block is unchanged, where the block is now", async () => {
    const { id, content } = await proposal();
    const started = await start(id, reviewer, {
      version: 1,
      anchor: { kind: "block", sectionId: "bg", blockIndex: 1 },
      suggestion: "Second paragraph, tightened.[[ref:a]]",
    });
    await revise(id, content, { bg: ["A new opening paragraph.", ...ORIGINAL.bg] });
    expect((await threadAction(id, started.body.id, "apply", proposer, { version: 1 })).status).toBe(409);
    const applied = await threadAction(id, started.body.id, "apply", proposer, { version: 2 });
    expect(applied.status, applied.text).toBe(201);
    const section = await httpRequest(server, "GET", `/api/proposals/${id}/diff?section=bg`);
    const text = JSON.stringify(section.body);
    expect(text).toContain("Second paragraph, tightened.");
    expect(text).toContain("First background paragraph.");
  });
});
