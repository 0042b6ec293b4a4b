import { beforeAll, describe, expect, it } from "vitest";
import * as editsRoute from "../../../app/api/articles/[slug]/edits/route";
import * as approveRoute from "../../../app/api/proposals/[id]/approve/route";
import * as rejectRoute from "../../../app/api/proposals/[id]/reject/route";
import * as withdrawRoute from "../../../app/api/proposals/[id]/withdraw/route";
import * as queueRoute from "../../../app/api/proposals/route";
import { readArticleRevision } from "../../../lib/articles/read-article";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent, Section } from "../../../lib/document/model";
import { getProposal } from "../../../lib/proposals/read-proposal";
import * as versionsRoute from "../../../app/api/proposals/[id]/versions/route";
import * as requestChangesRoute from "../../../app/api/proposals/[id]/request-changes/route";
import { mergeContent } from "../../../lib/articles/merge";
import { rebaseKeepingMine } from "../../../lib/proposals/proposal-content";
import { makeUser, type TestUser } from "../../factories";
import { apiRequest, call, SITE, type RouteHandler, useRouteTestDatabase } from "../harness";

const ctx = useRouteTestDatabase();
let admin: TestUser;
let reviewer: TestUser;
let reviewer2: TestUser;
let proposer: TestUser;
let counter = 0;

const SECTION_IDS = Array.from({ length: 10 }, (_, i) => `s${i}`);
const section = (id: string, text: string): Section => ({
  id,
  title: id === "lead" ? "" : `Section ${id}`,
  level: id === "lead" ? 0 : 2,
  body: docFromMarkup(text),
});

async function protectedArticle(): Promise<{ slug: string; base: number }> {
  counter += 1;
  const slug = `Protected_${counter}`;
  const content: ArticleContent = {
    title: `Protected ${counter}`,
    infobox: null,
    sections: [section("lead", "Lead.[[ref:a]]"), ...SECTION_IDS.map((id) => section(id, `Text of ${id}.`))],
    references: [{ key: "a", title: "Source A" }],
  };
  const saved = await saveRevision({ db: ctx.db, slug, baseRevisionId: null, content, authorId: admin.id });
  await ctx.db.article.update({ where: { slug }, data: { protectionLevel: "extended", protectionReason: "test" } });
  return { slug, base: saved.revisionId };
}

async function propose(
  slug: string,
  base: number,
  edits: Record<string, string>,
  user: TestUser = proposer,
): Promise<number> {
  const view = await readArticleRevision({ db: ctx.db, slug, revisionId: base });
  const sections = view.content.sections.map((s) => (edits[s.id] ? section(s.id, edits[s.id]) : s));
  const response = await call(
    editsRoute.POST as RouteHandler,
    await apiRequest("POST", `/api/articles/${slug}/edits`, {
      body: {
        baseRevisionId: base,
        summary: `proposal ${Object.keys(edits)}`,
        rationale: "sourced",
        content: { ...view.content, sections },
      },
      user,
    }),
    { slug },
  );
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  return response.body.proposal.id;
}

/** Approves as `user`, naming version 1 (the one a reviewer sees on a proposal nobody revised) unless the body says otherwise. */
const approve = async (id: number, user: TestUser, body: Record<string, unknown> = {}) =>
  call(
    approveRoute.POST as RouteHandler,
    await apiRequest("POST", `/api/proposals/${id}/approve`, { body: { version: 1, ...body }, user }),
    { id: String(id) },
  );

/** Every revision's parent chain reaches the first revision, and the head is the newest. */
async function assertChain(slug: string) {
  const article = await ctx.db.article.findUniqueOrThrow({ where: { slug } });
  const revisions = await ctx.db.revision.findMany({ where: { articleId: article.id }, orderBy: { id: "asc" } });
  expect(article.currentRevisionId).toBe(revisions.at(-1)!.id);
  revisions.slice(1).forEach((revision, index) => expect(revision.parentId).toBe(revisions[index].id));
  return revisions;
}

beforeAll(async () => {
  // One account submits dozens of proposals here; the limits have their own test (rate-limits.db.test.ts).
  process.env.WIKI_RATE_LIMITS = "off";
  admin = await makeUser(ctx.db, { name: "p_admin", role: "admin" });
  reviewer = await makeUser(ctx.db, { name: "p_reviewer", role: "reviewer" });
  reviewer2 = await makeUser(ctx.db, { name: "p_reviewer2", role: "reviewer" });
  proposer = await makeUser(ctx.db, { name: "p_newbie" });
});

describe("proposals", () => {
  it("turns an edit by a user without the right into a proposal, and an approval into a revision by the proposer", async () => {
    const { slug, base } = await protectedArticle();
    const id = await propose(slug, base, { s1: "Proposed text.[[ref:a]]" });
    const queue = await call(
      queueRoute.GET as unknown as RouteHandler,
      new Request(`${SITE}/api/proposals?status=open&article=${slug}`),
    );
    expect(queue.body.proposals).toEqual([
      expect.objectContaining({
        id,
        appliesCleanly: true,
        sectionsTouched: 1,
        author: expect.objectContaining({ name: "p_newbie", groups: ["user"] }),
      }),
    ]);
    const response = await approve(id, reviewer, { comment: "Well sourced." });
    expect(response.body).toMatchObject({ status: "approved", revisionId: expect.any(Number) });
    const revision = await ctx.db.revision.findUniqueOrThrow({
      where: { id: response.body.revisionId },
      include: { author: true, approvedBy: true },
    });
    expect(revision.author.name).toBe("p_newbie");
    expect(revision.approvedBy?.name).toBe("p_reviewer");
    expect(JSON.stringify((await readArticleRevision({ db: ctx.db, slug })).content)).toContain("Proposed text.");
  });

  it("refuses a queue status outside the vocabulary with a 400 that names the field", async () => {
    for (const status of ["bogus", "OPEN", "partial"]) {
      const queue = await call(
        queueRoute.GET as unknown as RouteHandler,
        new Request(`${SITE}/api/proposals?status=${status}`),
      );
      expect(queue.status, status).toBe(400);
      expect(queue.body.error).toMatchObject({ code: "bad_request", message: expect.stringContaining("status") });
    }
  });

  it("makes exactly one revision and one decision from 20 identical concurrent approvals", async () => {
    const { slug, base } = await protectedArticle();
    const id = await propose(slug, base, { s2: "Approved once." });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => approve(id, i % 2 ? reviewer : reviewer2)),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409).every((r) => r.body.error.details.status === "approved")).toBe(
      true,
    );
    expect(responses.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await ctx.db.reviewDecision.count({ where: { proposalId: id } })).toBe(1);
    const revisions = await assertChain(slug);
    expect(revisions).toHaveLength(2);
  });

  it("approves 50 proposals on one base concurrently without losing a revision", async () => {
    const { slug, base } = await protectedArticle();
    const ids: number[] = [];
    for (let i = 0; i < 50; i++)
      ids.push(await propose(slug, base, { [SECTION_IDS[i % 10]]: `Version ${i} of ${SECTION_IDS[i % 10]}.` }));
    const responses = await Promise.all(ids.map((id, i) => approve(id, i % 2 ? reviewer : reviewer2)));
    const landed = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 409);
    expect(landed.length + refused.length).toBe(50);
    // One proposal per section can land; the rest changed a section that changed since their base.
    expect(landed).toHaveLength(10);
    const revisions = await assertChain(slug);
    expect(revisions).toHaveLength(11);
    const final = JSON.stringify((await readArticleRevision({ db: ctx.db, slug })).content);
    for (const response of landed) {
      const decision = await ctx.db.reviewDecision.findUniqueOrThrow({
        where: { revisionId: response.body.revisionId },
      });
      const proposal = await getProposal({ db: ctx.db, proposalId: decision.proposalId });
      const text = JSON.stringify(
        proposal.content.proposed.sections.find((s) => proposal.version.touchedSections.includes(s.id))!.body,
      );
      expect(final).toContain(JSON.parse(text).content[0].content[0].text);
    }
    expect(await ctx.db.proposal.count({ where: { id: { in: ids }, status: "approved" } })).toBe(10);
    expect(await ctx.db.proposal.count({ where: { id: { in: ids }, status: "open" } })).toBe(40);
  });

  it("rebases a stale proposal that still applies cleanly, and refuses one that conflicts", async () => {
    const { slug, base } = await protectedArticle();
    const clean = await propose(slug, base, { s3: "Clean change." });
    const conflicting = await propose(slug, base, { s4: "Conflicting change." });
    // The article moves on in s4 only.
    const view = await readArticleRevision({ db: ctx.db, slug });
    await saveRevision({
      db: ctx.db,
      slug,
      baseRevisionId: base,
      content: {
        ...view.content,
        sections: view.content.sections.map((s) => (s.id === "s4" ? section("s4", "Admin changed s4.") : s)),
      },
      authorId: admin.id,
    });
    const queue = await call(
      queueRoute.GET as unknown as RouteHandler,
      new Request(`${SITE}/api/proposals?article=${slug}`),
    );
    expect(
      Object.fromEntries(
        queue.body.proposals.map((p: { id: number; appliesCleanly: boolean }) => [p.id, p.appliesCleanly]),
      ),
    ).toEqual({ [clean]: true, [conflicting]: false });
    expect((await getProposal({ db: ctx.db, proposalId: conflicting })).rebase).toMatchObject({
      clean: false,
      conflict: { sectionIds: ["s4"] },
    });
    const ok = await approve(clean, reviewer);
    expect(ok.status).toBe(200);
    const refused = await approve(conflicting, reviewer);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.conflict.sectionIds).toEqual(["s4"]);
    const text = JSON.stringify((await readArticleRevision({ db: ctx.db, slug })).content);
    expect(text).toContain("Clean change.");
    expect(text).toContain("Admin changed s4.");
    expect(await ctx.db.reviewDecision.count({ where: { proposalId: conflicting } })).toBe(0);
  });

  it("approves part of a proposal: exactly the accepted section changes, the declined one keeps its reason", async () => {
    const { slug, base } = await protectedArticle();
    const id = await propose(slug, base, { s5: "Accepted part.", s6: "Declined part." });
    const response = await approve(id, reviewer, {
      comment: "Half of it.",
      declined: [{ kind: "section", id: "s6", reason: "Unsourced claim." }],
    });
    expect(response.body.status).toBe("partially_approved");
    const before = await readArticleRevision({ db: ctx.db, slug, revisionId: base });
    const after = await readArticleRevision({ db: ctx.db, slug });
    const changed = after.content.sections
      .filter((s, i) => JSON.stringify(s) !== JSON.stringify(before.content.sections[i]))
      .map((s) => s.id);
    expect(changed).toEqual(["s5"]);
    const details = await getProposal({ db: ctx.db, proposalId: id });
    expect(details.decisions[0]).toMatchObject({
      action: "partial",
      declined: [{ kind: "section", id: "s6", reason: "Unsourced claim." }],
    });
    expect(JSON.stringify(details.content.proposed)).toContain("Declined part.");
  });

  it("refuses self-approval, decisions on closed proposals, and rejection without a reason", async () => {
    const { slug, base } = await protectedArticle();
    const own = await propose(slug, base, { s7: "Admin’s own proposal." }, reviewer);
    const self = await approve(own, reviewer);
    expect(self.status).toBe(403);
    expect(self.body.error.message).toMatch(/your own proposal/);
    const id = await propose(slug, base, { s8: "To be rejected." });
    const noReason = await call(
      rejectRoute.POST as RouteHandler,
      await apiRequest("POST", `/api/proposals/${id}/reject`, { body: { version: 1, reason: " " }, user: reviewer }),
      { id: String(id) },
    );
    expect(noReason.status).toBe(400);
    const rejected = await call(
      rejectRoute.POST as RouteHandler,
      await apiRequest("POST", `/api/proposals/${id}/reject`, {
        body: { version: 1, reason: "Not neutral." },
        user: reviewer,
      }),
      { id: String(id) },
    );
    expect(rejected.body.status).toBe("rejected");
    const again = await approve(id, reviewer2);
    expect(again).toMatchObject({ status: 409, body: { error: { details: { status: "rejected" } } } });
    const withdrawn = await propose(slug, base, { s9: "Withdrawn." });
    const notMine = await call(
      withdrawRoute.POST as RouteHandler,
      await apiRequest("POST", `/api/proposals/${withdrawn}/withdraw`, { body: {}, user: reviewer }),
      { id: String(withdrawn) },
    );
    expect(notMine.status).toBe(403);
    const mine = await call(
      withdrawRoute.POST as RouteHandler,
      await apiRequest("POST", `/api/proposals/${withdrawn}/withdraw`, { body: {}, user: proposer }),
      { id: String(withdrawn) },
    );
    expect(mine.body.status).toBe("withdrawn");
    expect((await approve(withdrawn, reviewer)).status).toBe(409);
    expect((await getProposal({ db: ctx.db, proposalId: id })).decisions[0].comment).toBe("Not neutral.");
  });

  it("lets the author resolve a conflict and resubmit: a new version on the current revision, then approvable", async () => {
    const { slug, base } = await protectedArticle();
    const id = await propose(slug, base, { s4: "Proposer’s s4.", s5: "Proposer’s s5." });
    const view = await readArticleRevision({ db: ctx.db, slug });
    const moved = await saveRevision({
      db: ctx.db,
      slug,
      baseRevisionId: base,
      content: {
        ...view.content,
        sections: view.content.sections.map((s) =>
          s.id === "s4" ? section("s4", "Admin’s s4.") : s.id === "s6" ? section("s6", "Admin’s s6.") : s,
        ),
      },
      authorId: admin.id,
    });
    expect((await approve(id, reviewer)).status).toBe(409);
    // A reviewer sends it back; the author opens it in the editor: their s4 kept, the admin's s6 taken.
    const sentBack = await call(
      requestChangesRoute.POST as RouteHandler,
      await apiRequest("POST", `/api/proposals/${id}/request-changes`, {
        body: { version: 1, comment: "Please merge with the new s4." },
        user: reviewer,
      }),
      { id: String(id) },
    );
    expect(sentBack.body.status).toBe("changes_requested");
    const details = await getProposal({ db: ctx.db, proposalId: id });
    const { content: draft, conflictingSections } = rebaseKeepingMine(
      details.content.base,
      details.content.proposed,
      details.content.head,
      mergeContent,
    );
    expect(conflictingSections).toEqual(["s4"]);
    expect(JSON.stringify(draft)).toContain("Admin’s s6.");
    const resolved = {
      ...draft,
      sections: draft.sections.map((s) =>
        s.id === "s4" ? section("s4", "Admin’s s4, and the proposer’s addition.") : s,
      ),
    };
    const revised = await call(
      versionsRoute.POST as RouteHandler,
      await apiRequest("POST", `/api/proposals/${id}/versions`, {
        body: { baseRevisionId: moved.revisionId, summary: "merged with the new s4", content: resolved },
        user: proposer,
      }),
      { id: String(id) },
    );
    expect(revised).toMatchObject({ status: 201, body: { version: 2 } });
    const again = await getProposal({ db: ctx.db, proposalId: id });
    expect(again.proposal.status).toBe("open");
    expect(again.rebase.clean).toBe(true);
    expect(again.version.touchedSections.sort()).toEqual(["s4", "s5"]);
    expect((await approve(id, reviewer, { version: 2 })).status).toBe(200);
    const text = JSON.stringify((await readArticleRevision({ db: ctx.db, slug })).content);
    for (const expected of ["Admin’s s4, and the proposer’s addition.", "Proposer’s s5.", "Admin’s s6."])
      expect(text).toContain(expected);
    // Only its author may revise it.
    const other = await call(
      versionsRoute.POST as RouteHandler,
      await apiRequest("POST", `/api/proposals/${id}/versions`, {
        body: { baseRevisionId: moved.revisionId, content: resolved },
        user: reviewer,
      }),
      { id: String(id) },
    );
    expect(other.status).toBe(403);
  });
});
