import { beforeAll, describe, expect, it } from "vitest";
import { snapshotAllRows, useTestDatabase } from "../../test/db";
import { createArticle, createCast } from "../../test/reliability/fixtures";
import { sectionOf } from "../../test/sections";
import { loadContent } from "../articles/content-store";
import { saveRevision } from "../articles/save-revision";
import type { Actor } from "../authz/policy";
import { ZEditRequestSchema } from "../contracts/articles";
import { diffArticles } from "../diff/article-diff";
import { docFromMarkup } from "../document/markup";
import type { ArticleContent, Infobox } from "../document/model";
import { submitEdit } from "../editing/submit-edit";
import { amendProposal } from "./amend-proposal";
import { reviseProposal } from "./change-proposal";
import { decideProposal, type DecisionOptions } from "./decide-proposal";

/**
 * decideProposal called directly, for what the HTTP suites check only
 * through a spawned server (out of mutation testing's reach): each refusal
 * word for word and writing nothing, partial approval declining the infobox
 * and a reference, declined blocks as the decision records them, the log
 * line and the author's notification, approvals counted towards a
 * requirement of two, and an approval accepted at once under pending changes.
 */

const ctx = useTestDatabase();
let cast: Awaited<ReturnType<typeof createCast>>;
let proposer: Actor;
let reviewer: Actor;
let secondReviewer: Actor;

beforeAll(async () => {
  cast = await createCast(ctx.db, { prefix: "decide", reviewers: 2, proposers: 1 });
  [proposer] = cast.actors.proposers;
  [reviewer, secondReviewer] = cast.actors.reviewers;
});

const box = (status: string): Infobox => ({
  kind: "conflict",
  title: "Box",
  rows: [{ kind: "field", label: "Status", value: docFromMarkup(status) }],
});

let articles = 0;
/** An extended-protected article (a lead citing "a", Background, History in three paragraphs) with `extra` over it. */
function baseContent(extra: Partial<ArticleContent> = {}): ArticleContent {
  return {
    title: `Decide ${++articles}`,
    infobox: null,
    sections: [
      sectionOf("lead", "", "Lead.[[ref:a]]"),
      sectionOf("bg", "Background", "Background text."),
      sectionOf("history", "History", ["First.", "Second.", "Third."]),
    ],
    references: [{ key: "a", title: "Source A" }],
    ...extra,
  };
}

/** Saves `base` (extended protection, so the proposer may only propose) and proposes `change(base)`. */
async function proposal(
  base: ArticleContent,
  change: (content: ArticleContent) => ArticleContent,
  summary = "proposed",
) {
  const { slug, revisionId } = await createArticle(ctx.db, {
    content: base,
    authorId: cast.admin.id,
    protection: "extended",
  });
  const proposed = change(base);
  const outcome = await submitEdit({
    db: ctx.db,
    actor: proposer,
    slug,
    request: ZEditRequestSchema.parse({ baseRevisionId: revisionId, content: proposed, summary }),
  });
  if (outcome.status !== "proposed") throw new Error(`expected a proposal, got ${outcome.status}`);
  return { slug, revisionId, base, proposed, proposalId: outcome.proposalId };
}

/** The content with the sections in `texts` rewritten (a string is one paragraph). */
const rewrite = (content: ArticleContent, texts: Record<string, string | string[]>): ArticleContent => ({
  ...content,
  sections: content.sections.map((s) => (texts[s.id] ? sectionOf(s.id, s.title, texts[s.id]) : s)),
});

const decide = (proposalId: number, action: DecisionOptions["action"], options: Partial<DecisionOptions> = {}) =>
  decideProposal({ db: ctx.db, actor: reviewer, proposalId, action, version: 1, comment: "Reviewed.", ...options });

async function headOf(slug: string) {
  const article = await ctx.db.article.findUniqueOrThrow({ where: { slug }, include: { currentRevision: true } });
  return { article, revision: article.currentRevision!, content: await loadContent(ctx.db, article.currentRevision!) };
}

const decisionOf = (proposalId: number) => ctx.db.reviewDecision.findFirstOrThrow({ where: { proposalId } });

/** Expects `decision` (started after a snapshot) refused as `refusal` says, with no row of any table changed. */
async function expectRefusedWritingNothing(decision: () => Promise<unknown>, refusal: Record<string, unknown>) {
  const before = await snapshotAllRows(ctx.db);
  await expect(decision()).rejects.toMatchObject(refusal);
  expect(await snapshotAllRows(ctx.db)).toBe(before);
}

describe("decideProposal refuses, word for word, and writes nothing", () => {
  it("an unknown proposal, a decision without a reason, a declined part without one, self-review", async () => {
    const { proposalId } = await proposal(baseContent(), (c) => rewrite(c, { bg: "Background, expanded." }));
    const before = await snapshotAllRows(ctx.db);
    await expect(decide(987654, "approve")).rejects.toMatchObject({
      code: "not_found",
      message: "There is no proposal #987654.",
    });
    await expect(decide(proposalId, "reject", { comment: " \n " })).rejects.toMatchObject({
      code: "bad_request",
      message: "A rejection needs a reason; the author will read it.",
    });
    await expect(decide(proposalId, "request_changes", { comment: "" })).rejects.toMatchObject({
      code: "bad_request",
      message: "Say what should change; the author will read it.",
    });
    await expect(
      decide(proposalId, "approve", {
        declined: [
          { kind: "section", id: "bg", reason: "Fine." },
          { kind: "infobox", id: "infobox", reason: "  " },
        ],
      }),
    ).rejects.toMatchObject({ code: "bad_request", message: "Each declined part needs a reason." });
    await expect(decide(proposalId, "approve", { actor: proposer })).rejects.toMatchObject({ code: "forbidden" });
    await expect(decide(proposalId, "approve", { version: 2 })).rejects.toMatchObject({
      code: "bad_request",
      message: `version: proposal #${proposalId} has no version 2; its latest is version 1.`,
    });
    await expect(
      decide(proposalId, "approve", { declined: [{ kind: "section", id: "lead", reason: "?" }] }),
    ).rejects.toMatchObject({ code: "bad_request", message: "declined[0]: version 1 does not change the lead." });
    await expect(
      decide(proposalId, "approve", { declined: [{ kind: "section", id: "bg", reason: "No." }] }),
    ).rejects.toMatchObject({
      code: "bad_request",
      message: "declined: every part of the proposal is declined; reject it instead.",
    });
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });

  it("a reviewer's approval of an article raised to full protection: refused, not counted as a vote", async () => {
    const { slug, proposalId } = await proposal(baseContent(), (c) => rewrite(c, { bg: "Background, expanded." }));
    await ctx.db.article.update({ where: { slug }, data: { protectionLevel: "full" } });
    await expectRefusedWritingNothing(() => decide(proposalId, "approve"), { code: "forbidden" });
  });

  it("a decided proposal, by its status in words", async () => {
    const { proposalId } = await proposal(baseContent(), (c) => rewrite(c, { bg: "Background, expanded." }));
    await decide(proposalId, "request_changes", { comment: "Cite a source." });
    const before = await snapshotAllRows(ctx.db);
    await expect(decide(proposalId, "approve")).rejects.toMatchObject({
      code: "conflict",
      message: "This proposal is changes requested; it can no longer be decided.",
      details: { status: "changes_requested" },
    });
    expect(await snapshotAllRows(ctx.db)).toBe(before);
  });

  it("a declined reference the infobox cites, naming both", async () => {
    const { proposalId } = await proposal(baseContent({ infobox: box("Ongoing") }), (c) => ({
      ...c,
      infobox: box("Ended.[[ref:new]]"),
      references: [...c.references, { key: "new", title: "New source" }],
    }));
    await expectRefusedWritingNothing(
      () => decide(proposalId, "approve", { declined: [{ kind: "reference", id: "new", reason: "Unreliable." }] }),
      {
        code: "bad_request",
        message:
          "declined: The infobox cites reference ‘new’, which you declined: decline the infobox change too or accept the reference.",
        details: {
          field: "declined",
          dependencies: [
            { part: { kind: "infobox", id: "infobox" }, needs: { kind: "reference", id: "new" }, via: "cites" },
          ],
        },
      },
    );
  });

  it("a decision on a version the author has replaced answers with the diff between the two", async () => {
    const { proposalId, proposed } = await proposal(baseContent(), (c) => rewrite(c, { bg: "Version 1." }));
    const second = rewrite(proposed, { bg: "Version 2." });
    await reviseProposal({
      db: ctx.db,
      actor: proposer,
      proposalId,
      request: ZEditRequestSchema.parse({ baseRevisionId: null, content: second }),
    });
    const error = await decide(proposalId, "reject", { comment: "No." }).catch((caught) => caught);
    expect(error).toMatchObject({
      code: "conflict",
      message:
        "The author changed the proposal since you opened it: you saw version 1, it is now version 2. Nothing was decided; review the new version and decide again.",
      details: { status: "open", reason: "stale_version", seenVersion: 1, currentVersion: 2 },
    });
    expect(error.details.diff).toEqual(diffArticles(proposed, second));
  });
});

describe("partial approval", () => {
  it("declining the infobox and a reference publishes the rest, keeps the base's, and records the parts", async () => {
    const base = baseContent({ infobox: box("Ongoing") });
    const { slug, revisionId, proposalId } = await proposal(base, (c) => ({
      ...rewrite(c, { bg: "Background, expanded." }),
      infobox: box("Ended"),
      references: [{ key: "a", title: "Source A, retitled" }],
    }));
    const decided = await decide(proposalId, "approve", {
      comment: "  Mostly good.  ",
      declined: [
        { kind: "infobox", id: "infobox", reason: "  Not over yet. " },
        { kind: "reference", id: "a", reason: "The old title is right." },
      ],
    });
    expect(decided).toEqual({
      proposalId,
      status: "partially_approved",
      revisionId: expect.any(Number),
      protection: "extended",
      approvals: { count: 1, required: 1 },
    });
    const head = await headOf(slug);
    expect(head.content).toEqual(rewrite(base, { bg: "Background, expanded." }));
    expect(head.revision).toMatchObject({
      id: decided.revisionId,
      parentId: revisionId,
      authorId: proposer.id,
      approvedById: reviewer.id,
      summary: "proposed",
      tags: ["partially approved"],
    });
    expect(await decisionOf(proposalId)).toMatchObject({
      version: 1,
      reviewerId: reviewer.id,
      action: "partial",
      comment: "Mostly good.",
      revisionId: decided.revisionId,
      protectionLevel: "extended",
      amendedFromVersion: null,
      declined: [
        { kind: "infobox", id: "infobox", reason: "Not over yet." },
        { kind: "reference", id: "a", reason: "The old title is right." },
      ],
    });
    expect((await ctx.db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("partially_approved");
  });

  it("records a declined block by where it is and its words (bounded), in a section and in the lead", async () => {
    const [one, two, three] = [
      "The offensive began at dawn on the northern front near the river.",
      "Rebel columns advanced along the highway towards the city by noon.",
      "Government forces withdrew from several villages during the night.",
    ];
    const long = `${"Long words here. ".repeat(400)}End.`;
    const base = baseContent();
    base.sections[2] = sectionOf("history", "History", [one, two, three]);
    const { slug, proposalId } = await proposal(base, (c) =>
      rewrite(c, {
        lead: ["Lead.[[ref:a]]", "A second lead paragraph."],
        bg: "Background, expanded.",
        history: [one, two, `${three} Most returned later.`, long],
      }),
    );
    await decide(proposalId, "approve", {
      declined: [
        { kind: "block", id: "history/p2", reason: "Unsourced." },
        { kind: "block", id: "history/p3", reason: "Too long." },
        { kind: "block", id: "lead/p1", reason: "The lead was fine." },
      ],
    });
    expect((await headOf(slug)).content).toEqual(rewrite(base, { bg: "Background, expanded." }));
    expect((await decisionOf(proposalId)).declined).toEqual([
      {
        kind: "block",
        id: "history/p2",
        reason: "Unsourced.",
        label: "paragraph 3 of “History”",
        text: `${three} Most returned later.`,
      },
      {
        kind: "block",
        id: "history/p3",
        reason: "Too long.",
        label: "new paragraph 4 of “History”",
        text: long.slice(0, 5000),
      },
      {
        kind: "block",
        id: "lead/p1",
        reason: "The lead was fine.",
        label: "new paragraph 2 of the lead",
        text: "A second lead paragraph.",
      },
    ]);
  });
});

describe("what a decision leaves behind", () => {
  it("a rejection: the log line and the author's notification, nothing published", async () => {
    const { slug, revisionId, proposalId } = await proposal(baseContent(), (c) => rewrite(c, { bg: "Rejected." }));
    expect(await decide(proposalId, "reject", { comment: " Unsourced. " })).toEqual({
      proposalId,
      status: "rejected",
      revisionId: null,
      protection: "extended",
    });
    expect((await headOf(slug)).revision.id).toBe(revisionId);
    expect(await decisionOf(proposalId)).toMatchObject({ action: "reject", comment: "Unsourced.", declined: null });
    const article = await ctx.db.article.findUniqueOrThrow({ where: { slug } });
    expect(await ctx.db.recentChange.findFirstOrThrow({ where: { proposalId, kind: "decision" } })).toMatchObject({
      action: "reject",
      actorId: reviewer.id,
      articleId: article.id,
      targetUserId: proposer.id,
      revisionId: null,
      summary: "Unsourced.",
      details: { version: 1, amendedFromVersion: null },
    });
    expect(await ctx.db.notification.findMany({ where: { proposalId, recipientId: proposer.id } })).toMatchObject([
      {
        type: "proposal_rejected",
        actorId: reviewer.id,
        articleId: article.id,
        fromRevisionId: null,
        toRevisionId: null,
      },
    ]);
  });

  it("an approval of the reviewer's own amendment: the version it starts from, the diff in the notification, the default summary", async () => {
    const { slug, revisionId, proposed, proposalId } = await proposal(
      baseContent(),
      (c) => rewrite(c, { bg: "Proposed." }),
      "",
    );
    await amendProposal({
      db: ctx.db,
      actor: reviewer,
      proposalId,
      version: 1,
      request: ZEditRequestSchema.parse({ baseRevisionId: null, content: rewrite(proposed, { bg: "Amended." }) }),
    });
    const decided = await decide(proposalId, "approve", { version: 2 });
    expect(decided).toMatchObject({ status: "approved", approvals: { count: 1, required: 1 } });
    const head = await headOf(slug);
    expect(head.revision).toMatchObject({ summary: `Proposal #${proposalId}`, tags: [], authorId: proposer.id });
    expect(await decisionOf(proposalId)).toMatchObject({ version: 2, action: "approve", amendedFromVersion: 1 });
    expect(await ctx.db.recentChange.findFirstOrThrow({ where: { proposalId, kind: "decision" } })).toMatchObject({
      action: "approve",
      revisionId: decided.revisionId,
      details: { version: 2, amendedFromVersion: 1 },
    });
    expect(
      await ctx.db.notification.findFirstOrThrow({
        where: { proposalId, recipientId: proposer.id, type: "proposal_approved" },
      }),
    ).toMatchObject({ fromRevisionId: revisionId, toRevisionId: decided.revisionId });
  });

  it("a rejection sent with declined parts is recorded as a rejection, not a partial approval", async () => {
    const { proposalId } = await proposal(baseContent(), (c) => rewrite(c, { bg: "Rejected." }));
    await decide(proposalId, "reject", {
      comment: "No.",
      declined: [{ kind: "section", id: "bg", reason: "No." }],
    });
    expect(await decisionOf(proposalId)).toMatchObject({ action: "reject" });
  });

  it("an approval whose change is already on the article publishes no revision of its own", async () => {
    const { slug, revisionId, proposed, proposalId } = await proposal(baseContent(), (c) =>
      rewrite(c, { bg: "Same words." }),
    );
    const same = await saveRevision({
      db: ctx.db,
      slug,
      baseRevisionId: revisionId,
      content: proposed,
      authorId: cast.admin.id,
    });
    expect(await decide(proposalId, "approve")).toMatchObject({ status: "approved", revisionId: null });
    expect((await headOf(slug)).revision.id).toBe(same.revisionId);
    expect(await decisionOf(proposalId)).toMatchObject({ action: "approve", revisionId: null });
  });

  it("an approval of the author's own later version names no amendment, whatever other proposals hold", async () => {
    const revised = await proposal(baseContent(), (c) => rewrite(c, { bg: "Version 1." }));
    await reviseProposal({
      db: ctx.db,
      actor: proposer,
      proposalId: revised.proposalId,
      request: ZEditRequestSchema.parse({
        baseRevisionId: null,
        content: rewrite(revised.proposed, { bg: "Version 2." }),
      }),
    });
    // Another proposal's version 2 is the reviewer's amendment: it must not count for this one.
    const amended = await proposal(baseContent(), (c) => rewrite(c, { bg: "Proposed." }));
    await amendProposal({
      db: ctx.db,
      actor: reviewer,
      proposalId: amended.proposalId,
      version: 1,
      request: ZEditRequestSchema.parse({
        baseRevisionId: null,
        content: rewrite(amended.proposed, { bg: "Amended." }),
      }),
    });
    await decide(revised.proposalId, "approve", { version: 2 });
    expect(await decisionOf(revised.proposalId)).toMatchObject({ version: 2, amendedFromVersion: null });
  });

  it("under pending changes, the approved revision is accepted at once", async () => {
    const { slug, revisionId, proposalId } = await proposal(baseContent(), (c) => rewrite(c, { bg: "Approved." }));
    await ctx.db.article.update({
      where: { slug },
      data: { pendingChanges: true, pendingChangesReason: "test", acceptedRevisionId: revisionId },
    });
    const decided = await decide(proposalId, "approve");
    expect((await headOf(slug)).article.acceptedRevisionId).toBe(decided.revisionId);
  });
});

describe("approvals counted towards a requirement of two", () => {
  it("the first is a vote (declining nothing), the second publishes, declined parts and all", async () => {
    await ctx.db.reviewRequirement.create({
      data: { level: "extended", approvals: 2, reason: "two reviewers", actorId: cast.admin.id },
    });
    try {
      const { slug, base, proposalId } = await proposal(baseContent(), (c) =>
        rewrite(c, { bg: "Background, expanded.", history: "History, rewritten." }),
      );
      await expectRefusedWritingNothing(
        () => decide(proposalId, "approve", { declined: [{ kind: "section", id: "history", reason: "No." }] }),
        {
          code: "bad_request",
          message:
            "declined: parts are declined by the approval that publishes; this is approval 1 of 2. Approve the whole version, or request changes.",
        },
      );
      expect(await decide(proposalId, "approve")).toEqual({
        proposalId,
        status: "open",
        revisionId: null,
        protection: "extended",
        approvals: { count: 1, required: 2 },
      });
      expect(await ctx.db.reviewDecision.count({ where: { proposalId } })).toBe(0);
      const decided = await decide(proposalId, "approve", {
        actor: secondReviewer,
        declined: [{ kind: "section", id: "history", reason: "No." }],
      });
      expect(decided).toMatchObject({ status: "partially_approved", approvals: { count: 2, required: 2 } });
      expect((await headOf(slug)).content).toEqual(rewrite(base, { bg: "Background, expanded." }));
    } finally {
      await ctx.db.reviewRequirement.create({
        data: { level: "extended", approvals: 1, reason: "back to one", actorId: cast.admin.id },
      });
    }
  });
});
