import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticleRevision } from "../../../lib/articles/read-article";
import { saveRevision } from "../../../lib/articles/save-revision";
import { blockText } from "../../../lib/proposals/block-parts";
import type { SourceBlock } from "../../../lib/document/markup-source";
import type { ArticleContent, Reference } from "../../../lib/document/model";
import type { TestUser } from "../../factories";
import { snapshotAllRows } from "../../db";
import { httpRequest, type AppServer } from "../../server";
import { useRouteTestDatabase } from "../harness";
import { protectedArticle, proposeOverHttp, sectionOf, startReviewServer } from "../../proposal-fixtures";

// Finer partial approval over HTTP against the production server: a reviewer
// declines single blocks of a section (a paragraph, a list item, the quote
// box), and the citation rules hold at block level.

const ctx = useRouteTestDatabase();
let server: AppServer;
let admin: TestUser;
let reviewer: TestUser;
let proposer: TestUser;
let counter = 0;

const ONE = "The offensive began at dawn on the northern front near the river.";
const TWO = "Rebel columns advanced along the highway towards the city by noon.";
const THREE = "Government forces withdrew from several villages during the night.";

const LIST: SourceBlock = { list: "bullet", items: ["Hama", "Homs", "Idlib"] };

/** An extended-protected article (a lead and History: three paragraphs and a list, citing reference "a"), and newbie's proposal to change History into `blocks`. */
async function proposal(blocks: SourceBlock[], added: Reference[] = []) {
  counter += 1;
  const content: ArticleContent = {
    title: `Blocks ${counter}`,
    infobox: null,
    sections: [sectionOf("lead", "", ["Lead.[[ref:a]]"]), sectionOf("history", "History", [ONE, TWO, THREE, LIST])],
    references: [{ key: "a", title: "Source A" }],
  };
  const created = await protectedArticle(ctx.db, { slug: `Blocks_${counter}`, content, authorId: admin.id });
  const proposed = {
    ...content,
    sections: [content.sections[0], sectionOf("history", "History", blocks)],
    references: [...content.references, ...added],
  };
  return { ...created, id: await proposeOverHttp(server, proposer, { ...created, content: proposed }) };
}

const approve = (id: number, body: Record<string, unknown>) =>
  httpRequest(server, "POST", `/api/proposals/${id}/approve`, { body, user: reviewer });

/** The blocks of History as published, as text. */
const publishedHistory = async (slug: string) => {
  const { content } = await readArticleRevision({ db: ctx.db, slug });
  return (content.sections.find((s) => s.id === "history")?.body.content ?? []).map((block) => blockText(block));
};

beforeAll(async () => {
  ({ admin, reviewer, proposer, server } = await startReviewServer(ctx.db, ctx.url, "b"));
});
afterAll(async () => server?.stop());

describe("declining single blocks of a section", () => {
  it("publishes the other changes of the section and not the declined paragraph, and records it by its text", async () => {
    const { slug, id } = await proposal([
      `${ONE} It had been planned for weeks.`,
      TWO,
      `${THREE} Most returned later.`,
      LIST,
    ]);
    const response = await approve(id, {
      version: 1,
      declined: [{ kind: "block", id: "history/p2", reason: "Unsourced claim." }],
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body.status).toBe("partially_approved");
    expect(await publishedHistory(slug)).toEqual([
      `${ONE} It had been planned for weeks.`,
      TWO,
      THREE,
      "Hama\nHoms\nIdlib",
    ]);
    const decision = await ctx.db.reviewDecision.findFirstOrThrow({ where: { proposalId: id } });
    expect(decision.declined).toEqual([
      {
        kind: "block",
        id: "history/p2",
        reason: "Unsourced claim.",
        label: "paragraph 3 of “History”",
        text: `${THREE} Most returned later.`,
      },
    ]);
    // The proposal page shows it by its place and words, never by its key.
    const page = await httpRequest(server, "GET", `/proposals/${id}`);
    // What a reader sees: the HTML without React's payload and text separators.
    const shown = page.text.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<!-- -->/g, "");
    expect(shown).toContain(
      "Declined paragraph 3 of “History” (<q>Government forces withdrew from several villages during the…</q>): Unsourced claim.",
    );
    expect(shown).toContain("Government forces withdrew from several villages during the night. Most returned later.");
    expect(shown).not.toContain("history/p2");
  });

  it("declines one list item and keeps the other changes of the list", async () => {
    const { slug, id } = await proposal([
      ONE,
      TWO,
      THREE,
      { list: "bullet", items: ["Hama city", "Homs", "Aleppo", "Idlib"] },
    ]);
    const response = await approve(id, {
      version: 1,
      declined: [{ kind: "block", id: "history/p3.p2", reason: "Aleppo is another offensive." }],
    });
    expect(response.status, response.text).toBe(200);
    expect(await publishedHistory(slug)).toEqual([ONE, TWO, THREE, "Hama city\nHoms\nIdlib"]);
  });

  it("declines the quote box, and keeps a removed paragraph whose removal is declined", async () => {
    const quoted = await proposal([
      ONE,
      { quote: ["We will hold the city."], attribution: "A commander" },
      THREE,
      LIST,
    ]);
    const response = await approve(quoted.id, {
      version: 1,
      declined: [{ kind: "block", id: "history/p1", reason: "Quote without a source." }],
    });
    expect(response.status, response.text).toBe(200);
    expect(await publishedHistory(quoted.slug)).toEqual([ONE, THREE, "Hama\nHoms\nIdlib"]);

    const NEW = "A new paragraph on supply lines and fuel.";
    const replaced = await proposal([ONE, NEW, THREE, LIST]);
    const kept = await approve(replaced.id, {
      version: 1,
      declined: [{ kind: "block", id: "history/b1", reason: "The advance is sourced." }],
    });
    expect(kept.status, kept.text).toBe(200);
    expect(await publishedHistory(replaced.slug)).toEqual([ONE, TWO, NEW, THREE, "Hama\nHoms\nIdlib"]);
  });

  it("refuses a kept block citing a reference it declines, naming the block; a reference only declined blocks cite may go", async () => {
    const { slug, id } = await proposal(
      [`${ONE}[[ref:new]]`, TWO, `${THREE}[[ref:new]][[ref:other]]`, LIST],
      [
        { key: "new", title: "New source" },
        { key: "other", title: "Other source" },
      ],
    );
    const before = await snapshotAllRows(ctx.db);
    const refused = await approve(id, {
      version: 1,
      declined: [
        { kind: "reference", id: "new", reason: "Blog post." },
        { kind: "block", id: "history/p2", reason: "Unsourced." },
      ],
    });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.error.message).toBe(
      "declined: Paragraph 1 of section ‘History’ cites reference ‘new’, which you declined: decline it too or accept the reference.",
    );
    expect(refused.body.error.details.dependencies).toEqual([
      { part: { kind: "block", id: "history/p0" }, needs: { kind: "reference", id: "new" }, via: "cites" },
    ]);
    expect(await snapshotAllRows(ctx.db)).toEqual(before);

    const accepted = await approve(id, {
      version: 1,
      declined: [
        { kind: "reference", id: "other", reason: "Not reliable." },
        { kind: "block", id: "history/p2", reason: "Rests on it." },
      ],
    });
    expect(accepted.status, accepted.text).toBe(200);
    const { content: published } = await readArticleRevision({ db: ctx.db, slug });
    expect(published.references.map((r) => r.key).sort()).toEqual(["a", "new"]);
    expect(await publishedHistory(slug)).toEqual([`${ONE}[new]`, TWO, THREE, "Hama\nHoms\nIdlib"]);
  });

  it("merges the accepted blocks onto an article that moved on elsewhere since the proposal", async () => {
    const { slug, id, base, content } = await proposal([`${ONE} At dawn.`, TWO, `${THREE} At night.`, LIST]);
    // Meanwhile an editor changes the lead directly.
    const lead = sectionOf("lead", "", ["Lead, edited meanwhile.[[ref:a]]"]);
    await saveRevision({
      db: ctx.db,
      slug,
      baseRevisionId: base,
      content: { ...content, sections: [lead, content.sections[1]] },
      authorId: admin.id,
    });
    const response = await approve(id, {
      version: 1,
      declined: [{ kind: "block", id: "history/p0", reason: "Time of day unsourced." }],
    });
    expect(response.status, response.text).toBe(200);
    const { content: published } = await readArticleRevision({ db: ctx.db, slug });
    expect(blockText(published.sections[0].body.content![0])).toBe("Lead, edited meanwhile.[a]");
    expect(await publishedHistory(slug)).toEqual([ONE, TWO, `${THREE} At night.`, "Hama\nHoms\nIdlib"]);
  });

  it("refuses a declined block the version does not change, naming declined[i], and a decision on an old version", async () => {
    const { id, base, content } = await proposal([ONE, `${TWO} By noon.`, THREE, LIST]);
    for (const key of ["history/p0", "history/b9", "lead/p0", "history/p1.p0", "nosuch/p1"]) {
      const response = await approve(id, {
        version: 1,
        declined: [
          { kind: "block", id: "history/p1", reason: "No." },
          { kind: "block", id: key, reason: "No." },
        ],
      });
      expect(response.status, `${key} ${response.text}`).toBe(400);
      expect(response.body.error.message).toMatch(/^declined\[1\]: version 1 does not change /);
    }
    // Declining the only changed block is declining everything.
    const everything = await approve(id, {
      version: 1,
      declined: [{ kind: "block", id: "history/p1", reason: "No." }],
    });
    expect(everything.status, everything.text).toBe(400);
    expect(everything.body.error.message).toMatch(/every part of the proposal is declined/);

    const revised = await httpRequest(server, "POST", `/api/proposals/${id}/versions`, {
      body: {
        baseRevisionId: base,
        summary: "more",
        content: {
          ...content,
          sections: [
            content.sections[0],
            sectionOf("history", "History", [`${ONE} At dawn.`, `${TWO} By noon.`, THREE, LIST]),
          ],
        },
      },
      user: proposer,
    });
    expect(revised.status, revised.text).toBe(201);
    const stale = await approve(id, { version: 1, declined: [{ kind: "block", id: "history/p1", reason: "No." }] });
    expect(stale.status, stale.text).toBe(409);
    expect(stale.body.error.details.reason).toBe("stale_version");
  });
});
