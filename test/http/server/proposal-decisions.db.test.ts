import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticleRevision } from "../../../lib/articles/read-article";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent } from "../../../lib/document/model";
import type { TestUser } from "../../factories";
import { snapshotAllRows } from "../../db";
import { httpRequest, type AppServer } from "../../server";
import { useRouteTestDatabase } from "../harness";
import { proposalArticle, proposeOverHttp, startReviewServer, withSections } from "../../proposal-fixtures";

// Attacks on the review decision path (DESIGN.md invariant 7: what is approved
// is what was seen), each tried over HTTP against the production server.

const ctx = useRouteTestDatabase();
let server: AppServer;
let admin: TestUser;
let reviewer: TestUser;
let proposer: TestUser;
let counter = 0;

/** An extended-protected article: a lead, Background and Events, citing reference "a". */
function article(): Promise<{ slug: string; base: number; content: ArticleContent }> {
  counter += 1;
  return proposalArticle(ctx.db, { slug: `Decisions_${counter}`, authorId: admin.id });
}

const propose = (slug: string, base: number, content: ArticleContent) =>
  proposeOverHttp(server, proposer, { slug, base, content });

const decide = (
  id: number,
  action: "approve" | "reject" | "request-changes",
  user: TestUser,
  body: Record<string, unknown>,
) => httpRequest(server, "POST", `/api/proposals/${id}/${action}`, { body, user });

/** Every row of every table: a refused decision must leave them as they were. */
const snapshot = () => snapshotAllRows(ctx.db);

const published = async (slug: string) => (await readArticleRevision({ db: ctx.db, slug })).content;

beforeAll(async () => {
  ({ admin, reviewer, proposer, server } = await startReviewServer(ctx.db, ctx.url, "d"));
  // These tests are about one reviewer's decision; two approvals under full protection are review-requirements.db.test.ts's.
  await ctx.db.reviewRequirement.create({ data: { level: "full", approvals: 1, reason: "one-approver decisions" } });
});
afterAll(async () => server?.stop());

describe("decisions are pinned to the version the reviewer saw", () => {
  it("refuses an approval of version 1 after the author posted version 2, with what changed, and writes nothing", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "Reviewed background." }));
    // The reviewer has version 1 open; the author swaps in another section.
    const revised = await httpRequest(server, "POST", `/api/proposals/${id}/versions`, {
      body: {
        baseRevisionId: base,
        summary: "one more thing",
        content: withSections(content, { bg: "Reviewed background.", ev: "Smuggled events." }),
      },
      user: proposer,
    });
    expect(revised.status, revised.text).toBe(201);
    const before = await snapshot();
    const attempts = [
      ["approve", { version: 1, comment: "Looks fine." }],
      ["approve", { version: 1, comment: "Part of it.", declined: [{ kind: "section", id: "bg", reason: "no" }] }],
      ["reject", { version: 1, reason: "Not neutral." }],
      ["request-changes", { version: 1, comment: "Cite it." }],
    ] as const;
    for (const [action, body] of attempts) {
      const response = await decide(id, action, reviewer, body);
      expect(response.status, `${action} ${response.text}`).toBe(409);
      expect(response.body.error).toMatchObject({
        code: "conflict",
        message: expect.stringMatching(
          /changed the proposal since you opened it: you saw version 1, it is now version 2/,
        ),
        details: { currentVersion: 2, seenVersion: 1, reason: "stale_version" },
      });
      // The diff between what was seen and what is there now: only Events changed.
      const changed = response.body.error.details.diff.sections
        .filter((s: { status: string }) => s.status !== "unchanged")
        .map((s: { id: string }) => s.id);
      expect(changed, action).toEqual(["ev"]);
    }
    expect(await snapshot()).toBe(before);
    expect(JSON.stringify(await published(slug))).not.toContain("Smuggled");
    // Deciding on the version now shown works, and publishes exactly it.
    const approved = await decide(id, "approve", reviewer, { version: 2 });
    expect(approved.status, approved.text).toBe(200);
    expect((await published(slug)).sections.map((s) => s.body)).toEqual(
      withSections(content, { bg: "Reviewed background.", ev: "Smuggled events." }).sections.map((s) => s.body),
    );
  });

  it("requires the version, refuses one that does not exist, naming the field", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "New." }));
    const before = await snapshot();
    for (const [action, body] of [
      ["approve", {}],
      ["reject", { reason: "no" }],
      ["request-changes", { comment: "more" }],
      ["approve", { version: "1" }],
      ["approve", { version: 0 }],
      ["approve", { version: 3e9 }],
    ] as const) {
      const response = await decide(id, action, reviewer, body);
      expect(response.status, `${action} ${JSON.stringify(body)}`).toBe(400);
      expect(response.body.error.message, JSON.stringify(body)).toMatch(/version/);
    }
    const future = await decide(id, "approve", reviewer, { version: 2 });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/^version: proposal #\d+ has no version 2; its latest is version 1/);
    expect(await snapshot()).toBe(before);
  });
});

describe("a decision is re-checked when it is applied", () => {
  it("does not write a blocked proposer's text into an article raised to full protection (the reproduced attack)", async () => {
    const { slug, base, content } = await article();
    const id = await propose(slug, base, withSections(content, { bg: "Vandal text." }));
    expect(
      (
        await httpRequest(server, "PUT", `/api/articles/${slug}/protection`, {
          body: { level: "full", reason: "edit war" },
          user: admin,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await httpRequest(server, "PUT", `/api/users/${proposer.name}/block`, {
          body: { reason: "vandalism" },
          user: admin,
        })
      ).status,
    ).toBe(200);
    try {
      const before = await snapshot();
      const byReviewer = await decide(id, "approve", reviewer, { version: 1 });
      expect(byReviewer.status, byReviewer.text).toBe(403);
      // Even an administrator, who may approve at full protection, cannot publish a blocked user's text.
      const byAdmin = await decide(id, "approve", admin, { version: 1 });
      expect(byAdmin.status, byAdmin.text).toBe(403);
      expect(byAdmin.body.error.message).toMatch(
        /^d_newbie is blocked \(vandalism\); a blocked user's text is not published/,
      );
      expect(await snapshot()).toBe(before);
      expect(JSON.stringify(await published(slug))).not.toContain("Vandal text.");
      // Rejecting it still works, and the decision records the protection that applied.
      const rejected = await decide(id, "reject", reviewer, { version: 1, reason: "Blocked for vandalism." });
      expect(rejected.status, rejected.text).toBe(200);
      expect(await ctx.db.reviewDecision.findFirstOrThrow({ where: { proposalId: id } })).toMatchObject({
        action: "reject",
        protectionLevel: "full",
      });
    } finally {
      await httpRequest(server, "DELETE", `/api/users/${proposer.name}/block`, {
        body: { reason: "test over" },
        user: admin,
      });
    }
  });

  it("lets only an administrator approve into a fully protected article, and records the level", async () => {
    const { slug, base, content } = await article();
    const first = await propose(slug, base, withSections(content, { bg: "Sourced background." }));
    const second = await propose(slug, base, withSections(content, { ev: "Sourced events.[[ref:a]]" }));
    expect((await decide(first, "approve", reviewer, { version: 1 })).status).toBe(200);
    expect(await ctx.db.reviewDecision.findFirstOrThrow({ where: { proposalId: first } })).toMatchObject({
      action: "approve",
      protectionLevel: "extended",
    });
    expect(
      (
        await httpRequest(server, "PUT", `/api/articles/${slug}/protection`, {
          body: { level: "full", reason: "edit war" },
          user: admin,
        })
      ).status,
    ).toBe(200);
    const before = await snapshot();
    const refused = await decide(second, "approve", reviewer, { version: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/fully protected: only administrators can approve/);
    expect(await snapshot()).toBe(before);
    const approved = await decide(second, "approve", admin, { version: 1 });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.protection).toBe("full");
    expect(await ctx.db.reviewDecision.findFirstOrThrow({ where: { proposalId: second } })).toMatchObject({
      action: "approve",
      protectionLevel: "full",
      revisionId: approved.body.revisionId,
    });
    // The proposal pages say which protection each decision was taken under.
    const pageText = async (id: number) =>
      (await httpRequest(server, "GET", `/proposals/${id}`)).text.replaceAll("<!-- -->", "");
    expect(await pageText(first)).toMatch(/approved<\/b> version 1 while the article was extended-confirmed protected/);
    expect(await pageText(second)).toMatch(/approved<\/b> version 1 while the article was fully protected/);
  });
});

describe("partial approval understands which parts depend on which", () => {
  /** A proposal rewriting Background to cite a new reference, and Events plainly. */
  async function citingProposal() {
    const { slug, base, content } = await article();
    const proposed = withSections(
      content,
      { bg: "Background, now sourced.[[ref:smith2024]]", ev: "Events, reworded.[[ref:a]]" },
      [...content.references, { key: "smith2024", title: "Smith 2024" }],
    );
    return { slug, base, content, id: await propose(slug, base, proposed) };
  }

  it("refuses to decline a reference an accepted section cites, naming both, and writes nothing", async () => {
    const { id } = await citingProposal();
    const before = await snapshot();
    const response = await decide(id, "approve", reviewer, {
      version: 1,
      declined: [{ kind: "reference", id: "smith2024", reason: "Unreliable." }],
    });
    expect(response.status, response.text).toBe(400);
    // The citation is carried by a block of the section (block-parts.ts), so the block is named.
    expect(response.body.error.message).toBe(
      "declined: New paragraph 1 of section ‘Background’ cites reference ‘smith2024’, which you declined: decline it too or accept the reference.",
    );
    expect(response.body.error.details.dependencies).toEqual([
      { part: { kind: "block", id: "bg/p0" }, needs: { kind: "reference", id: "smith2024" }, via: "cites" },
    ]);
    expect(await snapshot()).toBe(before);
  });

  it("publishes neither a declined reference nor its declined section, and takes the rest", async () => {
    const { slug, id } = await citingProposal();
    const response = await decide(id, "approve", reviewer, {
      version: 1,
      declined: [
        { kind: "reference", id: "smith2024", reason: "Unreliable." },
        { kind: "section", id: "bg", reason: "Needs a better source." },
      ],
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body.status).toBe("partially_approved");
    const text = JSON.stringify(await published(slug));
    expect(text).not.toContain("smith2024");
    expect(text).toContain("Events, reworded.");
    expect(text).toContain("Background text.");
    // The decision names the reference by its title, never by its internal key (issue 19).
    const page = (await httpRequest(server, "GET", `/proposals/${id}`)).text.replaceAll("<!-- -->", "");
    expect(page).toContain("Declined reference “Smith 2024”: Unreliable.");
    expect(page).not.toMatch(/Declined reference[^<]*smith2024/);
  });

  it("declines the citing section while keeping its reference: the unused reference is pruned, not a bare 400", async () => {
    const { slug, id } = await citingProposal();
    const response = await decide(id, "approve", reviewer, {
      version: 1,
      declined: [{ kind: "section", id: "bg", reason: "Off topic." }],
    });
    expect(response.status, response.text).toBe(200);
    const after = await published(slug);
    expect(after.references.map((r) => r.key)).toEqual(["a"]);
    expect(JSON.stringify(after)).toContain("Events, reworded.");
  });

  it("keeps the old version of a declined reference change that an unchanged section cites", async () => {
    const { slug, base, content } = await article();
    const id = await propose(
      slug,
      base,
      withSections(content, { bg: "Background, expanded." }, [
        { key: "a", title: "Source A, retitled by the proposer" },
      ]),
    );
    const response = await decide(id, "approve", reviewer, {
      version: 1,
      declined: [{ kind: "reference", id: "a", reason: "The old title is right." }],
    });
    expect(response.status, response.text).toBe(200);
    const after = await published(slug);
    expect(after.references).toEqual([{ key: "a", title: "Source A" }]);
    expect(JSON.stringify(after)).toContain("Background, expanded.");
  });

  it("keeps the base infobox when the infobox is declined, and publishes the rest", async () => {
    const { slug, base, content } = await article();
    const infobox = (status: string) => ({
      kind: "conflict",
      title: content.title,
      rows: [{ kind: "field" as const, label: "Status", value: docFromMarkup(status) }],
    });
    // The base gets an infobox first (as the admin, directly), then the proposal changes it and a section.
    const withBox = await saveRevision({
      db: ctx.db,
      slug,
      baseRevisionId: base,
      content: { ...content, infobox: infobox("Ongoing") },
      authorId: admin.id,
    });
    const proposed = { ...withSections(content, { bg: "Background, expanded." }), infobox: infobox("Ended") };
    const id = await propose(slug, withBox.revisionId, proposed);
    const response = await decide(id, "approve", reviewer, {
      version: 1,
      declined: [{ kind: "infobox", id: "infobox", reason: "Not over yet." }],
    });
    expect(response.status, response.text).toBe(200);
    const after = await published(slug);
    expect(after.infobox).toEqual(infobox("Ongoing"));
    expect(JSON.stringify(after)).toContain("Background, expanded.");
  });

  it("refuses declining a part the version does not change, or every part", async () => {
    const { id } = await citingProposal();
    const before = await snapshot();
    const unknown = await decide(id, "approve", reviewer, {
      version: 1,
      declined: [{ kind: "section", id: "lead", reason: "?" }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("declined[0]: version 1 does not change the lead.");
    const all = await decide(id, "approve", reviewer, {
      version: 1,
      declined: [
        { kind: "section", id: "bg", reason: "no" },
        { kind: "section", id: "ev", reason: "no" },
        { kind: "reference", id: "smith2024", reason: "no" },
      ],
    });
    expect(all.status).toBe(400);
    expect(all.body.error.message).toMatch(/reject it instead/);
    expect(await snapshot()).toBe(before);
  });
});
