import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { createArticle, createCast, edit, smallArticle, withTexts } from "../../test/reliability/fixtures";
import type { Actor } from "../authz/policy";
import { ZEditRequestSchema } from "../contracts/articles";
import { listReviewQueue } from "../proposals/review-queue";
import { loadViewer } from "../users/load-viewer";
import { deleteArticle } from "./delete-article";
import { readEdit, saveEdit } from "./edit-article";
import { moveArticle } from "./move-article";
import { listPendingChanges } from "./pending-changes-queue";
import { listRevisions } from "./history";
import { findArticle, findArticleFate } from "./read-article";
import { restoreArticle } from "./restore-article";

/**
 * Deletion and moves against edits already under way (the use cases called directly): an edit that read the
 * article before it was deleted or moved must not land on it (the head's compare-and-set and the row lock
 * refuse a deleted article), and findArticle never returns a deleted row.
 */

const ctx = useTestDatabase();
let admin: Actor;
let editor: Actor;
let reviewerId: number;
let proposerId: number;

beforeAll(async () => {
  const cast = await createCast(ctx.db, { prefix: "adm", editors: 1 });
  reviewerId = cast.reviewers[0].id;
  proposerId = cast.proposers[0].id;
  admin = cast.actors.admin;
  [editor] = cast.actors.editors;
});

const noop = async () => {};
let articles = 0;
async function freshArticle() {
  const content = smallArticle(`Adm ${++articles}`, 2);
  const { slug, revisionId } = await createArticle(ctx.db, { content, authorId: admin.id });
  return { slug, revisionId, content };
}

/** An edit prepared (article and base read) before `meanwhile` runs, saved after it: a race lost by the edit. */
async function editAround(slug: string, baseRevisionId: number, content: object, meanwhile: () => Promise<unknown>) {
  const article = (await findArticle(ctx.db, slug))!;
  const request = ZEditRequestSchema.parse({ baseRevisionId, content, summary: "late" });
  const { base, mine } = await readEdit({ article, request, db: ctx.db });
  await meanwhile();
  return saveEdit({ editor, article, base, mine, request, db: ctx.db });
}

describe("an edit racing a deletion", () => {
  it("is refused with a 409 naming the article, on the fast path and under the lock; nothing is written", async () => {
    for (const staleBase of [false, true]) {
      const { slug, revisionId, content } = await freshArticle();
      // An older base sends the edit to the locked path (commitOnHead) instead of the one-statement fast path.
      if (staleBase)
        expect((await editAround(slug, revisionId, withTexts(content, { s0: "B." }), noop)).status).toBe("saved");
      const base = revisionId;
      const revisions = await ctx.db.revision.count();
      const refused = editAround(slug, base, withTexts(content, { s1: "Too late." }), () =>
        deleteArticle({ actor: admin, slug, reason: "racing", db: ctx.db }),
      );
      await expect(refused).rejects.toMatchObject({
        status: 409,
        message: expect.stringMatching(new RegExp(`“${slug.replace(/_/g, " ")}” has been deleted`)),
      });
      expect(await ctx.db.revision.count()).toBe(revisions);
      expect(await findArticle(ctx.db, slug)).toBeNull();
      // Its history (the JSON API's and the Atom feed's one read) is no one's but the admins' history view.
      await expect(listRevisions({ db: ctx.db, slug })).rejects.toMatchObject({
        status: 404,
        message: expect.stringMatching(/has been deleted|was deleted/),
      });
      expect(await findArticleFate(ctx.db, slug)).toMatchObject({
        kind: "deleted",
        deletion: { deletedBy: admin.name, reason: "racing" },
      });
    }
  });

  it("a restored article takes edits again from its head, exactly as before", async () => {
    const { slug, revisionId, content } = await freshArticle();
    const before = await findArticle(ctx.db, slug);
    await deleteArticle({ actor: admin, slug, reason: "r", db: ctx.db });
    await restoreArticle({ actor: admin, slug, reason: "back", db: ctx.db });
    const after = await findArticle(ctx.db, slug);
    expect({ ...after, linkEpoch: 0 }).toEqual({ ...before, linkEpoch: 0 });
    const saved = await editAround(slug, revisionId, withTexts(content, { s1: "After." }), noop);
    expect(saved.status).toBe("saved");
  });
});

describe("an edit racing a move", () => {
  it("lands on the moved article (merged onto the move's revision) with the new title kept", async () => {
    const { slug, revisionId, content } = await freshArticle();
    const saved = await editAround(slug, revisionId, withTexts(content, { s1: "Edited meanwhile." }), () =>
      moveArticle({ actor: admin, slug, title: `${slug} moved`, reason: "r", db: ctx.db }),
    );
    // The edit was written under the old title; merged onto the move's revision, it keeps the new one.
    expect(saved.status).toBe("saved");
    const article = (await ctx.db.article.findFirst({ where: { slug: `${slug}_moved` } }))!;
    expect(article.title).toBe(`${slug.replace(/_/g, " ")} moved`);
    expect(article.currentRevisionId).toBe(saved.status === "saved" ? saved.revisionId : null);
    const head = await ctx.db.revision.findUniqueOrThrow({ where: { id: article.currentRevisionId! } });
    expect(head.title).toBe(article.title);
    expect(head.summary).toMatch(/^late/);
  });
});

describe("a deleted article's open proposals", () => {
  it("leave the review queue and the reviewer's count while it is deleted, and come back with it", async () => {
    const content = smallArticle(`Adm ${++articles}`, 2);
    const { slug, revisionId } = await createArticle(ctx.db, { content, authorId: admin.id, protection: "extended" });
    const proposed = await edit(ctx.db, proposerId, slug, {
      baseRevisionId: revisionId,
      content: withTexts(content, { s1: "Proposed." }),
      summary: "p",
    });
    expect(proposed.status).toBe("proposed");
    const listed = async () => (await listReviewQueue({ db: ctx.db, article: slug })).length;
    const counted = async () => (await loadViewer(ctx.db, reviewerId))!.openProposals;
    const [queued, count] = [await listed(), await counted()];
    expect(queued).toBe(1);
    await deleteArticle({ actor: admin, slug, reason: "gone", db: ctx.db });
    expect(await listed()).toBe(0);
    expect(await counted()).toBe(count! - 1);
    await restoreArticle({ actor: admin, slug, reason: "back", db: ctx.db });
    expect(await listed()).toBe(1);
    expect(await counted()).toBe(count);
  });

  it("and its pending edits leave the pending-changes queue while it is deleted", async () => {
    const { slug, revisionId, content } = await freshArticle();
    await ctx.db.article.update({ where: { slug }, data: { pendingChanges: true, acceptedRevisionId: revisionId } });
    expect((await editAround(slug, revisionId, withTexts(content, { s1: "Pending." }), noop)).status).toBe("saved");
    const pending = async () => (await listPendingChanges({ db: ctx.db })).filter((row) => row.slug === slug).length;
    expect(await pending()).toBe(1);
    await deleteArticle({ actor: admin, slug, reason: "gone", db: ctx.db });
    expect(await pending()).toBe(0);
    await restoreArticle({ actor: admin, slug, reason: "back", db: ctx.db });
    expect(await pending()).toBe(1);
  });
});

describe("moves at once", () => {
  it("two articles moved to one title: one moves, the other is a 409 naming title; nothing half-done", async () => {
    const [a, b] = [await freshArticle(), await freshArticle()];
    const target = `Adm target ${++articles}`;
    const outcomes = await Promise.allSettled(
      [a, b].map(({ slug }) => moveArticle({ actor: admin, slug, title: target, reason: "race", db: ctx.db })),
    );
    const moved = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(moved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ status: 409, details: { field: "title" } });
    // The loser is where it was, with no move revision and no redirect to it.
    const loser = moved[0] === outcomes[0] ? b : a;
    const row = await findArticle(ctx.db, loser.slug);
    expect(row?.currentRevisionId).toBe(loser.revisionId);
    expect(await ctx.db.articleRedirect.count({ where: { slug: loser.slug } })).toBe(0);
  });

  it("one article moved twice at once, each naming the head it saw: one moves, the other is a 409", async () => {
    const { slug, revisionId } = await freshArticle();
    const outcomes = await Promise.allSettled(
      ["first", "second"].map((name) =>
        moveArticle({
          actor: admin,
          slug,
          title: `${slug} ${name}`,
          reason: "race",
          expectedHeadId: revisionId,
          db: ctx.db,
        }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409 });
    expect(await ctx.db.revision.count({ where: { article: { slug: { startsWith: slug } } } })).toBe(2);
  });
});
