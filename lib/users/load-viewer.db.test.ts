import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { createUser } from "../../test/factories";
import { proposalArticle, withSections } from "../../test/proposal-fixtures";
import { submitProposal } from "../proposals/submit-proposal";
import { UNREAD_CAP } from "../notifications/read-notifications";
import { loadActor } from "./load-actor";
import { loadViewer } from "./load-viewer";

describe("loadViewer", () => {
  const ctx = useTestDatabase();

  it("reads the actor, the unread count, the review count (reviewers only) and the star in one statement", async () => {
    const reader = await createUser(ctx.db, { name: "viewer_reader", ageDays: 40, editCount: 600 });
    const reviewer = await createUser(ctx.db, { name: "viewer_reviewer" });
    await ctx.db.userGroup.create({ data: { userId: reviewer.id, group: "reviewer" } });
    const article = await proposalArticle(ctx.db, { slug: "Viewer_article", authorId: reviewer.id });
    const row = await ctx.db.article.findUniqueOrThrow({ where: { slug: article.slug } });
    for (const summary of ["one", "two"])
      await submitProposal({
        db: ctx.db,
        actor: await loadActor(ctx.db, reader.id),
        articleId: row.id,
        baseRevisionId: article.base,
        base: article.content,
        content: withSections(article.content, { bg: `Background ${summary}.` }),
        summary,
        rationale: "",
      });
    await ctx.db.notification.createMany({
      data: [
        { recipientId: reader.id, type: "proposal_commented" },
        { recipientId: reader.id, type: "proposal_commented" },
        { recipientId: reader.id, type: "proposal_commented", readAt: new Date() },
        { recipientId: reviewer.id, type: "proposal_commented" },
      ],
    });

    const plain = await loadViewer(ctx.db, reader.id);
    expect(plain?.actor).toEqual(await loadActor(ctx.db, reader.id));
    expect(plain).toMatchObject({ unreadCount: 2, openProposals: null, watch: null });
    // Proposing watched the article: start from not watching.
    await ctx.db.watch.deleteMany({ where: { userId: reader.id } });
    // The star is asked for by slug: not watched, watched until a time, an expired watch is not watching.
    expect((await loadViewer(ctx.db, reader.id, { watchSlug: article.slug }))?.watch).toEqual({
      watched: false,
      expiresAt: null,
    });
    const until = new Date(Date.now() + 86_400_000);
    await ctx.db.watch.create({ data: { userId: reader.id, articleId: row.id, expiresAt: until } });
    expect((await loadViewer(ctx.db, reader.id, { watchSlug: article.slug }))?.watch).toEqual({
      watched: true,
      expiresAt: new Date(Math.floor(until.getTime())),
    });
    await ctx.db.watch.update({
      where: { userId_articleId: { userId: reader.id, articleId: row.id } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await loadViewer(ctx.db, reader.id, { watchSlug: article.slug }))?.watch?.watched).toBe(false);
    // Another user's watch is not the reader's.
    await ctx.db.watch.upsert({
      where: { userId_articleId: { userId: reviewer.id, articleId: row.id } },
      create: { userId: reviewer.id, articleId: row.id },
      update: { expiresAt: null },
    });
    expect((await loadViewer(ctx.db, reader.id, { watchSlug: article.slug }))?.watch?.watched).toBe(false);
    expect((await loadViewer(ctx.db, reviewer.id, { watchSlug: article.slug }))?.watch).toEqual({
      watched: true,
      expiresAt: null,
    });

    expect(await loadViewer(ctx.db, reviewer.id)).toMatchObject({ unreadCount: 1, openProposals: 2 });
    expect(await loadViewer(ctx.db, 999_999)).toBeNull();
    expect(await loadViewer(ctx.db, null)).toBeNull();
  });

  it("counts unread notifications only up to the cap", async () => {
    const user = await createUser(ctx.db, { name: "viewer_flooded" });
    await ctx.db.notification.createMany({
      data: Array.from({ length: UNREAD_CAP + 5 }, () => ({ recipientId: user.id, type: "proposal_commented" })),
    });
    expect((await loadViewer(ctx.db, user.id))?.unreadCount).toBe(UNREAD_CAP);
  });

  it("refuses a session whose generation has moved on, as loadActor does", async () => {
    const user = await createUser(ctx.db, { name: "viewer_session" });
    const row = await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } });
    const session = { userId: user.id, generation: row.sessionGeneration, sessionId: "s-1" };
    expect((await loadViewer(ctx.db, session))?.actor.id).toBe(user.id);
    await ctx.db.user.update({ where: { id: user.id }, data: { sessionGeneration: { increment: 1 } } });
    expect(await loadViewer(ctx.db, session)).toBeNull();
  });
});
