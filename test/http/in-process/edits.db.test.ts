import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as editsRoute from "../../../app/api/articles/[slug]/edits/route";
import { readArticleRevision } from "../../../lib/articles/read-article";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent, Section } from "../../../lib/document/model";
import { makeUser, type TestUser } from "../../factories";
import { apiRequest, call, type RouteHandler, useRouteTestDatabase } from "../harness";

const ctx = useRouteTestDatabase();
let alice: TestUser;
let bob: TestUser;
let slugCounter = 0;
let slug: string;
let firstRevision: number;

const section = (id: string, text: string, title = id[0].toUpperCase() + id.slice(1)): Section => ({
  id,
  title: id === "lead" ? "" : title,
  level: id === "lead" ? 0 : 2,
  body: docFromMarkup(text),
});
const initial = (title: string): ArticleContent => ({
  title,
  infobox: null,
  sections: [
    section("lead", "Lead text.[[ref:a]]"),
    section("history", "History text.[[ref:a]]"),
    section("geography", "Geography text."),
  ],
  references: [{ key: "a", title: "Source A", url: "https://example.org/a" }],
});

async function edit(user: TestUser | null, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return call(
    editsRoute.POST as RouteHandler,
    await apiRequest("POST", `/api/articles/${slug}/edits`, { body, user, headers }),
    { slug },
  );
}
const sectionEdit = (base: number, id: string, text: string, extra: Record<string, unknown> = {}) => ({
  baseRevisionId: base,
  summary: `edit ${id}`,
  sectionEdit: { sectionId: id, sections: [section(id, text)] },
  ...extra,
});
const counts = async () => ({ revisions: await ctx.db.revision.count(), blobs: await ctx.db.contentBlob.count() });

beforeAll(async () => {
  alice = await makeUser(ctx.db, { name: "alice", role: "autoconfirmed" });
  bob = await makeUser(ctx.db, { name: "bob", role: "autoconfirmed" });
});

beforeEach(async () => {
  slugCounter += 1;
  slug = `Article_${slugCounter}`;
  const saved = await saveRevision({
    db: ctx.db,
    slug,
    baseRevisionId: null,
    content: initial(`Article ${slugCounter}`),
    authorId: alice.id,
  });
  firstRevision = saved.revisionId;
});

describe("POST /api/articles/{slug}/edits", () => {
  it("saves a section edit as a new revision and counts the edit", async () => {
    const before = (await ctx.db.user.findUniqueOrThrow({ where: { id: bob.id } })).editCount;
    const response = await edit(
      bob,
      sectionEdit(firstRevision, "history", "New history.[[ref:a]] With a new source.[[ref:b]]", {
        references: [{ key: "b", title: "Source B", url: "https://example.org/b" }],
      }),
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: "saved",
      revision: { parentId: firstRevision, summary: "edit history" },
      merged: null,
    });
    const view = await readArticleRevision({ db: ctx.db, slug });
    expect(JSON.stringify(view.content.sections[1].body)).toContain("New history.");
    expect(view.content.references.map((r) => r.key)).toEqual(["a", "b"]);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: bob.id } })).editCount).toBe(before + 1);
  });

  it("drops a reference nothing cites any more", async () => {
    const whole = initial("x");
    const content = { ...whole, sections: whole.sections.map((s) => section(s.id, "No sources now.")) };
    expect((await edit(bob, { baseRevisionId: firstRevision, content })).status).toBe(201);
    expect((await readArticleRevision({ db: ctx.db, slug })).content.references).toEqual([]);
  });

  it("lands two concurrent edits of different sections, the second merged", async () => {
    const [a, b] = await Promise.all([
      edit(alice, sectionEdit(firstRevision, "history", "Alice’s history.")),
      edit(bob, sectionEdit(firstRevision, "geography", "Bob’s geography.")),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const merged = [a, b].filter((response) => response.body.merged !== null);
    expect(merged).toHaveLength(1);
    expect(merged[0].body.revision.summary).toMatch(/merged with revision \d+/);
    const text = JSON.stringify((await readArticleRevision({ db: ctx.db, slug })).content);
    expect(text).toContain("Alice’s history.");
    expect(text).toContain("Bob’s geography.");
    // The chain is intact: head -> the other -> first.
    const head = await ctx.db.article.findUniqueOrThrow({ where: { slug } });
    const top = await ctx.db.revision.findUniqueOrThrow({ where: { id: head.currentRevisionId! } });
    const middle = await ctx.db.revision.findUniqueOrThrow({ where: { id: top.parentId! } });
    expect(middle.parentId).toBe(firstRevision);
  });

  it("gives one 201 and one 409 with both versions for the same section, losing nothing", async () => {
    const [a, b] = await Promise.all([
      edit(alice, sectionEdit(firstRevision, "history", "Alice’s version of history.")),
      edit(bob, sectionEdit(firstRevision, "history", "Bob’s version of history.")),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    const loserText = a.status === 409 ? "Alice’s version of history." : "Bob’s version of history.";
    const winnerText = a.status === 409 ? "Bob’s version of history." : "Alice’s version of history.";
    expect(loser.body.error.code).toBe("conflict");
    expect(loser.body.error.message).toMatch(/“History”/);
    expect(loser.body.error.details.conflictingSectionIds).toEqual(["history"]);
    expect(JSON.stringify(loser.body.error.details.yours)).toContain(loserText);
    expect(JSON.stringify(loser.body.error.details.theirs)).toContain(winnerText);
    // The loser merges by hand and saves on top of the current revision.
    const current = loser.body.error.details.currentRevisionId;
    const retry = await edit(
      a.status === 409 ? alice : bob,
      sectionEdit(current, "history", `${winnerText} ${loserText}`),
    );
    expect(retry.status).toBe(201);
  });

  it("makes no revision for a save that changes nothing", async () => {
    const before = await counts();
    const response = await edit(bob, sectionEdit(firstRevision, "history", "History text.[[ref:a]]"));
    expect(response).toMatchObject({ status: 200, body: { status: "unchanged", revision: { id: firstRevision } } });
    expect(await counts()).toEqual(before);
  });

  it("refuses invalid, unknown-reference and oversize bodies, leaving no row behind", async () => {
    const before = await counts();
    const script = await edit(bob, {
      baseRevisionId: firstRevision,
      sectionEdit: {
        sectionId: "history",
        sections: [
          {
            id: "history",
            title: "History",
            level: 2,
            body: {
              type: "doc",
              content: [
                {
                  type: "paragraph",
                  content: [
                    { type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
                  ],
                },
              ],
            },
          },
        ],
      },
    });
    expect(script.status).toBe(400);
    expect(script.body.error.details.issues[0].path).toBe(
      "$.sections[1].body.content[0].content[0].marks[0].attrs.href",
    );
    const unknown = await edit(bob, sectionEdit(firstRevision, "history", "Cites nothing real.[[ref:ghost]]"));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown reference "ghost"/);
    const notJson = await edit(bob, { baseRevisionId: firstRevision, content: "not an article" });
    expect(notJson.status).toBe(400);
    const missingSection = await edit(bob, sectionEdit(firstRevision, "nope", "x"));
    expect(missingSection.status).toBe(400);
    const huge = await edit(bob, sectionEdit(firstRevision, "history", "x".repeat(100)), {
      "content-length": String(50_000_000),
    });
    expect(huge.status).toBe(413);
    const bigContent = await edit(bob, sectionEdit(firstRevision, "history", "y ".repeat(2_100_000)));
    expect(bigContent.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("turns the edit of a user who may only propose into a proposal (202), leaving the article alone", async () => {
    await ctx.db.article.update({ where: { slug }, data: { protectionLevel: "extended" } });
    const before = await ctx.db.article.findUniqueOrThrow({ where: { slug } });
    const response = await edit(
      bob,
      sectionEdit(firstRevision, "history", "Bob proposes.", { rationale: "Adds the date." }),
    );
    expect(response.status).toBe(202);
    expect(response.body).toEqual({
      status: "proposed",
      proposal: { id: expect.any(Number), url: `/proposals/${response.body.proposal.id}` },
    });
    expect(await ctx.db.article.findUniqueOrThrow({ where: { slug } })).toEqual(before);
    const proposal = await ctx.db.proposal.findUniqueOrThrow({
      where: { id: response.body.proposal.id },
      include: { versions: true },
    });
    expect(proposal).toMatchObject({ status: "open", rationale: "Adds the date.", summary: "edit history" });
    expect(proposal.versions[0]).toMatchObject({ baseRevisionId: firstRevision, touchedSections: ["history"] });
  });

  it("creates a new article for a signed-in user, with a normalized title", async () => {
    slug = "Brand_new_page";
    const lead = (text: string) => ({ id: "sec-lead", title: "", level: 0, body: docFromMarkup(text) });
    const response = await edit(bob, {
      baseRevisionId: null,
      title: "brand new page",
      summary: "created",
      sectionEdit: { sectionId: "sec-lead", sections: [lead("A fresh start.")] },
    });
    expect(response.status).toBe(201);
    expect((await readArticleRevision({ db: ctx.db, slug })).content.title).toBe("Brand new page");
    const again = await edit(bob, {
      baseRevisionId: null,
      sectionEdit: { sectionId: "sec-lead", sections: [lead("Again.")] },
    });
    expect(again.status).toBe(409);
    slug = "Bad|title";
    const bad = await edit(bob, {
      baseRevisionId: null,
      sectionEdit: { sectionId: "sec-lead", sections: [lead("x")] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/character that titles cannot have/);
  });
});
