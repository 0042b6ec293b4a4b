import { beforeAll, describe, expect, it } from "vitest";
import * as revertRoute from "../../../app/api/articles/[slug]/revert/route";
import { readArticleRevision } from "../../../lib/articles/read-article";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent, Section } from "../../../lib/document/model";
import { makeUser, type TestUser } from "../../factories";
import { apiRequest, call, type RouteHandler, useRouteTestDatabase } from "../harness";

const ctx = useRouteTestDatabase();
let editor: TestUser;
let vandal: TestUser;
let newbie: TestUser;
let counter = 0;

const section = (id: string, text: string): Section => ({
  id,
  title: id === "lead" ? "" : `Section ${id}`,
  level: id === "lead" ? 0 : 2,
  body: docFromMarkup(text),
});
const content = (texts: Record<string, string>): ArticleContent => ({
  title: `Revert ${counter}`,
  infobox: null,
  sections: ["lead", "a", "b"].map((id) => section(id, texts[id])),
  references: [],
});

async function history(): Promise<{ slug: string; ids: number[] }> {
  counter += 1;
  const slug = `Revert_${counter}`;
  const versions = [
    { lead: "Lead.", a: "A one.", b: "B one." },
    { lead: "Lead.", a: "A vandalised!", b: "B one." }, // the edit to undo
    { lead: "Lead.", a: "A vandalised!", b: "B two." }, // a later, unrelated edit
  ];
  const ids: number[] = [];
  for (const [index, texts] of versions.entries()) {
    const saved = await saveRevision({
      db: ctx.db,
      slug,
      baseRevisionId: ids.at(-1) ?? null,
      content: content(texts),
      authorId: index === 1 ? vandal.id : editor.id,
    });
    ids.push(saved.revisionId);
  }
  return { slug, ids };
}

const revert = async (slug: string, body: Record<string, unknown>, user: TestUser) =>
  call(revertRoute.POST as RouteHandler, await apiRequest("POST", `/api/articles/${slug}/revert`, { body, user }), {
    slug,
  });
const textOf = async (slug: string) => JSON.stringify((await readArticleRevision({ db: ctx.db, slug })).content);

beforeAll(async () => {
  editor = await makeUser(ctx.db, { name: "r_editor", role: "extendedconfirmed" });
  vandal = await makeUser(ctx.db, { name: "r_vandal", role: "autoconfirmed" });
  newbie = await makeUser(ctx.db, { name: "r_newbie" });
});

describe("undo and restore", () => {
  it("undoes one revision while keeping the later edits, with an automatic summary", async () => {
    const { slug, ids } = await history();
    const response = await revert(slug, { revisionId: ids[1], mode: "undo", reason: "vandalism" }, editor);
    expect(response.status).toBe(201);
    const text = await textOf(slug);
    expect(text).toContain("A one.");
    expect(text).toContain("B two.");
    const revision = await ctx.db.revision.findUniqueOrThrow({ where: { id: response.body.revision.id } });
    expect(revision.summary).toBe(`Undid revision ${ids[1]} by r_vandal: vandalism`);
    expect(revision.tags).toEqual(["undo"]);
  });

  it("explains the conflict when the undone section changed again", async () => {
    const { slug, ids } = await history();
    // Someone edits section a again after the vandal.
    const view = await readArticleRevision({ db: ctx.db, slug });
    await saveRevision({
      db: ctx.db,
      slug,
      baseRevisionId: ids[2],
      content: {
        ...view.content,
        sections: view.content.sections.map((s) => (s.id === "a" ? section("a", "A rewritten.") : s)),
      },
      authorId: editor.id,
    });
    const before = await ctx.db.revision.count();
    const response = await revert(slug, { revisionId: ids[1], mode: "undo" }, editor);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/cannot be undone automatically: section “Section a” changed again/);
    expect(await ctx.db.revision.count()).toBe(before);
  });

  it("restores an old revision as a new one, and proposes it for a user who may only propose", async () => {
    const { slug, ids } = await history();
    const restored = await revert(slug, { revisionId: ids[0], mode: "restore" }, editor);
    expect(restored.status).toBe(201);
    expect(await textOf(slug)).toContain("B one.");
    expect((await ctx.db.revision.findUniqueOrThrow({ where: { id: restored.body.revision.id } })).summary).toBe(
      `Restored revision ${ids[0]} by r_editor`,
    );

    await ctx.db.article.update({ where: { slug }, data: { protectionLevel: "semi" } });
    const proposed = await revert(slug, { revisionId: ids[1], mode: "restore" }, newbie);
    expect(proposed.status).toBe(202);
    expect(await ctx.db.proposal.findUniqueOrThrow({ where: { id: proposed.body.proposal.id } })).toMatchObject({
      status: "open",
      summary: `Restored revision ${ids[1]} by r_vandal`,
    });
  });

  it("refuses to undo the first revision or restore the current one", async () => {
    const { slug, ids } = await history();
    expect((await revert(slug, { revisionId: ids[0], mode: "undo" }, editor)).status).toBe(400);
    expect((await revert(slug, { revisionId: ids[2], mode: "restore" }, editor)).status).toBe(400);
  });
});
