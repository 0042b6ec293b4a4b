import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { seedMixedData } from "../../test/reliability/fixtures";
import type { Tx } from "./client";
import { checkInvariants } from "./invariants";

const ctx = useTestDatabase();
let seeded: Awaited<ReturnType<typeof seedMixedData>>;

class RolledBack extends Error {}

/**
 * Applies `corrupt` (raw SQL, immutability triggers off) inside a transaction,
 * runs the checker in it, and rolls everything back, so each case starts from
 * the same clean data.
 */
async function problemsAfter(corrupt: (tx: Tx) => Promise<unknown>): Promise<string[]> {
  let problems: string[] = [];
  await ctx.db
    .$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`ALTER TABLE "Revision" DISABLE TRIGGER "Revision_immutable"`);
        await tx.$executeRawUnsafe(`ALTER TABLE "ContentBlob" DISABLE TRIGGER "ContentBlob_immutable"`);
        await corrupt(tx);
        problems = (await checkInvariants(tx)).problems;
        throw new RolledBack();
      },
      { timeout: 30_000 },
    )
    .catch((error) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return problems;
}

const checksNamed = (problems: string[]) => [...new Set(problems.map((problem) => problem.split(":")[0]))].sort();

beforeAll(async () => {
  seeded = await seedMixedData(ctx.db, "inv");
});

describe("checkInvariants", () => {
  it("passes on a clean database with articles, history, edits and every kind of decision, and counts what it saw", async () => {
    const report = await checkInvariants(ctx.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.counts).toMatchObject({
      articles: 4,
      proposals: 7,
      decisions: 5,
      approvals: 3,
      approvalsWithoutRevision: 0,
    });
    expect(report.counts.blobsHashed).toBe(report.counts.contentBlobs);
    expect(report.counts.revisions).toBeGreaterThan(10);
  });

  const sql = (statement: string) => (tx: Tx) => tx.$executeRawUnsafe(statement);
  const protectedId = `(SELECT id FROM "Article" WHERE slug = 'Inv_Protected')`;
  const openId = `(SELECT id FROM "Article" WHERE slug = 'Inv_Open')`;
  const headOf = (article: string) => `(SELECT "currentRevisionId" FROM "Article" WHERE id = ${article})`;
  const firstOf = (article: string) => `(SELECT min(id) FROM "Revision" WHERE "articleId" = ${article})`;
  const sectionBlob = `(SELECT hash FROM "ContentBlob" WHERE kind = 'section' AND data::text LIKE '%Proposed 0.%' LIMIT 1)`;
  const approvedProposal = `(SELECT "proposalId" FROM "ReviewDecision" WHERE action = 'approve' ORDER BY id LIMIT 1)`;

  const cases: Array<[string, (tx: Tx) => Promise<unknown>, string[]]> = [
    [
      "a section blob is deleted",
      sql(`DELETE FROM "ContentBlob" WHERE hash = ${sectionBlob}`),
      ["manifest entry missing"],
    ],
    [
      "a revision's sections root is deleted",
      sql(
        `DELETE FROM "ContentBlob" WHERE hash = (SELECT "sectionsRoot" FROM "Revision" WHERE id = ${headOf(openId)})`,
      ),
      ["content missing"],
    ],
    [
      "a manifest chunk is deleted",
      sql(
        `DELETE FROM "ContentBlob" WHERE hash = (SELECT data->'chunks'->>0 FROM "ContentBlob" WHERE hash = (SELECT "sectionsRoot" FROM "Revision" WHERE id = ${headOf(openId)}))`,
      ),
      ["manifest chunk missing"],
    ],
    [
      "a manifest root loses its chunk list",
      sql(
        `UPDATE "ContentBlob" SET data = '{}' WHERE hash = (SELECT "referencesRoot" FROM "Revision" WHERE id = ${headOf(openId)})`,
      ),
      ["blob hash mismatch", "malformed manifest"],
    ],
    [
      "a section's text is changed in place",
      sql(`UPDATE "ContentBlob" SET data = jsonb_set(data, '{title}', '"Tampered"') WHERE hash = ${sectionBlob}`),
      ["blob hash mismatch"],
    ],
    [
      "the current revision moves back to its parent",
      sql(
        `UPDATE "Article" SET "currentRevisionId" = (SELECT "parentId" FROM "Revision" WHERE id = ${headOf(openId)}) WHERE id = ${openId}`,
      ),
      ["head has a child", "head not newest"],
    ],
    [
      "the current revision is another article's",
      sql(`UPDATE "Article" SET "currentRevisionId" = ${firstOf(protectedId)} WHERE id = ${openId}`),
      ["head has a child", "head not newest", "head of another article", "title differs from head"],
    ],
    [
      "the accepted revision (pending changes) is another article's",
      sql(`UPDATE "Article" SET "acceptedRevisionId" = ${firstOf(protectedId)} WHERE id = ${openId}`),
      ["accepted revision not of the article"],
    ],
    [
      "the current revision is cleared",
      sql(`UPDATE "Article" SET "currentRevisionId" = NULL WHERE id = ${openId}`),
      ["head missing"],
    ],
    [
      "an article has no revision",
      sql(`INSERT INTO "Article" (slug, title) VALUES ('Empty', 'Empty')`),
      ["article without revisions"],
    ],
    [
      "the title differs from the head's",
      sql(`UPDATE "Article" SET title = 'Renamed' WHERE id = ${openId}`),
      ["title differs from head"],
    ],
    [
      "a revision's parent is in another article",
      sql(`UPDATE "Revision" SET "parentId" = ${firstOf(protectedId)} WHERE id = ${headOf(openId)}`),
      ["forked chain", "parent in another article"],
    ],
    [
      "two revisions share a parent (a lost update)",
      sql(`INSERT INTO "Revision" ("articleId", "parentId", "authorId", "sizeBytes", "schemaVersion", title, "sectionsRoot", "referencesRoot")
           SELECT "articleId", "parentId", "authorId", "sizeBytes", "schemaVersion", title, "sectionsRoot", "referencesRoot" FROM "Revision" WHERE id = (SELECT max(id) FROM "Revision" WHERE "articleId" = ${openId})`),
      ["forked chain", "head not newest"],
    ],
    [
      "the chain has a cycle",
      sql(`UPDATE "Revision" SET "parentId" = ${headOf(openId)} WHERE id = ${firstOf(openId)}`),
      ["head has a child", "parent not older", "roots per article"],
    ],
    [
      "a revision has no size",
      sql(`UPDATE "Revision" SET "sizeBytes" = 0 WHERE id = ${headOf(openId)}`),
      ["empty revision size"],
    ],
    [
      "an approved proposal is reopened",
      sql(`UPDATE "Proposal" SET status = 'open' WHERE id = ${approvedProposal}`),
      ["approval status mismatch"],
    ],
    [
      "an approval decision is lost",
      sql(`DELETE FROM "ReviewDecision" WHERE "proposalId" = ${approvedProposal}`),
      ["approved revision without decision", "approved without one approval"],
    ],
    [
      "an approval names a revision that is not its own",
      sql(`UPDATE "ReviewDecision" SET "revisionId" = ${firstOf(openId)} WHERE "proposalId" = ${approvedProposal}`),
      ["approved revision without decision", "decision revision mismatch"],
    ],
    [
      "a decision is on a version that does not exist",
      sql(`UPDATE "ReviewDecision" SET version = 9 WHERE action = 'reject'`),
      ["decision on a missing version"],
    ],
    [
      "a proposal's current version is missing",
      sql(`UPDATE "Proposal" SET "currentVersion" = 4 WHERE status = 'open'`),
      ["proposal version missing"],
    ],
    [
      "a proposal is based on another article's revision",
      sql(
        `UPDATE "ProposalVersion" SET "baseRevisionId" = ${firstOf(openId)} WHERE "proposalId" = (SELECT min(id) FROM "Proposal" WHERE status = 'open')`,
      ),
      ["proposal base in another article"],
    ],
    [
      "an edit count is below the revisions authored",
      sql(`UPDATE "User" SET "editCount" = 0 WHERE name = 'inv_editor1'`),
      ["edit count below revisions"],
    ],
  ];

  it.each(cases)("reports it when %s", async (_name, corrupt, expected) => {
    const problems = await problemsAfter(corrupt);
    expect(checksNamed(problems)).toEqual(expected);
  });

  it("names a few offenders per check and summarises the rest", async () => {
    const problems = await problemsAfter(sql(`UPDATE "Revision" SET "sizeBytes" = 0`));
    expect(problems).toHaveLength(11);
    expect(problems.at(-1)).toMatch(/^empty revision size: … and \d+ more$/);
  });

  it("leaves the data it checked unchanged", async () => {
    expect((await checkInvariants(ctx.db, { verifyBlobHashes: false })).ok).toBe(true);
    expect(seeded.proposals).toHaveLength(7);
  });
});
