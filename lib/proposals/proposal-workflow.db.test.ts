import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { createArticle, createCast, moveOn, smallArticle, withTexts } from "../../test/reliability/fixtures";
import { loadContent } from "../articles/content-store";
import { ZEditRequestSchema, type TEditRequest } from "../contracts/articles";
import type { Actor } from "../authz/policy";
import { submitEdit } from "../editing/submit-edit";
import type { WikiError } from "../errors";
import { reviseProposal, withdrawProposal } from "./change-proposal";
import { decideProposal, type DecisionOptions } from "./decide-proposal";

/**
 * The proposal workflow, called directly: a user who may only propose submits
 * through the edit use case; the author revises and withdraws; reviewers
 * approve (wholly or in part), reject or send back the version they saw.
 */

const ctx = useTestDatabase();
let cast: Awaited<ReturnType<typeof createCast>>;
let proposer: Actor;
let reviewer: Actor;

beforeAll(async () => {
  cast = await createCast(ctx.db, { prefix: "flow", reviewers: 1, proposers: 1 });
  [proposer] = cast.actors.proposers;
  [reviewer] = cast.actors.reviewers;
});

let articles = 0;
/** A protected article, so the proposer may only propose, and a proposal on it changing `texts`. */
async function proposalOn(texts: Record<string, string>, sections = 4) {
  const content = smallArticle(`Flow ${++articles}`, sections);
  const { slug, revisionId } = await createArticle(ctx.db, {
    content,
    authorId: cast.admin.id,
    protection: "extended",
  });
  const outcome = await submitEdit({
    db: ctx.db,
    actor: proposer,
    slug,
    request: ZEditRequestSchema.parse({
      baseRevisionId: revisionId,
      content: withTexts(content, texts),
      summary: "proposed",
    }),
  });
  if (outcome.status !== "proposed") throw new Error(`expected a proposal, got ${outcome.status}`);
  return { slug, revisionId, content, proposalId: outcome.proposalId };
}

const decide = (proposalId: number, action: DecisionOptions["action"], options: Partial<DecisionOptions> = {}) =>
  decideProposal({ db: ctx.db, actor: reviewer, proposalId, action, version: 1, comment: "Reviewed.", ...options });
const revise = (proposalId: number, request: TEditRequest) =>
  reviseProposal({ db: ctx.db, actor: proposer, proposalId, request: ZEditRequestSchema.parse(request) });

async function headOf(slug: string) {
  const article = await ctx.db.article.findUniqueOrThrow({ where: { slug }, include: { currentRevision: true } });
  return { revision: article.currentRevision!, content: await loadContent(ctx.db, article.currentRevision!) };
}

const statusOf = async (proposalId: number) =>
  (await ctx.db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status;

describe("proposal workflow", () => {
  it("a user who may only propose gets a proposal, and the article is untouched", async () => {
    const { slug, revisionId, content, proposalId } = await proposalOn({ s0: "Proposed." });
    expect(await statusOf(proposalId)).toBe("open");
    const version = await ctx.db.proposalVersion.findUniqueOrThrow({
      where: { proposalId_version: { proposalId, version: 1 } },
    });
    expect(version).toMatchObject({
      baseRevisionId: revisionId,
      touchedSections: ["s0"],
      touchedReferences: [],
      touchesInfobox: false,
    });
    expect((await headOf(slug)).content).toEqual(content);
  });

  it("the author's new version is the one approved and published", async () => {
    const { slug, content, proposalId } = await proposalOn({ s0: "Version 1." });
    expect(
      await revise(proposalId, {
        baseRevisionId: null,
        content: withTexts(content, { s0: "Version 2." }),
        summary: "v2",
      }),
    ).toEqual({ proposalId, version: 2 });
    const approved = await decide(proposalId, "approve", { version: 2 });
    expect(approved).toMatchObject({ status: "approved", revisionId: expect.any(Number), protection: "extended" });
    const head = await headOf(slug);
    expect(head.revision).toMatchObject({ id: approved.revisionId, authorId: proposer.id, approvedById: reviewer.id });
    expect(head.content).toEqual(withTexts(content, { s0: "Version 2." }));
    expect(await ctx.db.reviewDecision.findFirstOrThrow({ where: { proposalId } })).toMatchObject({
      version: 2,
      action: "approve",
      revisionId: approved.revisionId,
      protectionLevel: "extended",
    });
  });

  it("a decision on a version the author has replaced is refused with what changed, and nothing is decided", async () => {
    const { slug, content, proposalId } = await proposalOn({ s0: "Version 1." });
    await revise(proposalId, { baseRevisionId: null, content: withTexts(content, { s0: "Version 2." }) });
    const error = (await decide(proposalId, "approve", { version: 1 }).catch((caught) => caught)) as WikiError;
    expect(error).toMatchObject({
      code: "conflict",
      details: { reason: "stale_version", seenVersion: 1, currentVersion: 2 },
    });
    expect(await statusOf(proposalId)).toBe("open");
    expect(await ctx.db.reviewDecision.count({ where: { proposalId } })).toBe(0);
    expect((await headOf(slug)).content).toEqual(content);
    await expect(decide(proposalId, "approve", { version: 3 })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("a partial approval publishes the accepted parts only", async () => {
    const { slug, content, proposalId } = await proposalOn({ s0: "Accepted.", s1: "Declined." });
    const decided = await decide(proposalId, "approve", {
      declined: [{ kind: "section", id: "s1", reason: "Unsourced." }],
    });
    expect(decided.status).toBe("partially_approved");
    const head = await headOf(slug);
    expect(head.content).toEqual(withTexts(content, { s0: "Accepted." }));
    expect(head.revision.tags).toEqual(["partially approved"]);
  });

  it("an approval is merged onto an article that moved elsewhere, and refused (nothing written, still open) where it moved in the same place", async () => {
    const merged = await proposalOn({ s0: "Proposed." });
    await moveOn(ctx.db, {
      slug: merged.slug,
      baseRevisionId: merged.revisionId,
      content: merged.content,
      texts: { s3: "Moved on." },
      authorId: cast.admin.id,
    });
    await decide(merged.proposalId, "approve");
    expect((await headOf(merged.slug)).content).toEqual(
      withTexts(merged.content, { s0: "Proposed.", s3: "Moved on." }),
    );

    const clashing = await proposalOn({ s3: "Proposed." });
    const moved = await moveOn(ctx.db, {
      slug: clashing.slug,
      baseRevisionId: clashing.revisionId,
      content: clashing.content,
      texts: { s3: "Moved on." },
      authorId: cast.admin.id,
    });
    const error = await decide(clashing.proposalId, "approve").catch((caught) => caught);
    expect(error).toMatchObject({
      code: "conflict",
      details: { status: "open", conflict: { sectionIds: ["s3"] }, currentRevisionId: moved.revisionId },
    });
    expect(await statusOf(clashing.proposalId)).toBe("open");
    expect(await ctx.db.reviewDecision.count({ where: { proposalId: clashing.proposalId } })).toBe(0);
    expect((await headOf(clashing.slug)).revision.id).toBe(moved.revisionId);
  });

  it("a rejection needs a reason and publishes nothing", async () => {
    const { slug, content, proposalId } = await proposalOn({ s0: "Rejected." });
    await expect(decide(proposalId, "reject", { comment: " " })).rejects.toMatchObject({ code: "bad_request" });
    expect(await decide(proposalId, "reject", { comment: "Unsourced." })).toMatchObject({
      status: "rejected",
      revisionId: null,
    });
    expect((await headOf(slug)).content).toEqual(content);
    await expect(
      revise(proposalId, { baseRevisionId: null, content: withTexts(content, { s0: "Again." }) }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(decide(proposalId, "approve")).rejects.toMatchObject({
      code: "conflict",
      details: { status: "rejected" },
    });
  });

  it("changes requested: the author's new version opens the proposal again", async () => {
    const { content, proposalId } = await proposalOn({ s0: "Draft." });
    expect(await decide(proposalId, "request_changes", { comment: "Cite a source." })).toMatchObject({
      status: "changes_requested",
    });
    await expect(decide(proposalId, "approve")).rejects.toMatchObject({ code: "conflict" });
    await revise(proposalId, { baseRevisionId: null, content: withTexts(content, { s0: "Draft, sourced.[[ref:a]]" }) });
    expect(await statusOf(proposalId)).toBe("open");
    expect(await decide(proposalId, "approve", { version: 2 })).toMatchObject({ status: "approved" });
  });

  it("a withdrawn proposal can be neither decided nor revised; only its author may withdraw", async () => {
    const { content, proposalId } = await proposalOn({ s0: "Withdrawn." });
    await expect(withdrawProposal({ db: ctx.db, actor: reviewer, proposalId })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await withdrawProposal({ db: ctx.db, actor: proposer, proposalId })).toEqual({
      proposalId,
      status: "withdrawn",
    });
    await expect(withdrawProposal({ db: ctx.db, actor: proposer, proposalId })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(decide(proposalId, "approve")).rejects.toMatchObject({
      code: "conflict",
      details: { status: "withdrawn" },
    });
    await expect(
      revise(proposalId, { baseRevisionId: null, content: withTexts(content, { s0: "Back." }) }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("two new versions sent at once: one lands, the other is refused with 409 (none is built on a version it did not see)", async () => {
    const { content, proposalId } = await proposalOn({ s0: "Version 1." });
    const results = await Promise.allSettled(
      ["a", "b"].map((text) =>
        revise(proposalId, { baseRevisionId: null, content: withTexts(content, { s0: `Version ${text}.` }) }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(
      ((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason as WikiError).code,
    ).toBe("conflict");
    expect((await ctx.db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).currentVersion).toBe(2);
  });

  it("an approval racing a new version or a withdrawal: exactly one of the two happens", async () => {
    for (let round = 0; round < 8; round++) {
      const { content, proposalId } = await proposalOn({ s0: `Round ${round}.` });
      const other =
        round % 2
          ? revise(proposalId, { baseRevisionId: null, content: withTexts(content, { s0: `Round ${round}, v2.` }) })
          : withdrawProposal({ db: ctx.db, actor: proposer, proposalId });
      const [approval, change] = await Promise.allSettled([decide(proposalId, "approve"), other]);
      expect(
        [approval.status, change.status].filter((status) => status === "fulfilled"),
        `round ${round}`,
      ).toHaveLength(1);
      const rejected = [approval, change].find(
        (result): result is PromiseRejectedResult => result.status === "rejected",
      )!;
      expect((rejected.reason as WikiError).code, `round ${round}: ${rejected.reason}`).toBe("conflict");
      const decisions = await ctx.db.reviewDecision.count({ where: { proposalId } });
      expect(decisions).toBe(approval.status === "fulfilled" ? 1 : 0);
    }
  });
});
