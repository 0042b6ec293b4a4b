import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInvariants } from "../../lib/db/invariants";
import { useTestDatabase } from "../db";
import { httpRequest, startAppServer, type AppServer } from "../server";
import { encodeContent, loadContent, storeBlobs } from "../../lib/articles/content-store";
import { touchedParts } from "../../lib/proposals/proposal-content";
import { createArticle, createCast, smallArticle, smallSection, type TestUser } from "./fixtures";

/**
 * Many writers at once against the real app over HTTP: approvals of
 * proposals made on one base, the same approval sent twenty times, and
 * direct edits of one base. Counts what succeeded and what was refused, and
 * proves that nothing acknowledged was lost and the revision chains stayed
 * whole (the invariant checker). Timings are printed, not asserted.
 */

// Each round runs LANES articles side by side, each with APPROVALS_PER_ROUND
// concurrent approvals on its one base: 2,000 approvals in all.
const LANES = 2;
const ROUNDS = 20;
const APPROVALS_PER_ROUND = 50;
// Proposals i and i + SECTIONS edit the same section, so in each round exactly
// one of each such pair can land and the other must be refused (409).
const SECTIONS = 40;
const DUPLICATE_PROPOSALS = 10;
const DUPLICATES = 20;
const EDIT_ROUNDS = 10;
const EDITORS = 10;

const database = useTestDatabase();
let server: AppServer;
let cast: Awaited<ReturnType<typeof createCast>>;
const timings: Record<string, number> = {};

async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = (timings[name] ?? 0) + (performance.now() - started);
  }
}

const approve = (proposalId: number, reviewer: TestUser) =>
  httpRequest(server, "POST", `/api/proposals/${proposalId}/approve`, {
    body: { version: 1, comment: "ok" },
    user: reviewer,
  });

/** The text of each section of the article's current revision, by section id. */
async function headSections(slug: string): Promise<{ head: number; texts: Map<string, string> }> {
  const article = await database.db.article.findUniqueOrThrow({ where: { slug }, include: { currentRevision: true } });
  const content = await loadContent(database.db, article.currentRevision!);
  return {
    head: article.currentRevisionId!,
    texts: new Map(content.sections.map((section) => [section.id, JSON.stringify(section.body)])),
  };
}

/**
 * Opens proposals on `base`, one per entry of `sectionIds`, each replacing
 * that section with a line of its own. This is setup, not the thing under
 * test: the rows are those submitProposal writes, but made in four bulk
 * statements, so opening 2,000 proposals does not dominate the run.
 */
async function openProposals(
  slug: string,
  base: number,
  sectionIds: string[],
  label: string,
): Promise<Array<{ id: number; sectionId: string; text: string }>> {
  const article = await database.db.article.findUniqueOrThrow({ where: { slug } });
  const baseContent = await loadContent(
    database.db,
    await database.db.revision.findUniqueOrThrow({ where: { id: base } }),
  );
  const drafts = sectionIds.map((sectionId, index) => {
    const text = `${label} proposal ${index} for ${sectionId}.`;
    const content = {
      ...baseContent,
      sections: baseContent.sections.map((section) =>
        section.id === sectionId ? smallSection(sectionId, text) : section,
      ),
    };
    return {
      sectionId,
      text,
      content,
      encoded: encodeContent(content),
      touched: touchedParts(baseContent, content),
      summary: `${label} ${index}`,
    };
  });
  return database.db.$transaction(async (tx) => {
    await storeBlobs(tx, [
      ...new Map(drafts.flatMap((draft) => draft.encoded.blobs).map((blob) => [blob.hash, blob])).values(),
    ]);
    const proposals = await tx.proposal.createManyAndReturn({
      data: drafts.map((draft, index) => ({
        articleId: article.id,
        authorId: cast.proposers[index % cast.proposers.length].id,
        summary: draft.summary,
        rationale: "test",
      })),
      select: { id: true },
    });
    await tx.proposalVersion.createMany({
      data: drafts.map((draft, index) => ({
        proposalId: proposals[index].id,
        version: 1,
        authorId: cast.proposers[index % cast.proposers.length].id,
        baseRevisionId: base,
        title: draft.content.title,
        sectionsRoot: draft.encoded.sectionsRoot,
        referencesRoot: draft.encoded.referencesRoot,
        infoboxHash: draft.encoded.infoboxHash,
        sizeBytes: Buffer.byteLength(JSON.stringify(draft.content)),
        summary: draft.summary,
        touchedSections: draft.touched.sections,
        touchedReferences: draft.touched.references,
        touchesInfobox: draft.touched.infobox,
      })),
    });
    return drafts.map((draft, index) => ({ id: proposals[index].id, sectionId: draft.sectionId, text: draft.text }));
  });
}

beforeAll(async () => {
  cast = await createCast(database.db, { prefix: "conc", reviewers: 5, proposers: 5, editors: EDITORS });
  // Approvals waiting for one article's lock hold their connection; a pool of
  // 10 would let one lane's queue starve the other's lock holder. Admission
  // control would shed some of 50 simultaneous writes on a busy machine (503,
  // its own test: test/http/server/admission.db.test.ts); here every one must
  // reach the commit path, which is what is under test.
  server = await startAppServer({
    databaseUrl: database.url,
    env: { WIKI_RATE_LIMITS: "off", DATABASE_POOL_SIZE: "40", WIKI_ADMISSION: "off" },
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  console.log(
    `[concurrency] timings: ${Object.entries(timings)
      .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
      .join(", ")}`,
  );
});

describe("concurrent writers over HTTP", () => {
  it(`${ROUNDS} rounds of ${APPROVALS_PER_ROUND} concurrent approvals on one base, ${LANES} articles at a time: one revision per approval, exactly one winner per section, nothing lost`, async () => {
    const tally = { attempted: 0, succeeded: 0, conflicted: 0, other: [] as string[] };
    const revisionIds = new Set<number>();
    const lanes = await Promise.all(
      Array.from({ length: LANES }, (_, lane) =>
        createArticle(database.db, {
          content: smallArticle(`Concurrent approvals ${lane}`, SECTIONS),
          authorId: cast.admin.id,
          protection: "extended",
        }),
      ),
    );
    const sectionIds = Array.from({ length: APPROVALS_PER_ROUND }, (_, i) => `s${i % SECTIONS}`);

    async function runRound(slug: string, round: number) {
      const before = await headSections(slug);
      const proposals = await timed("opening proposals (in-process)", () =>
        openProposals(slug, before.head, sectionIds, `Round ${round}`),
      );
      const responses = await timed("approving (HTTP)", () =>
        Promise.all(proposals.map((proposal, i) => approve(proposal.id, cast.reviewers[i % cast.reviewers.length]))),
      );
      tally.attempted += responses.length;
      const landed = new Map<string, string>();
      responses.forEach((response, i) => {
        if (response.status === 200) {
          tally.succeeded += 1;
          expect(response.body).toMatchObject({ status: "approved", revisionId: expect.any(Number) });
          expect(revisionIds.has(response.body.revisionId)).toBe(false);
          revisionIds.add(response.body.revisionId);
          expect(
            landed.has(proposals[i].sectionId),
            `two approvals of ${proposals[i].sectionId} landed in round ${round}`,
          ).toBe(false);
          landed.set(proposals[i].sectionId, proposals[i].text);
        } else if (response.status === 409) {
          tally.conflicted += 1;
          expect(response.body.error.code).toBe("conflict");
        } else {
          tally.other.push(`${response.status} ${response.text.slice(0, 200)}`);
        }
      });
      // Every section has exactly one winner, and the head holds every winner's text: no lost update.
      expect(landed.size).toBe(SECTIONS);
      const after = await headSections(slug);
      for (const [sectionId, text] of landed) expect(after.texts.get(sectionId)).toContain(text);
    }

    const started = performance.now();
    for (let round = 0; round < ROUNDS; round++) await Promise.all(lanes.map(({ slug }) => runRound(slug, round)));
    timings["approval rounds (wall)"] = performance.now() - started;
    console.log(
      `[concurrency] approvals: attempted ${tally.attempted}, succeeded ${tally.succeeded}, conflicted ${tally.conflicted}, other ${tally.other.length}`,
    );
    expect(tally.other).toEqual([]);
    expect(tally.attempted).toBe(LANES * ROUNDS * APPROVALS_PER_ROUND);
    expect(tally.succeeded).toBe(LANES * ROUNDS * SECTIONS);
    expect(tally.conflicted).toBe(LANES * ROUNDS * (APPROVALS_PER_ROUND - SECTIONS));

    // One revision per successful approval, each carrying its decision, and none for a refused one.
    const articleIds = (
      await database.db.article.findMany({ where: { slug: { in: lanes.map((lane) => lane.slug) } } })
    ).map((article) => article.id);
    const approvedRevisions = await database.db.revision.findMany({
      where: { articleId: { in: articleIds }, approvedById: { not: null } },
      select: { id: true, approvalOf: { select: { action: true } } },
    });
    expect(approvedRevisions.map((revision) => revision.id).sort((a, b) => a - b)).toEqual(
      [...revisionIds].sort((a, b) => a - b),
    );
    expect(approvedRevisions.every((revision) => revision.approvalOf?.action === "approve")).toBe(true);
    expect(await database.db.revision.count({ where: { articleId: { in: articleIds } } })).toBe(
      LANES + tally.succeeded,
    );
    expect(await database.db.proposal.count({ where: { articleId: { in: articleIds }, status: "open" } })).toBe(
      tally.conflicted,
    );
  }, 300_000);

  it(`the same approval sent ${DUPLICATES} times at once makes one revision; the rest get 409`, async () => {
    const { slug, revisionId: base } = await createArticle(database.db, {
      content: smallArticle("Duplicate approvals", DUPLICATE_PROPOSALS),
      authorId: cast.admin.id,
      protection: "extended",
    });
    const proposals = await openProposals(
      slug,
      base,
      Array.from({ length: DUPLICATE_PROPOSALS }, (_, i) => `s${i}`),
      "Duplicate",
    );
    const requests = proposals.flatMap((proposal) =>
      Array.from({ length: DUPLICATES }, (_, copy) => ({
        proposal,
        reviewer: cast.reviewers[copy % cast.reviewers.length],
      })),
    );
    const responses = await timed("duplicate approvals (HTTP)", () =>
      Promise.all(requests.map(({ proposal, reviewer }) => approve(proposal.id, reviewer))),
    );
    for (const proposal of proposals) {
      const mine = responses.filter((_, i) => requests[i].proposal === proposal);
      const statuses = mine.map((response) => response.status).sort();
      expect(statuses).toEqual([200, ...Array(DUPLICATES - 1).fill(409)]);
      for (const refused of mine.filter((response) => response.status === 409))
        expect(refused.body.error).toMatchObject({
          code: "conflict",
          message: expect.stringMatching(/approved|decided/),
        });
      const decisions = await database.db.reviewDecision.findMany({ where: { proposalId: proposal.id } });
      expect(decisions).toHaveLength(1);
      expect(decisions[0].revisionId).toBe(mine.find((response) => response.status === 200)!.body.revisionId);
    }
    const article = await database.db.article.findUniqueOrThrow({ where: { slug } });
    expect(await database.db.revision.count({ where: { articleId: article.id } })).toBe(1 + DUPLICATE_PROPOSALS);
    const head = await headSections(slug);
    for (const proposal of proposals) expect(head.texts.get(proposal.sectionId)).toContain(proposal.text);
    console.log(
      `[concurrency] duplicate approvals: ${responses.length} requests, ${responses.filter((r) => r.status === 200).length} succeeded, ${responses.filter((r) => r.status === 409).length} refused with 409`,
    );
  });

  it(`${EDITORS} direct edits of the same section on one base: exactly one wins, the others get 409 with both versions`, async () => {
    const { slug } = await createArticle(database.db, {
      content: smallArticle("Same section edits", 3),
      authorId: cast.admin.id,
    });
    let wins = 0;
    let refusals = 0;
    for (let round = 0; round < EDIT_ROUNDS; round++) {
      const { head } = await headSections(slug);
      const texts = cast.editors.map((editor) => `Round ${round} by ${editor.name}.`);
      const responses = await timed("same-section edits (HTTP)", () =>
        Promise.all(
          cast.editors.map((editor, i) =>
            httpRequest(server, "POST", `/api/articles/${slug}/edits`, {
              body: {
                baseRevisionId: head,
                sectionEdit: { sectionId: "s1", sections: [smallSection("s1", texts[i])] },
                summary: "race",
              },
              user: editor,
            }),
          ),
        ),
      );
      const winners = responses.flatMap((response, i) => (response.status === 201 ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(responses.filter((response) => response.status === 409)).toHaveLength(EDITORS - 1);
      wins += 1;
      refusals += EDITORS - 1;
      // A refused editor gets their own text back (nothing typed is lost) and the winner's.
      responses.forEach((response, i) => {
        if (response.status !== 409) return;
        expect(response.body.error.details.conflictingSectionIds).toEqual(["s1"]);
        expect(JSON.stringify(response.body.error.details.yours)).toContain(texts[i]);
        expect(JSON.stringify(response.body.error.details.theirs)).toContain(texts[winners[0]]);
      });
      const saved = await httpRequest(
        server,
        "GET",
        `/api/articles/${slug}/revisions/${responses[winners[0]].body.revision.id}`,
      );
      expect(saved.status).toBe(200);
      expect(saved.body.revision).toMatchObject({ parentId: head, isCurrent: true });
      expect(JSON.stringify(saved.body.sections)).toContain(texts[winners[0]]);
    }
    console.log(
      `[concurrency] same-section edits: ${EDIT_ROUNDS * EDITORS} sent, ${wins} won, ${refusals} refused with 409`,
    );
  });

  it(`${EDITORS} direct edits of different sections on one base: every one lands (merged under the article's lock), in its revision and in the head`, async () => {
    const { slug } = await createArticle(database.db, {
      content: smallArticle("Different section edits", EDITORS),
      authorId: cast.admin.id,
    });
    let merged = 0;
    let refused = 0;
    for (let round = 0; round < EDIT_ROUNDS; round++) {
      const { head } = await headSections(slug);
      const texts = cast.editors.map((editor, i) => `Round ${round} section ${i} by ${editor.name}.`);
      const responses = await timed("different-section edits (HTTP)", () =>
        Promise.all(
          cast.editors.map((editor, i) =>
            httpRequest(server, "POST", `/api/articles/${slug}/edits`, {
              body: {
                baseRevisionId: head,
                sectionEdit: { sectionId: `s${i}`, sections: [smallSection(`s${i}`, texts[i])] },
                summary: "parallel",
              },
              user: editor,
            }),
          ),
        ),
      );
      // Edits of different sections never conflict: each waits for the article's lock and merges onto the head.
      for (const response of responses) expect(response.status, JSON.stringify(response.body)).toBe(201);
      const acknowledged = responses.flatMap((response, i) =>
        response.status === 201 ? [{ i, id: response.body.revision.id as number }] : [],
      );
      expect(acknowledged.length).toBe(EDITORS);
      merged += acknowledged.filter(
        ({ id }) => responses.find((r) => r.body?.revision?.id === id)!.body.merged !== null,
      ).length;
      refused += responses.length - acknowledged.length;
      const final = await headSections(slug);
      for (const { i, id } of acknowledged) {
        const revision = await httpRequest(server, "GET", `/api/articles/${slug}/revisions/${id}`);
        expect(revision.status).toBe(200);
        expect(JSON.stringify(revision.body.sections)).toContain(texts[i]);
        expect(final.texts.get(`s${i}`)).toContain(texts[i]);
      }
    }
    console.log(
      `[concurrency] different-section edits: ${EDIT_ROUNDS * EDITORS} sent, ${EDIT_ROUNDS * EDITORS - refused} saved (${merged} by merging), ${refused} refused with 409`,
    );
  });

  it("leaves a database whose invariants all hold", async () => {
    const report = await timed("invariant check", () => checkInvariants(database.db));
    expect(report.problems).toEqual([]);
    expect(report.counts.approvals).toBe(LANES * ROUNDS * SECTIONS + DUPLICATE_PROPOSALS);
    expect(report.counts.approvalsWithoutRevision).toBe(0);
    console.log(`[concurrency] invariants: ${JSON.stringify(report.counts)}`);
  });
});
