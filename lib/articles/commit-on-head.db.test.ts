import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { createArticle, createCast, moveOn, smallArticle, withTexts } from "../../test/reliability/fixtures";
import type { ArticleContent } from "../document/model";
import type { WikiError } from "../errors";
import type { Actor } from "../authz/policy";
import { commitOnHead, type Change } from "./commit-on-head";
import { loadContent } from "./content-store";
import { ZEditRequestSchema } from "../contracts/articles";
import { readEdit, saveEdit } from "./edit-article";
import { findArticle } from "./read-article";
import { planRevert, revertSummary, saveRevert } from "./revert-article";
import { saveRevision } from "./save-revision";

/**
 * The one path to an article's head, called directly: edits (fast path and
 * merge under the lock), a conflict returned rather than thrown, reverts.
 */

const ctx = useTestDatabase();
let cast: Awaited<ReturnType<typeof createCast>>;
let editor: Actor;

beforeAll(async () => {
  cast = await createCast(ctx.db, { prefix: "commit", editors: 1 });
  [editor] = cast.actors.editors;
});

let articles = 0;
/** A fresh article of `sections` one-line sections; its slug, first revision and content. */
async function freshArticle(sections = 4) {
  const content = smallArticle(`Commit ${++articles}`, sections);
  const { slug, revisionId } = await createArticle(ctx.db, { content, authorId: cast.admin.id });
  return { slug, revisionId, content };
}

/** An edit through the use case, as the route runs it (the actor is allowed to edit). */
async function edit(slug: string, baseRevisionId: number, content: ArticleContent, summary = "") {
  const article = (await findArticle(ctx.db, slug))!;
  const request = ZEditRequestSchema.parse({ baseRevisionId, content, summary });
  const { base, mine } = await readEdit({ article, request, db: ctx.db });
  return saveEdit({ editor, article, base, mine, request, db: ctx.db });
}

async function headOf(slug: string) {
  const article = await ctx.db.article.findUniqueOrThrow({ where: { slug }, include: { currentRevision: true } });
  return {
    id: article.currentRevisionId!,
    revision: article.currentRevision!,
    content: await loadContent(ctx.db, article.currentRevision!),
  };
}

const revisionCount = (slug: string) => ctx.db.revision.count({ where: { article: { slug } } });

describe("edits", () => {
  it("an edit of the current revision lands on it as is", async () => {
    const { slug, revisionId, content } = await freshArticle();
    const saved = await edit(slug, revisionId, withTexts(content, { s0: "Edited." }), "one section");
    expect(saved).toEqual({
      status: "saved",
      revisionId: expect.any(Number),
      parentId: revisionId,
      summary: "one section",
      mergedWith: null,
    });
    const head = await headOf(slug);
    expect(head.id).toBe(saved.revisionId);
    expect(head.revision).toMatchObject({ parentId: revisionId, authorId: editor.id, tags: [] });
    expect(head.content).toEqual(withTexts(content, { s0: "Edited." }));
  });

  it("an edit that changes nothing makes no revision", async () => {
    const { slug, revisionId, content } = await freshArticle();
    expect(await edit(slug, revisionId, content)).toEqual({ status: "unchanged", revisionId });
    expect(await revisionCount(slug)).toBe(1);
  });

  it("an edit on a stale base is merged onto the head: both changes kept, labelled in history", async () => {
    const { slug, revisionId, content } = await freshArticle();
    const theirs = await edit(slug, revisionId, withTexts(content, { s1: "Theirs." }));
    const mine = await edit(slug, revisionId, withTexts(content, { s2: "Mine." }), "my change");
    expect(mine).toMatchObject({
      status: "saved",
      parentId: theirs.revisionId,
      mergedWith: theirs.revisionId,
      summary: `my change (merged with revision ${theirs.revisionId})`,
    });
    const head = await headOf(slug);
    expect(head.content).toEqual(withTexts(content, { s1: "Theirs.", s2: "Mine." }));
    expect(head.revision.tags).toEqual(["merged"]);
  });

  it("an edit of a section changed since its base is refused with 409, both versions, and nothing written", async () => {
    const { slug, revisionId, content } = await freshArticle();
    const theirs = await edit(slug, revisionId, withTexts(content, { s1: "Theirs." }));
    const error = (await edit(slug, revisionId, withTexts(content, { s1: "Mine." })).catch(
      (caught) => caught,
    )) as WikiError;
    expect(error).toMatchObject({
      code: "conflict",
      details: { currentRevisionId: theirs.revisionId, conflictingSectionIds: ["s1"], infoboxConflict: false },
    });
    expect((error.details as { yours: ArticleContent }).yours).toEqual(withTexts(content, { s1: "Mine." }));
    expect((error.details as { theirs: ArticleContent }).theirs).toEqual(withTexts(content, { s1: "Theirs." }));
    expect(await revisionCount(slug)).toBe(2);
    expect((await headOf(slug)).id).toBe(theirs.revisionId);
  });

  it("10 concurrent edits of different sections on one base all land, each merged under the lock", async () => {
    const { slug, revisionId, content } = await freshArticle(10);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        edit(slug, revisionId, withTexts(content, { [`s${i}`]: `Concurrent ${i}.` })),
      ),
    );
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await revisionCount(slug)).toBe(11);
    const texts = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`s${i}`, `Concurrent ${i}.`]));
    expect((await headOf(slug)).content).toEqual(withTexts(content, texts));
  });

  it("10 concurrent edits of the same section on one base: one lands, the others get 409 with both versions", async () => {
    const { slug, revisionId, content } = await freshArticle();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => edit(slug, revisionId, withTexts(content, { s0: `Same section ${i}.` }))),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results
      .filter((result): result is PromiseRejectedResult => result.status === "rejected")
      .map((result) => result.reason as WikiError);
    expect(
      refused.every(
        (error) =>
          error.code === "conflict" &&
          (error.details as { conflictingSectionIds: string[] }).conflictingSectionIds[0] === "s0",
      ),
    ).toBe(true);
    expect(await revisionCount(slug)).toBe(2);
  });
});

describe("commitOnHead", () => {
  const change = (
    base: { revisionId: number; content: ArticleContent },
    content: ArticleContent,
    onMovedHead: Change["onMovedHead"],
  ): Change => ({
    base,
    content,
    meta: { authorId: cast.admin.id },
    onMovedHead,
  });

  it("returns a conflict (no exception) and writes nothing when the change no longer merges", async () => {
    const { slug, revisionId, content } = await freshArticle();
    const moved = await moveOn(ctx.db, {
      slug,
      baseRevisionId: revisionId,
      content,
      texts: { s3: "Moved on." },
      authorId: cast.admin.id,
    });
    const article = (await findArticle(ctx.db, slug))!;
    const outcome = await ctx.db.$transaction((tx) =>
      commitOnHead(tx, {
        ...change({ revisionId, content }, withTexts(content, { s3: "Mine." }), "merge"),
        articleId: article.id,
      }),
    );
    expect(outcome).toMatchObject({
      status: "conflict",
      currentRevisionId: moved.revisionId,
      conflict: { sectionIds: ["s3"], referenceKeys: [], infobox: false },
    });
    expect(await revisionCount(slug)).toBe(2);
  });

  it("returns the moved head, writing nothing, when the change asks not to merge", async () => {
    const { slug, revisionId, content } = await freshArticle();
    const moved = await moveOn(ctx.db, {
      slug,
      baseRevisionId: revisionId,
      content,
      texts: { s3: "Moved on." },
      authorId: cast.admin.id,
    });
    const article = (await findArticle(ctx.db, slug))!;
    const outcome = await ctx.db.$transaction((tx) =>
      commitOnHead(tx, {
        ...change({ revisionId, content }, withTexts(content, { s0: "Elsewhere." }), "refuse"),
        articleId: article.id,
      }),
    );
    expect(outcome).toEqual({ status: "moved", currentRevisionId: moved.revisionId });
    expect(await revisionCount(slug)).toBe(2);
  });

  it("checks what the commit rests on under the lock, and a refusal there writes nothing", async () => {
    const { slug, revisionId, content } = await freshArticle();
    const article = (await findArticle(ctx.db, slug))!;
    await ctx.db.article.update({
      where: { id: article.id },
      data: { protectionLevel: "full", protectionReason: "test" },
    });
    const seen: string[] = [];
    const refused = ctx.db.$transaction((tx) =>
      commitOnHead(tx, {
        ...change({ revisionId, content }, withTexts(content, { s0: "Under lock." }), "merge"),
        articleId: article.id,
        underLock: async (locked) => {
          seen.push(locked.protectionLevel);
          throw new Error("refused under the lock");
        },
      }),
    );
    await expect(refused).rejects.toThrow("refused under the lock");
    expect(seen).toEqual(["full"]);
    expect(await revisionCount(slug)).toBe(1);
  });
});

describe("reverts", () => {
  async function articleWithVandalism() {
    const { slug, revisionId, content } = await freshArticle();
    const vandal = await moveOn(ctx.db, {
      slug,
      baseRevisionId: revisionId,
      content,
      texts: { s1: "Vandalised." },
      authorId: cast.proposers[0].id,
    });
    const later = await moveOn(ctx.db, {
      slug,
      baseRevisionId: vandal.revisionId,
      content,
      texts: { s1: "Vandalised.", s2: "Later fix." },
      authorId: cast.admin.id,
    });
    return { slug, content, first: revisionId, vandal: vandal.revisionId, later: later.revisionId };
  }

  it("undoes one revision's change, keeping what came after it", async () => {
    const { slug, content, vandal, later } = await articleWithVandalism();
    const plan = await planRevert({ slug, revisionId: vandal, mode: "undo", db: ctx.db });
    const saved = await saveRevert({
      editor,
      plan,
      mode: "undo",
      summary: revertSummary(plan, "vandalism"),
      db: ctx.db,
    });
    const head = await headOf(slug);
    expect(head.id).toBe(saved.revisionId);
    expect(head.revision).toMatchObject({
      parentId: later,
      tags: ["undo"],
      summary: expect.stringMatching(/^Undid revision \d+ by commit_proposer0: vandalism$/),
    });
    expect(head.content).toEqual(withTexts(content, { s2: "Later fix." }));
  });

  it("restores an old revision exactly", async () => {
    const { slug, content, first } = await articleWithVandalism();
    const plan = await planRevert({ slug, revisionId: first, mode: "restore", db: ctx.db });
    await saveRevert({ editor, plan, mode: "restore", summary: revertSummary(plan), db: ctx.db });
    expect((await headOf(slug)).content).toEqual(content);
  });

  it("is never merged: a revert planned before the article moved is refused with 409 and writes nothing", async () => {
    const { slug, content, first, later } = await articleWithVandalism();
    const plan = await planRevert({ slug, revisionId: first, mode: "restore", db: ctx.db });
    await moveOn(ctx.db, {
      slug,
      baseRevisionId: later,
      content,
      texts: { s3: "Meanwhile." },
      authorId: cast.admin.id,
    });
    await expect(
      saveRevert({ editor, plan, mode: "restore", summary: revertSummary(plan), db: ctx.db }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await revisionCount(slug)).toBe(4);
  });

  it("refuses a revert that would change nothing with 400", async () => {
    const { slug, later } = await articleWithVandalism();
    const plan = await planRevert({ slug, revisionId: later, mode: "restore", db: ctx.db }).catch((error) => error);
    // Restoring the head is refused when planned; restoring its twin is refused when saved.
    expect(plan).toMatchObject({ code: "bad_request" });
    const twin = await freshArticle();
    const again = await moveOn(ctx.db, {
      slug: twin.slug,
      baseRevisionId: twin.revisionId,
      content: twin.content,
      texts: { s0: "Changed." },
      authorId: cast.admin.id,
    });
    await saveRevision({
      db: ctx.db,
      slug: twin.slug,
      baseRevisionId: again.revisionId,
      content: twin.content,
      authorId: cast.admin.id,
    });
    const restore = await planRevert({ slug: twin.slug, revisionId: twin.revisionId, mode: "restore", db: ctx.db });
    await expect(saveRevert({ editor, plan: restore, mode: "restore", summary: "", db: ctx.db })).rejects.toMatchObject(
      { code: "bad_request" },
    );
  });
});
