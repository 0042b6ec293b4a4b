import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent, Section } from "../../../lib/document/model";
import { snapshotAllRows } from "../../db";
import { makeUser, type TestUser } from "../../factories";
import { httpRequest, startAppServer, type AppServer } from "../../server";
import { useRouteTestDatabase } from "../harness";

// Required approvals per protection level (issue 17), tried from the attacker's side over HTTP against
// the production server: who counts, how often, for which version, and that exactly one approval publishes.

const ctx = useRouteTestDatabase();
let server: AppServer;
let admins: TestUser[];
let reviewer: TestUser;
let proposer: TestUser;
let counter = 0;

const section = (id: string, title: string, markup: string): Section => ({
  id,
  title,
  level: id === "lead" ? 0 : 2,
  body: docFromMarkup(markup),
});

/** An article at `level`: a lead, Background and Events. */
async function article(level: "extended" | "full" = "full") {
  counter += 1;
  const slug = `Requirements_${counter}`;
  const content: ArticleContent = {
    title: `Requirements ${counter}`,
    infobox: null,
    sections: [
      section("lead", "", "Lead."),
      section("bg", "Background", "Background."),
      section("ev", "Events", "Events."),
    ],
    references: [],
  };
  const saved = await saveRevision({ db: ctx.db, slug, baseRevisionId: null, content, authorId: admins[0].id });
  await ctx.db.article.update({ where: { slug }, data: { protectionLevel: level, protectionReason: "contested" } });
  return { slug, base: saved.revisionId, content };
}

const withSections = (content: ArticleContent, changes: Record<string, string>): ArticleContent => ({
  ...content,
  sections: content.sections.map((s) => (changes[s.id] !== undefined ? section(s.id, s.title, changes[s.id]) : s)),
});

/** A proposal by `author` (a reviewer may only propose under full protection). */
async function propose(slug: string, base: number, content: ArticleContent, author = reviewer): Promise<number> {
  const response = await httpRequest(server, "POST", `/api/articles/${slug}/edits`, {
    body: { baseRevisionId: base, summary: "proposal", rationale: "sourced", content },
    user: author,
  });
  expect(response.status, response.text).toBe(202);
  return response.body.proposal.id;
}

const approve = (id: number, user: TestUser, body: Record<string, unknown> = { version: 1 }) =>
  httpRequest(server, "POST", `/api/proposals/${id}/approve`, { body, user });

const revisionsOf = (slug: string) => ctx.db.revision.count({ where: { article: { slug } } });
const pageText = async (path: string, user?: TestUser) =>
  (await httpRequest(server, "GET", path, { user })).text.replaceAll("<!-- -->", "");

beforeAll(async () => {
  admins = await Promise.all(
    ["a", "b", "c"].map((name) => makeUser(ctx.db, { name: `rq_admin_${name}`, role: "admin" })),
  );
  reviewer = await makeUser(ctx.db, { name: "rq_reviewer", role: "reviewer" });
  proposer = await makeUser(ctx.db, { name: "rq_newbie" });
  server = await startAppServer({ databaseUrl: ctx.url, env: { WIKI_RATE_LIMITS: "off" } });
});
afterAll(async () => server?.stop());

describe("two approvals under full protection (the default)", () => {
  it("records the first approval as a vote, refuses the same reviewer and the author, and publishes on the second", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "Sourced background." }));
    const revisions = await revisionsOf(slug);

    const first = await approve(id, admins[0], { version: 1, comment: "Fine by me." });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ status: "open", revisionId: null, approvals: { count: 1, required: 2 } });
    expect(await revisionsOf(slug)).toBe(revisions);
    expect(await ctx.db.reviewDecision.count({ where: { proposalId: id } })).toBe(0);
    expect(await ctx.db.proposalApproval.findMany({ where: { proposalId: id } })).toMatchObject([
      { version: 1, reviewerId: admins[0].id, comment: "Fine by me." },
    ]);
    // Page and queue say where it stands, and who approved.
    expect(await pageText(`/proposals/${id}`)).toMatch(/1 of 2 approvals; needs 1 more.*rq_admin_a/);
    expect(await pageText(`/review?article=${slug}`)).toMatch(/1 of 2 approvals; needs 1 more/);

    const before = await snapshotAllRows(ctx.db);
    const again = await approve(id, admins[0]);
    expect(again.status, again.text).toBe(409);
    expect(again.body.error.message).toMatch(
      /^You already approved version 1 of this proposal; an approval counts once/,
    );
    // The author (a reviewer, proposing because only admins edit a fully protected article) never counts.
    const own = await approve(id, reviewer);
    expect(own.status, own.text).toBe(403);
    expect(own.body.error.message).toMatch(/cannot review your own proposal/);
    expect(await snapshotAllRows(ctx.db)).toBe(before);

    const second = await approve(id, admins[1]);
    expect(second.status, second.text).toBe(200);
    expect(second.body).toMatchObject({ status: "approved", approvals: { count: 2, required: 2 } });
    expect(await revisionsOf(slug)).toBe(revisions + 1);
    expect(await ctx.db.revision.findUniqueOrThrow({ where: { id: second.body.revisionId } })).toMatchObject({
      authorId: reviewer.id,
      approvedById: admins[1].id,
    });
    expect(await ctx.db.reviewDecision.findMany({ where: { proposalId: id } })).toMatchObject([
      { reviewerId: admins[1].id, action: "approve", revisionId: second.body.revisionId, protectionLevel: "full" },
    ]);
    // A third approval finds it decided.
    const late = await approve(id, admins[2]);
    expect(late.status, late.text).toBe(409);
    expect(await revisionsOf(slug)).toBe(revisions + 1);
  });

  it("publishes exactly once when reviewers approve at the same moment", async () => {
    for (let round = 0; round < 4; round++) {
      const { slug, base, content } = await article();
      const id = await propose(slug, base, withSections(content, { ev: `Concurrent ${round}.` }));
      const revisions = await revisionsOf(slug);
      const answers = await Promise.all(admins.map((admin) => approve(id, admin)));
      const statuses = answers.map((answer) => (answer.status === 200 ? answer.body.status : answer.status)).sort();
      // Three at once against a requirement of two: one vote, one publication, one too late.
      expect(statuses, answers.map((answer) => answer.text).join("\n")).toEqual([409, "approved", "open"]);
      expect(await revisionsOf(slug)).toBe(revisions + 1);
      expect(await ctx.db.reviewDecision.count({ where: { proposalId: id } })).toBe(1);
    }
    // Two at once: never both "the one before the last".
    for (let round = 0; round < 4; round++) {
      const { slug, base, content } = await article();
      const id = await propose(slug, base, withSections(content, { ev: `Pair ${round}.` }));
      const answers = await Promise.all(admins.slice(0, 2).map((admin) => approve(id, admin)));
      expect(answers.map((answer) => answer.body?.status).sort(), answers.map((a) => a.text).join("\n")).toEqual([
        "approved",
        "open",
      ]);
      expect(await ctx.db.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "approved" });
    }
  });

  it("counts approvals per version: a new version starts again, and an old version cannot be approved", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "Version one." }));
    expect((await approve(id, admins[0])).body.approvals).toEqual({ count: 1, required: 2 });
    const revised = await httpRequest(server, "POST", `/api/proposals/${id}/versions`, {
      body: { baseRevisionId: base, summary: "v2", content: withSections(content, { bg: "Version two." }) },
      user: reviewer,
    });
    expect(revised.status, revised.text).toBe(201);
    expect(await pageText(`/proposals/${id}`)).toMatch(/0 of 2 approvals; needs 2 more/);
    expect(await pageText(`/proposals/${id}`)).toMatch(/those of earlier versions no longer count/);
    const stale = await approve(id, admins[1], { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.reason).toBe("stale_version");
    // The first reviewer's approval of version 1 does not carry over: two approvals of version 2 are needed.
    expect((await approve(id, admins[1], { version: 2 })).body).toMatchObject({
      status: "open",
      approvals: { count: 1, required: 2 },
    });
    const done = await approve(id, admins[0], { version: 2 });
    expect(done.body).toMatchObject({ status: "approved" });
    expect(
      JSON.stringify((await ctx.db.revision.findUniqueOrThrow({ where: { id: done.body.revisionId } })).id),
    ).toBeTruthy();
  });

  it("no longer counts a reviewer demoted or blocked since their approval (re-checked at the final one)", async () => {
    const demoted = await makeUser(ctx.db, { name: "rq_admin_demoted", role: "admin" });
    const blocked = await makeUser(ctx.db, { name: "rq_admin_blocked", role: "admin" });
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "Needs fresh votes." }));
    expect((await approve(id, demoted)).body.approvals).toEqual({ count: 1, required: 2 });
    expect((await approve(id, blocked)).body.status).toBe("approved");
    // Another proposal: both vote first, then lose their standing.
    const { slug: slug2, base: base2, content: content2 } = await article();
    const other = await propose(slug2, base2, withSections(content2, { bg: "Second." }));
    expect((await approve(other, demoted)).status).toBe(200);
    await ctx.db.userGroup.delete({ where: { userId_group: { userId: demoted.id, group: "admin" } } });
    await ctx.db.userGroup.create({ data: { userId: demoted.id, group: "reviewer" } });
    const afterDemotion = await approve(other, admins[0]);
    expect(afterDemotion.body, afterDemotion.text).toMatchObject({
      status: "open",
      approvals: { count: 1, required: 2 },
    });
    await ctx.db.user.update({ where: { id: admins[0].id }, data: { blockedAt: new Date(), blockReason: "test" } });
    try {
      const afterBlock = await approve(other, admins[1]);
      expect(afterBlock.body, afterBlock.text).toMatchObject({ status: "open", approvals: { count: 1, required: 2 } });
    } finally {
      await ctx.db.user.update({ where: { id: admins[0].id }, data: { blockedAt: null, blockReason: null } });
    }
    expect((await approve(other, admins[2])).body.status).toBe("approved");
  });

  it("takes the declined parts from the approval that publishes, and refuses them on one that does not", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "Kept.", ev: "Declined." }));
    const before = await snapshotAllRows(ctx.db);
    const early = await approve(id, admins[0], {
      version: 1,
      declined: [{ kind: "section", id: "ev", reason: "unsourced" }],
    });
    expect(early.status, early.text).toBe(400);
    expect(early.body.error.message).toMatch(
      /^declined: parts are declined by the approval that publishes; this is approval 1 of 2/,
    );
    expect(await snapshotAllRows(ctx.db)).toBe(before);
    expect((await approve(id, admins[0])).body.status).toBe("open");
    const last = await approve(id, admins[1], {
      version: 1,
      declined: [{ kind: "section", id: "ev", reason: "unsourced" }],
    });
    expect(last.body, last.text).toMatchObject({ status: "partially_approved" });
  });

  it("a reviewer (not an admin) can neither vote nor publish under full protection", async () => {
    const other = await makeUser(ctx.db, { name: "rq_reviewer2", role: "reviewer" });
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "By the book." }));
    const before = await snapshotAllRows(ctx.db);
    const refused = await approve(id, other);
    expect(refused.status, refused.text).toBe(403);
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });
});

describe("the requirement per level is an administrator's, logged", () => {
  const put = (body: unknown, user?: TestUser) =>
    httpRequest(server, "PUT", "/api/review-requirements", { body, user });

  it("refuses everyone but administrators and bad values, naming the field, and logs a change", async () => {
    const before = await snapshotAllRows(ctx.db);
    expect((await put({ level: "extended", approvals: 2, reason: "x" })).status).toBe(401);
    const byReviewer = await put({ level: "extended", approvals: 2, reason: "x" }, reviewer);
    expect(byReviewer.status).toBe(403);
    expect(byReviewer.body.error.message).toMatch(/Only administrators can change how many approvals/);
    for (const [body, field] of [
      [{ level: "total", approvals: 2, reason: "x" }, /level must be one of none, semi, extended, full/],
      [{ level: "extended", approvals: 0, reason: "x" }, /approvals must be a whole number from 1 to 5/],
      [{ level: "extended", approvals: 6, reason: "x" }, /approvals must be a whole number from 1 to 5/],
      [{ level: "extended", approvals: 1.5, reason: "x" }, /approvals must be a whole number/],
      [{ level: "extended", approvals: "2", reason: "x" }, /approvals must be a number/],
      [{ level: "extended", approvals: 2, reason: "   " }, /reason: say why/],
      [{ level: "extended", approvals: 2 }, /reason/],
    ] as const) {
      const response = await put(body, admins[0]);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(response.body.error), JSON.stringify(body)).toMatch(field);
    }
    expect(await snapshotAllRows(ctx.db)).toBe(before);

    const set = await put({ level: "extended", approvals: 2, reason: "contested topics" }, admins[0]);
    expect(set.status, set.text).toBe(200);
    try {
      expect(await pageText("/admin/review-requirements")).toMatch(
        /rq_admin_a<\/a> set <b>extended<\/b> to 2 approvals<span class="summary"> \(contested topics\)/,
      );
      // It applies to proposals already open, from their next approval.
      const { slug, base, content } = await article("extended");
      const id = await propose(slug, base, withSections(content, { bg: "Two needed now." }), proposer);
      expect((await approve(id, reviewer)).body).toMatchObject({
        status: "open",
        approvals: { count: 1, required: 2 },
      });
    } finally {
      expect((await put({ level: "extended", approvals: 1, reason: "back to one" }, admins[0])).status).toBe(200);
    }
  });
});

describe("overlap between open proposals, and the queue's filters", () => {
  it("flags proposals touching the same section in the queue and on both pages; after one is approved, the other says whether it applies", async () => {
    const { slug, base, content } = await article("extended");
    const a = await propose(slug, base, withSections(content, { bg: "Background by A." }), proposer);
    const b = await propose(slug, base, withSections(content, { bg: "Background by B." }), proposer);
    const c = await propose(slug, base, withSections(content, { ev: "Events by C." }), proposer);
    const queue = await httpRequest(server, "GET", `/api/proposals?article=${slug}`);
    expect(queue.status, queue.text).toBe(200);
    const overlapsOf = (id: number) =>
      queue.body.proposals.find((row: { id: number }) => row.id === id).overlaps.map((o: { id: number }) => o.id);
    expect([overlapsOf(a), overlapsOf(b), overlapsOf(c)]).toEqual([[b], [a], []]);
    expect(queue.body.proposals[0].overlaps[0]).toEqual({ id: b, sections: ["bg"], references: [], infobox: false });
    const flagged = await httpRequest(server, "GET", `/api/proposals?article=${slug}&overlap=yes`);
    expect(flagged.body.proposals.map((row: { id: number }) => row.id)).toEqual([a, b]);
    const unflagged = await httpRequest(server, "GET", `/api/proposals?article=${slug}&overlap=no`);
    expect(unflagged.body.proposals.map((row: { id: number }) => row.id)).toEqual([c]);
    expect(await pageText(`/proposals/${a}`)).toMatch(new RegExp(`Overlaps with .*#${b}</a> \\(section Background\\)`));
    expect(await pageText(`/proposals/${b}`)).toMatch(new RegExp(`Overlaps with .*#${a}</a> \\(section Background\\)`));
    expect(await pageText(`/proposals/${c}`)).not.toMatch(/Overlaps with/);
    expect(await pageText(`/review?article=${slug}`)).toMatch(/⚠ overlaps/);

    expect((await approve(a, reviewer)).body.status).toBe("approved");
    const after = await httpRequest(server, "GET", `/api/proposals?article=${slug}`);
    expect(
      after.body.proposals.map((row: { id: number; overlaps: unknown[] }) => [row.id, row.overlaps.length]),
    ).toEqual([
      [b, 0],
      [c, 0],
    ]);
    const bPage = await pageText(`/proposals/${b}`);
    expect(bPage).toMatch(
      new RegExp(
        `#${a}</a> was approved since this proposal was made \\(revision \\d+\\) and changed section Background too: this proposal now conflicts`,
      ),
    );
    const bAsAuthor = await pageText(`/proposals/${b}`, proposer);
    expect(bAsAuthor).toMatch(/Resolve the conflict in the editor/);
    expect(await pageText(`/proposals/${c}`)).not.toMatch(/was approved since/);
  });

  it("filters by level, needs-my-review and sorts; refuses a bad filter with 400 naming it (and the page says so)", async () => {
    const { slug, base, content } = await article("extended");
    const small = await propose(slug, base, withSections(content, { bg: "S." }), proposer);
    const large = await propose(slug, base, withSections(content, { ev: "A much longer text. ".repeat(40) }), proposer);
    const ids = async (query: string, user?: TestUser) => {
      const response = await httpRequest(server, "GET", `/api/proposals?article=${slug}&${query}`, { user });
      expect(response.status, response.text).toBe(200);
      return response.body.proposals.map((row: { id: number }) => row.id);
    };
    expect(await ids("sort=newest")).toEqual([large, small]);
    expect(await ids("sort=largest")).toEqual([large, small]);
    expect(await ids("sort=smallest")).toEqual([small, large]);
    expect(await ids("level=extended")).toEqual([small, large]);
    expect(await ids("level=full")).toEqual([]);
    expect(await ids("clean=yes")).toEqual([small, large]);
    expect(await ids("clean=no")).toEqual([]);
    // Needs my review: after my approval (under a requirement of two) it is no longer mine to review; never my own.
    await ctx.db.reviewRequirement.create({ data: { level: "extended", approvals: 2, reason: "test" } });
    try {
      expect((await approve(small, reviewer)).body.status).toBe("open");
      expect(await ids("mine=yes", reviewer)).toEqual([large]);
      expect(await ids("mine=yes", admins[0])).toEqual([small, large]);
      expect(await ids("mine=yes", proposer)).toEqual([]);
      expect(await ids("mine=yes")).toEqual([]);
    } finally {
      await ctx.db.reviewRequirement.create({ data: { level: "extended", approvals: 1, reason: "test over" } });
    }
    for (const [query, message] of [
      ["level=total", /level must be one of none, semi, extended, full/],
      ["sort=random", /sort must be one of oldest, newest, largest, smallest/],
      ["clean=maybe", /clean must be yes or no/],
      ["overlap=1", /overlap must be yes or no/],
      ["mine=please", /mine must be yes or no/],
      ["page=0", /page must be a whole number from 1 to 1000/],
      ["page=abc", /page must be a whole number/],
      ["page=99999", /page must be a whole number/],
      ["status=merged", /status must be one of/],
    ] as const) {
      const response = await httpRequest(server, "GET", `/api/proposals?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.message, query).toMatch(message);
      const page = await httpRequest(server, "GET", `/review?${query}`);
      expect(page.status, query).toBe(200);
      expect(page.text.replaceAll("<!-- -->", ""), query).toMatch(/These filters cannot be applied: /);
    }
    // Empty fields from the GET form are no filter.
    expect(await ids("level=&clean=&overlap=&sort=&page=")).toEqual([small, large]);
  });

  it("pages the queue in the URL", async () => {
    const { slug, base, content } = await article("extended");
    const made: number[] = [];
    for (let i = 0; i < 3; i++)
      made.push(await propose(slug, base, withSections(content, { bg: `Paged ${i}.` }), proposer));
    const page2 = await httpRequest(server, "GET", `/review?article=${slug}&page=2`);
    expect(page2.status).toBe(200);
    // 50 a page: page 2 of three proposals is empty, page 1 has them all.
    expect(page2.text).not.toMatch(new RegExp(`/proposals/${made[0]}"`));
    expect(await pageText(`/review?article=${slug}`)).toMatch(new RegExp(`/proposals/${made[2]}"`));
  });
});
