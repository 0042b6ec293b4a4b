import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../../lib/articles/save-revision";
import type { ArticleContent } from "../../../lib/document/model";
import { makeUser, type TestUser } from "../../factories";
import { snapshotAllRows } from "../../db";
import { httpRequest, startAppServer, type AppServer } from "../../server";
import { useRouteTestDatabase } from "../harness";
import { proposalArticle, withSections } from "../../proposal-fixtures";

// Issue 17, the interdiff part: comparing two versions of a proposal, "changes
// since your last review", and a reviewer amending a proposal before approving
// it; each rule tried over HTTP against the production server.

const ctx = useRouteTestDatabase();
let server: AppServer;
let admin: TestUser;
let reviewer: TestUser;
let proposer: TestUser;
let autoconfirmed: TestUser;
let extendedconfirmed: TestUser;
let blockedReviewer: TestUser;
let counter = 0;

/** An article under `level` protection: a lead, Background and Events. */
async function article(level: "extended" | "full" = "extended") {
  counter += 1;
  return proposalArticle(ctx.db, { slug: `Interdiff_${counter}`, authorId: admin.id, level, events: "Events text." });
}

async function propose(slug: string, base: number, content: ArticleContent): Promise<number> {
  const response = await httpRequest(server, "POST", `/api/articles/${slug}/edits`, {
    body: { baseRevisionId: base, summary: "proposal", rationale: "sourced", content },
    user: proposer,
  });
  expect(response.status, response.text).toBe(202);
  return response.body.proposal.id;
}

async function revise(id: number, base: number, content: ArticleContent) {
  const response = await httpRequest(server, "POST", `/api/proposals/${id}/versions`, {
    body: { baseRevisionId: base, summary: "revised", content },
    user: proposer,
  });
  expect(response.status, response.text).toBe(201);
}

const amend = (id: number, user: TestUser | null, version: number, base: number, content: ArticleContent) =>
  httpRequest(server, "POST", `/api/proposals/${id}/amendments`, {
    body: { version, edit: { baseRevisionId: base, summary: "copy-edit", content } },
    user,
  });

const interdiff = (id: number | string, from: number | string, to: number | string) =>
  httpRequest(server, "GET", `/api/proposals/${id}/versions/${from}/diff/${to}`);

const changedSections = (diff: { sections: Array<{ id: string; status: string }> }) =>
  diff.sections.filter((s) => s.status !== "unchanged").map((s) => s.id);

/** The page's text, without tags and React's text separators. */
async function pageText(path: string, user: TestUser | null = null) {
  const response = await httpRequest(server, "GET", path, { user });
  expect(response.status, path).toBe(200);
  return response.text
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

const views = (proposalId: number) =>
  ctx.db.proposalView.findMany({ where: { proposalId }, select: { userId: true, version: true } });

/** The view is recorded after the page is answered (not awaited): wait for it. */
async function viewRecorded(proposalId: number, userId: number, version: number) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const row = await ctx.db.proposalView.findUnique({ where: { proposalId_userId: { proposalId, userId } } });
    if (row?.version === version) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The view of version ${version} was not recorded.`);
}

beforeAll(async () => {
  admin = await makeUser(ctx.db, { name: "i_admin", role: "admin" });
  reviewer = await makeUser(ctx.db, { name: "i_reviewer", role: "reviewer" });
  proposer = await makeUser(ctx.db, { name: "i_newbie" });
  autoconfirmed = await makeUser(ctx.db, { name: "i_auto", role: "autoconfirmed" });
  extendedconfirmed = await makeUser(ctx.db, { name: "i_extended", role: "extendedconfirmed" });
  blockedReviewer = await makeUser(ctx.db, { name: "i_blocked", role: "reviewer", blocked: "vandalism" });
  server = await startAppServer({ databaseUrl: ctx.url, env: { WIKI_RATE_LIMITS: "off" } });
});
afterAll(async () => server?.stop());

describe("interdiff of two proposal versions", () => {
  it("compares what the two versions propose, the same answer cached, and the page shows it", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "Reviewed background." }));
    await revise(id, base, withSections(content, { bg: "Reviewed background.", ev: "Revised events." }));
    const first = await interdiff(id, 1, 2);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ proposalId: id, from: { version: 1 }, to: { version: 2 }, baseMoved: false });
    // Background changed against the base in both versions: between them only Events did.
    expect(changedSections(first.body.diff)).toEqual(["ev"]);
    expect(JSON.stringify(first.body.diff)).toContain("Revised events");
    const again = await interdiff(id, 1, 2);
    expect(again.body).toEqual(first.body);
    const text = await pageText(`/proposals/${id}?diff=1..2`);
    expect(text).toContain("Changes between versions (version 1 → 2)");
    expect(text).toContain("Revised events");
    // The versions list links each version to its interdiff with the previous one.
    expect((await httpRequest(server, "GET", `/proposals/${id}`)).text).toContain(`?diff=1..2`);
  });

  it("says when the base moved between the versions (a rebase)", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "Reviewed background." }));
    const head = await saveRevision({
      db: ctx.db,
      slug,
      baseRevisionId: base,
      content: withSections(content, { ev: "Events, as edited meanwhile." }),
      authorId: admin.id,
    });
    await revise(
      id,
      head.revisionId,
      withSections(content, { bg: "Reviewed background.", ev: "Events, as edited meanwhile." }),
    );
    const response = await interdiff(id, 1, 2);
    expect(response.body).toMatchObject({
      baseMoved: true,
      from: { baseRevisionId: base },
      to: { baseRevisionId: head.revisionId },
    });
    expect(changedSections(response.body.diff)).toEqual(["ev"]);
    expect(await pageText(`/proposals/${id}?diff=1..2`)).toContain("The base moved");
  });

  it("answers bad version numbers with 400 naming the field, and unknown ones with 404", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "New." }));
    await revise(id, base, withSections(content, { bg: "Newer." }));
    for (const [from, to, field] of [
      ["0", "2", "from"],
      ["abc", "2", "from"],
      ["1", "-2", "to"],
      ["1", "99999999999999999999", "to"],
      ["2", "1", "to"],
      ["2", "2", "to"],
    ]) {
      const response = await interdiff(id, from, to);
      expect(response.status, `${from}..${to} ${response.text}`).toBe(400);
      expect(JSON.stringify(response.body.error), `${from}..${to}`).toContain(field);
    }
    const missing = await interdiff(id, 1, 3);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/^to: .* no version 3/);
    const noProposal = await interdiff(999_999, 1, 2);
    expect(noProposal.status).toBe(404);
    expect(noProposal.body.error.message).toContain("There is no proposal #999999");
    // The page names the parameter and falls back to the full diff.
    expect(await pageText(`/proposals/${id}?diff=banana`)).toContain("diff: give two versions");
  });
});

describe("changes since your last review", () => {
  it("remembers the version a reviewer viewed, never an anonymous reader's or the author's, and offers only newer changes", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "First take." }));
    await pageText(`/proposals/${id}`);
    await pageText(`/proposals/${id}`, proposer);
    await pageText(`/proposals/${id}`, autoconfirmed);
    const first = await pageText(`/proposals/${id}`, reviewer);
    expect(first).not.toContain("Changes since your last review");
    await viewRecorded(id, reviewer.id, 1);
    expect(await views(id)).toEqual([{ userId: reviewer.id, version: 1 }]);

    await revise(id, base, withSections(content, { bg: "First take.", ev: "Second take." }));
    const returning = await pageText(`/proposals/${id}`, reviewer);
    expect(returning).toContain("Changes since your last review (version 1 → 2)");
    // Only the interdiff by default: the full diff's heading is not on the page, a link to it is.
    expect(returning).not.toContain("Changes proposed (against revision");
    expect(returning).toContain("Show the full diff against the base");
    await viewRecorded(id, reviewer.id, 2);
    const full = await pageText(`/proposals/${id}?diff=full`, reviewer);
    expect(full).toContain("Changes proposed (against revision");
    // Seen now: nothing newer to offer.
    expect(await pageText(`/proposals/${id}`, reviewer)).not.toContain("Changes since your last review");
    expect(await views(id)).toEqual([{ userId: reviewer.id, version: 2 }]);
    // Reading an older interdiff never moves the remembered version back.
    await pageText(`/proposals/${id}?diff=1..2`, reviewer);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await views(id)).toEqual([{ userId: reviewer.id, version: 2 }]);
  });
});

describe("a reviewer amends a proposal before approving it", () => {
  it("refuses everyone who could not approve it, writing nothing", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "Proposed." }));
    const amended = withSections(content, { bg: "Proposed, amended." });
    const before = await snapshotAllRows(ctx.db);
    for (const [who, user, status] of [
      ["anonymous", null, 401],
      ["the author", proposer, 403],
      ["an autoconfirmed editor", autoconfirmed, 403],
      ["an extended-confirmed editor (may edit, may not review)", extendedconfirmed, 403],
      ["a blocked reviewer", blockedReviewer, 403],
    ] as const) {
      const response = await amend(id, user, 1, base, amended);
      expect(response.status, `${who}: ${response.text}`).toBe(status);
    }
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });

  it("under full protection needs the right to approve at full protection", async () => {
    const { slug, base, content } = await article("full");
    const id = await propose(slug, base, withSections(content, { bg: "Proposed." }));
    const refused = await amend(id, reviewer, 1, base, withSections(content, { bg: "Reviewer's words." }));
    expect(refused.status, refused.text).toBe(403);
    const allowed = await amend(id, admin, 1, base, withSections(content, { bg: "Admin's words." }));
    expect(allowed.status, allowed.text).toBe(201);
    expect(allowed.body).toEqual({ proposalId: id, version: 2 });
  });

  it("is pinned to the version the reviewer saw: a stale amendment is 409 and writes nothing; a closed proposal is 409", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "Proposed." }));
    await revise(id, base, withSections(content, { bg: "Proposed again." }));
    const before = await snapshotAllRows(ctx.db);
    const stale = await amend(id, reviewer, 1, base, withSections(content, { bg: "Amending the old one." }));
    expect(stale.status, stale.text).toBe(409);
    expect(stale.body.error.details).toMatchObject({ reason: "stale_version", seenVersion: 1, currentVersion: 2 });
    const future = await amend(id, reviewer, 7, base, withSections(content, { bg: "?" }));
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/^version: /);
    const malformed = await httpRequest(server, "POST", `/api/proposals/${id}/amendments`, {
      body: { edit: { baseRevisionId: base, content } },
      user: reviewer,
    });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body.error)).toContain("version");
    expect(await snapshotAllRows(ctx.db)).toBe(before);

    const rejected = await httpRequest(server, "POST", `/api/proposals/${id}/reject`, {
      body: { version: 2, reason: "Not neutral." },
      user: reviewer,
    });
    expect(rejected.status, rejected.text).toBe(200);
    const closed = await amend(id, reviewer, 2, base, withSections(content, { bg: "Too late." }));
    expect(closed.status, closed.text).toBe(409);
    expect(closed.body.error.message).toContain("can no longer be amended");
  });

  it("does not approve by itself; the approval keeps the proposer as author and records the amendment, shown in history and the review log", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "The army advanced quickly." }));
    const amended = await amend(id, reviewer, 1, base, withSections(content, { bg: "The army advanced rapidly." }));
    expect(amended.status, amended.text).toBe(201);
    const proposal = await ctx.db.proposal.findUniqueOrThrow({ where: { id } });
    expect(proposal).toMatchObject({ status: "open", currentVersion: 2 });
    const versions = await ctx.db.proposalVersion.findMany({ where: { proposalId: id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.authorId)).toEqual([proposer.id, reviewer.id]);
    // The reviewer's own change, as an interdiff.
    expect(changedSections((await interdiff(id, 1, 2)).body.diff)).toEqual(["bg"]);

    const approved = await httpRequest(server, "POST", `/api/proposals/${id}/approve`, {
      body: { version: 2 },
      user: reviewer,
    });
    expect(approved.status, approved.text).toBe(200);
    const revision = await ctx.db.revision.findUniqueOrThrow({ where: { id: approved.body.revisionId } });
    expect(revision).toMatchObject({ authorId: proposer.id, approvedById: reviewer.id });
    const decision = await ctx.db.reviewDecision.findFirstOrThrow({ where: { proposalId: id } });
    expect(decision).toMatchObject({ version: 2, reviewerId: reviewer.id, amendedFromVersion: 1 });

    const history = await pageText(`/wiki/${slug}/history`);
    expect(history).toMatch(new RegExp(`${proposer.name} .*amended and approved by ${reviewer.name}`));
    const log = await httpRequest(server, "GET", "/log/review");
    expect(log.text).toContain(`/proposals/${id}?diff=1..2`);
    expect(await pageText("/log/review")).toContain(`approved with amendments by ${reviewer.name}`);
    expect(await pageText(`/proposals/${id}`)).toContain(`approved with amendments by ${reviewer.name}`);
  });

  it("records no amendment when the approved version is the author's", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "Plain proposal." }));
    const approved = await httpRequest(server, "POST", `/api/proposals/${id}/approve`, {
      body: { version: 1 },
      user: reviewer,
    });
    expect(approved.status, approved.text).toBe(200);
    const decision = await ctx.db.reviewDecision.findFirstOrThrow({ where: { proposalId: id } });
    expect(decision.amendedFromVersion).toBeNull();
    expect(await pageText(`/wiki/${slug}/history`)).not.toContain("amended and approved");
  });
});
