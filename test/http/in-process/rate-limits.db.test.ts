import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as editsRoute from "../../../app/api/articles/[slug]/edits/route";
import * as commentsRoute from "../../../app/api/proposals/[id]/comments/route";
import * as talkRoute from "../../../app/api/articles/[slug]/talk/route";
import { DEFAULT_RATE_LIMITS, parseRateLimits } from "../../../lib/abuse-limits";
import { readArticleRevision } from "../../../lib/articles/read-article";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent } from "../../../lib/document/model";
import { makeUser } from "../../factories";
import { apiRequest, call, type RouteHandler, useRouteTestDatabase } from "../harness";

describe("parseRateLimits", () => {
  it("reads the defaults, overrides and off", () => {
    expect(parseRateLimits(undefined)).toEqual(DEFAULT_RATE_LIMITS);
    expect(parseRateLimits("off")).toBeNull();
    expect(parseRateLimits("comment=5/10/30")!.comment).toEqual({ perAccount: 5, perClient: 10, windowSeconds: 30 });
    expect(parseRateLimits("comment=5/10/30")!.edit).toEqual(DEFAULT_RATE_LIMITS.edit);
    expect(() => parseRateLimits("edits=5")).toThrow(/cannot read "edits=5"/);
  });
});

describe("rate limits on edits, proposals and comments", () => {
  const ctx = useRouteTestDatabase();
  type User = { id: number; name: string };
  let editor: User;
  let other: User;
  let admin: User;
  let newbie: User;
  const content = (title: string): ArticleContent => ({
    title,
    infobox: null,
    sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("Lead.") }],
    references: [],
  });

  beforeAll(async () => {
    process.env.WIKI_RATE_LIMITS = "edit=3/5/60,proposal=2/100/60,comment=2/100/60,talk=2/100/60";
    editor = await makeUser(ctx.db, { name: "rl_editor", role: "autoconfirmed" });
    other = await makeUser(ctx.db, { name: "rl_other", role: "autoconfirmed" });
    admin = await makeUser(ctx.db, { name: "rl_admin", role: "admin", standing: "autoconfirmed" });
    newbie = await makeUser(ctx.db, { name: "rl_newbie" });
    await saveRevision({
      db: ctx.db,
      slug: "Limited",
      baseRevisionId: null,
      content: content("Limited"),
      authorId: admin.id,
    });
    await saveRevision({
      db: ctx.db,
      slug: "Guarded",
      baseRevisionId: null,
      content: content("Guarded"),
      authorId: admin.id,
    });
    await ctx.db.article.update({ where: { slug: "Guarded" }, data: { protectionLevel: "extended" } });
  });
  afterAll(() => {
    delete process.env.WIKI_RATE_LIMITS;
  });

  async function editAs(user: User, slug: string, text: string, client: string) {
    const head = await readArticleRevision({ db: ctx.db, slug });
    const body = {
      baseRevisionId: head.revision.id,
      summary: text,
      content: { ...head.content, sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup(text) }] },
    };
    return call(
      editsRoute.POST as RouteHandler,
      await apiRequest("POST", `/api/articles/${slug}/edits`, {
        body,
        user,
        headers: { "x-wiki-client-address": client },
      }),
      { slug },
    );
  }

  it("refuses the edit over an account's limit with 429 and Retry-After, and saves nothing", async () => {
    for (let i = 1; i <= 3; i++) expect((await editAs(editor, "Limited", `Edit ${i}.`, "10.0.0.1")).status).toBe(201);
    const revisions = await ctx.db.revision.count();
    const refused = await editAs(editor, "Limited", "Edit 4.", "10.0.0.1");
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(refused.body.error.message).toMatch(/Too many edits from your account: at most 3 per 60 seconds/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await ctx.db.revision.count()).toBe(revisions);
  });

  it("limits a client address across accounts, and exempts administrators", async () => {
    // The client 10.0.0.1 has made 4 edit attempts; its limit is 5.
    expect((await editAs(other, "Limited", "Other 1.", "10.0.0.1")).status).toBe(201);
    const refused = await editAs(other, "Limited", "Other 2.", "10.0.0.1");
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/from your address/);
    expect((await editAs(other, "Limited", "Other 3.", "10.0.0.2")).status).toBe(201);
    for (let i = 1; i <= 6; i++) expect((await editAs(admin, "Limited", `Admin ${i}.`, "10.0.0.1")).status).toBe(201);
  });

  it("limits proposals and comments per account", async () => {
    const proposals: number[] = [];
    for (let i = 1; i <= 2; i++) {
      const response = await editAs(newbie, "Guarded", `Proposal ${i}.`, "10.0.1.1");
      expect(response.status).toBe(202);
      proposals.push(response.body.proposal.id);
    }
    const before = await ctx.db.proposal.count();
    const refused = await editAs(newbie, "Guarded", "Proposal 3.", "10.0.1.1");
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/Too many proposals/);
    expect(await ctx.db.proposal.count()).toBe(before);

    const comment = async (text: string) =>
      call(
        commentsRoute.POST as RouteHandler,
        await apiRequest("POST", `/api/proposals/${proposals[0]}/comments`, {
          body: { body: text },
          user: newbie,
          headers: { "x-wiki-client-address": "10.0.1.1" },
        }),
        { id: String(proposals[0]) },
      );
    expect((await comment("First.")).status).toBe(201);
    expect((await comment("Second.")).status).toBe(201);
    const comments = await ctx.db.proposalComment.count();
    const third = await comment("Third.");
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await ctx.db.proposalComment.count()).toBe(comments);
  });

  it("limits talk page posts per account, even on a protected article's talk page", async () => {
    const post = async (title: string) =>
      call(
        talkRoute.POST as RouteHandler,
        await apiRequest("POST", "/api/articles/Guarded/talk", {
          body: { title, body: "Let us discuss." },
          user: newbie,
          headers: { "x-wiki-client-address": "10.0.2.1" },
        }),
        { slug: "Guarded" },
      );
    expect((await post("One")).status).toBe(201);
    expect((await post("Two")).status).toBe(201);
    const third = await post("Three");
    expect(third.status).toBe(429);
    expect(third.body.error.message).toMatch(/Too many talk page posts/);
    expect(await ctx.db.talkTopic.count({ where: { title: "Three" } })).toBe(0);
  });
});
