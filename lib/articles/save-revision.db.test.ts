import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { createUser, generateArticle } from "../../test/factories";
import { docFromMarkup } from "../document/markup";
import type { ArticleContent } from "../document/model";
import { WikiError } from "../errors";
import { readArticleRevision } from "./read-article";
import { saveRevision } from "./save-revision";

const ctx = useTestDatabase();

/** Bytes the database holds for the rows added after a marker: content blobs and revisions. */
async function storedBytesSince(since: Date): Promise<number> {
  const [row] = await ctx.db.$queryRawUnsafe<Array<{ bytes: bigint }>>(
    `SELECT COALESCE((SELECT SUM(pg_column_size(b.*)) FROM "ContentBlob" b WHERE b."createdAt" >= $1), 0)
          + COALESCE((SELECT SUM(pg_column_size(r.*)) FROM "Revision" r WHERE r."createdAt" >= $1), 0) AS bytes`,
    since,
  );
  return Number(row.bytes);
}

function editSection(content: ArticleContent, index: number, text: string): ArticleContent {
  return {
    ...content,
    sections: content.sections.map((section, i) => (i === index ? { ...section, body: docFromMarkup(text) } : section)),
  };
}

async function counts() {
  return {
    revisions: await ctx.db.revision.count(),
    blobs: await ctx.db.contentBlob.count(),
    articles: await ctx.db.article.count(),
  };
}

describe("saveRevision", () => {
  it("stores a one-section edit of a 1 MB article in under 2% of its size", async () => {
    const author = await createUser(ctx.db);
    const content = generateArticle({
      title: "Big article",
      sections: 500,
      references: 2000,
      sectionChars: 2000,
      seed: 7,
    });
    const first = await saveRevision({
      db: ctx.db,
      slug: "Big_article",
      baseRevisionId: null,
      content,
      authorId: author.id,
    });
    expect(first.status).toBe("saved");
    const view = await readArticleRevision({ db: ctx.db, slug: "Big_article" });
    const articleBytes = view.revision.sizeBytes;
    expect(articleBytes).toBeGreaterThan(1_000_000);
    expect(view.content.references.length).toBeGreaterThan(1500);

    const marker = new Date();
    const edited = editSection(
      content,
      250,
      "A rewritten section with a new fact.[[ref:ref-3]] And another sentence.[[ref:ref-9]]",
    );
    const second = await saveRevision({
      db: ctx.db,
      slug: "Big_article",
      baseRevisionId: first.revisionId,
      content: edited,
      authorId: author.id,
      summary: "one section",
    });
    expect(second.status).toBe("saved");
    const added = await storedBytesSince(marker);
    console.log(
      `one-section edit of a ${articleBytes}-byte article stored ${added} bytes (${((added / articleBytes) * 100).toFixed(2)}%)`,
    );
    expect(added).toBeGreaterThan(0);
    expect(added / articleBytes).toBeLessThan(0.02);

    const reread = await readArticleRevision({ db: ctx.db, slug: "Big_article" });
    expect(reread.content).toEqual(JSON.parse(JSON.stringify(edited)));
  });

  it("makes no revision for a save identical to its base", async () => {
    const author = await createUser(ctx.db);
    const content: ArticleContent = {
      title: "Same",
      infobox: null,
      sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("Text.") }],
      references: [],
    };
    const first = await saveRevision({ db: ctx.db, slug: "Same", baseRevisionId: null, content, authorId: author.id });
    const before = await counts();
    const again = await saveRevision({
      db: ctx.db,
      slug: "Same",
      baseRevisionId: first.revisionId,
      content,
      authorId: author.id,
    });
    expect(again).toEqual({ status: "unchanged", revisionId: first.revisionId, articleId: first.articleId });
    expect(await counts()).toEqual(before);
  });

  it("refuses a save on a stale base with a conflict and writes nothing", async () => {
    const author = await createUser(ctx.db);
    const base: ArticleContent = {
      title: "Busy",
      infobox: null,
      sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("v1") }],
      references: [],
    };
    const first = await saveRevision({
      db: ctx.db,
      slug: "Busy",
      baseRevisionId: null,
      content: base,
      authorId: author.id,
    });
    await saveRevision({
      db: ctx.db,
      slug: "Busy",
      baseRevisionId: first.revisionId,
      content: editSection(base, 0, "v2"),
      authorId: author.id,
    });
    const before = await counts();
    const error = await saveRevision({
      db: ctx.db,
      slug: "Busy",
      baseRevisionId: first.revisionId,
      content: editSection(base, 0, "v3"),
      authorId: author.id,
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(WikiError);
    expect((error as WikiError).code).toBe("conflict");
    expect(await counts()).toEqual(before);
  });

  it("lets exactly one of two concurrent saves on the same base win", async () => {
    const author = await createUser(ctx.db);
    const base: ArticleContent = {
      title: "Race",
      infobox: null,
      sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("v1") }],
      references: [],
    };
    const first = await saveRevision({
      db: ctx.db,
      slug: "Race",
      baseRevisionId: null,
      content: base,
      authorId: author.id,
    });
    const results = await Promise.allSettled(
      ["a", "b", "c", "d"].map((text) =>
        saveRevision({
          db: ctx.db,
          slug: "Race",
          baseRevisionId: first.revisionId,
          content: editSection(base, 0, text),
          authorId: author.id,
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(
      results.filter((result) => result.status === "rejected" && (result.reason as WikiError).code === "conflict"),
    ).toHaveLength(3);
    const article = await ctx.db.article.findUniqueOrThrow({ where: { slug: "Race" } });
    const head = await ctx.db.revision.findUniqueOrThrow({ where: { id: article.currentRevisionId! } });
    expect(head.parentId).toBe(first.revisionId);
  });

  it("concurrent saves of the head (one statement each): one wins, the others write nothing and get a conflict", async () => {
    const author = await createUser(ctx.db);
    const base: ArticleContent = {
      title: "Known head",
      infobox: null,
      sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("v1") }],
      references: [],
    };
    const first = await saveRevision({
      db: ctx.db,
      slug: "Known_head",
      baseRevisionId: null,
      content: base,
      authorId: author.id,
      createdAt: new Date("2020-02-03T04:05:06.789Z"),
    });
    const before = await counts();
    const editsBefore = (await ctx.db.user.findUniqueOrThrow({ where: { id: author.id } })).editCount;
    const results = await Promise.allSettled(
      ["known a", "known b", "known c", "known d"].map((text) =>
        saveRevision({
          db: ctx.db,
          slug: "Known_head",
          baseRevisionId: first.revisionId,
          content: editSection(base, 0, text),
          authorId: author.id,
          summary: text,
          tags: ["undo"],
        }),
      ),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(
      results.filter((result) => result.status === "rejected" && (result.reason as WikiError).code === "conflict"),
    ).toHaveLength(3);
    // Exactly the winner's rows: one revision, its section, chunk and root blobs; the losers left nothing.
    expect(await counts()).toEqual({ ...before, revisions: before.revisions + 1, blobs: before.blobs + 3 });
    const saved = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof saveRevision>>>).value;
    expect(saved).toMatchObject({ status: "saved", bytesWritten: expect.any(Number) });
    const article = await ctx.db.article.findUniqueOrThrow({ where: { slug: "Known_head" } });
    expect(article.currentRevisionId).toBe(saved.revisionId);
    const revision = await ctx.db.revision.findUniqueOrThrow({ where: { id: saved.revisionId } });
    expect(revision).toMatchObject({
      parentId: first.revisionId,
      authorId: author.id,
      tags: ["undo"],
      approvedById: null,
      title: "Known head",
    });
    expect(Date.now() - revision.createdAt.getTime()).toBeLessThan(60_000);
    expect((await ctx.db.revision.findUniqueOrThrow({ where: { id: first.revisionId } })).createdAt.toISOString()).toBe(
      "2020-02-03T04:05:06.789Z",
    );
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: author.id } })).editCount).toBe(editsBefore + 1);
    const view = await readArticleRevision({ db: ctx.db, slug: "Known_head" });
    expect(view.content).toEqual(editSection(base, 0, revision.summary));
  });

  it("refuses invalid documents and unknown references, leaving no row behind", async () => {
    const author = await createUser(ctx.db);
    const before = await counts();
    const bad: ArticleContent = {
      title: "Bad",
      infobox: null,
      sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("x[[ref:missing]]") }],
      references: [],
    };
    await expect(
      saveRevision({ db: ctx.db, slug: "Bad", baseRevisionId: null, content: bad, authorId: author.id }),
    ).rejects.toMatchObject({
      code: "invalid_document",
      details: {
        issues: [
          { path: "$.sections[0].body.content[0].content[1].attrs.refKey", message: 'unknown reference "missing"' },
        ],
      },
    });
    const script = {
      ...bad,
      sections: [{ id: "lead", title: "", level: 0, body: { type: "doc", content: [{ type: "script" }] } }],
    };
    await expect(
      saveRevision({ db: ctx.db, slug: "Bad", baseRevisionId: null, content: script, authorId: author.id }),
    ).rejects.toMatchObject({ code: "invalid_document" });
    expect(await counts()).toEqual(before);
  });

  it("keeps revisions and stored content immutable in the database itself", async () => {
    const author = await createUser(ctx.db);
    const content: ArticleContent = {
      title: "Fixed",
      infobox: null,
      sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("Text.") }],
      references: [],
    };
    const saved = await saveRevision({ db: ctx.db, slug: "Fixed", baseRevisionId: null, content, authorId: author.id });
    await expect(
      ctx.db.$executeRawUnsafe(`UPDATE "Revision" SET summary = 'x' WHERE id = ${saved.revisionId}`),
    ).rejects.toThrow(/immutable/);
    await expect(ctx.db.$executeRawUnsafe(`DELETE FROM "ContentBlob"`)).rejects.toThrow(/immutable/);
  });
});

describe("readArticleRevision", () => {
  it("reads an old revision as it was, and refuses another article's revision", async () => {
    const author = await createUser(ctx.db);
    const v1: ArticleContent = {
      title: "History",
      infobox: null,
      sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("First version.") }],
      references: [],
    };
    const first = await saveRevision({
      db: ctx.db,
      slug: "History",
      baseRevisionId: null,
      content: v1,
      authorId: author.id,
      summary: "created",
    });
    await saveRevision({
      db: ctx.db,
      slug: "History",
      baseRevisionId: first.revisionId,
      content: editSection(v1, 0, "Second version."),
      authorId: author.id,
    });
    const old = await readArticleRevision({ db: ctx.db, slug: "History", revisionId: first.revisionId });
    expect(old.isCurrent).toBe(false);
    expect(old.revision.summary).toBe("created");
    expect(JSON.stringify(old.content)).toContain("First version.");
    const current = await readArticleRevision({ db: ctx.db, slug: "History" });
    expect(current.isCurrent).toBe(true);
    expect(JSON.stringify(current.content)).toContain("Second version.");

    const other = await saveRevision({
      db: ctx.db,
      slug: "Other",
      baseRevisionId: null,
      content: { ...v1, title: "Other" },
      authorId: author.id,
    });
    await expect(
      readArticleRevision({ db: ctx.db, slug: "History", revisionId: other.revisionId }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(readArticleRevision({ db: ctx.db, slug: "Nowhere" })).rejects.toMatchObject({ code: "not_found" });
  });
});
