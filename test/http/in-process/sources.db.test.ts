import { beforeAll, describe, expect, it } from "vitest";
import * as fixRoute from "../../../app/api/sources/[id]/fix/route";
import { readArticleRevision } from "../../../lib/articles/read-article";
import { saveRevision } from "../../../lib/articles/save-revision";
import { ZFixSourceRequestSchema } from "../../../lib/contracts/sources";
import type { Db } from "../../../lib/db/client";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent, Reference } from "../../../lib/document/model";
import { fixSource } from "../../../lib/sources/fix-source";
import { sourceIdentity } from "../../../lib/sources/identity";
import { backfillSourceIndex, readSourceCitations } from "../../../lib/sources/source-index";
import { makeUser, type TestUser } from "../../factories";
import { apiRequest, call, type RouteHandler, useRouteTestDatabase } from "../harness";

const ctx = useRouteTestDatabase();
let author: TestUser;
let editor: TestUser;

const REPORT = "https://www.example.org/reports/2024/hama/";
const SOURCE = sourceIdentity({ url: REPORT })!;

const content = (title: string, reference: Omit<Reference, "key">, extra: Reference[] = []): ArticleContent => ({
  title,
  infobox: null,
  sections: [
    {
      id: "lead",
      title: "",
      level: 0,
      body: docFromMarkup(`${title} is about something.[[ref:r]]${extra.map((r) => `[[ref:${r.key}]]`).join("")}`),
    },
  ],
  references: [{ key: "r", ...reference }, ...extra],
});

async function article(slug: string, reference: Omit<Reference, "key">, level = "none", extra: Reference[] = []) {
  const saved = await saveRevision({
    db: ctx.db,
    slug,
    baseRevisionId: null,
    content: content(slug.replace(/_/g, " "), reference, extra),
    authorId: author.id,
  });
  if (level !== "none") await ctx.db.article.update({ where: { slug }, data: { protectionLevel: level } });
  return saved.revisionId;
}

const head = async (slug: string) => readArticleRevision({ db: ctx.db, slug });
const refOf = async (slug: string) => (await head(slug)).content.references.find((r) => r.key === "r")!;

async function fix(user: TestUser, body: Record<string, unknown>, id = SOURCE.id, address = "192.0.2.1") {
  const headers = { "x-wiki-client-address": address };
  return call(
    fixRoute.POST as RouteHandler,
    await apiRequest("POST", `/api/sources/${id}/fix`, { body, user, headers }),
    {
      id,
    },
  );
}

beforeAll(async () => {
  // Generous here; the default limit is checked on its own below.
  process.env.WIKI_RATE_LIMITS = "source-fix=50/100/60";
  author = await makeUser(ctx.db, { name: "src_author", role: "admin" });
  // Extended-confirmed: trusted with bulk edits (sourceFixReach); a less experienced editor's fix is tested below.
  editor = await makeUser(ctx.db, { name: "src_editor", role: "extendedconfirmed" });
  // Four articles cite one report, each its own way; another cites something else.
  await article("Src_Open", { title: "Hama report", url: REPORT, date: "2024-12-01" });
  await article("Src_Tracked", { title: "The Hama Report", url: "http://example.org/reports/2024/hama?utm_source=x" });
  await article(
    "Src_Archived",
    { title: "Hama report (archived)", archiveUrl: "https://web.archive.org/web/20241201000000/" + REPORT },
    "full",
  );
  await article("Src_Other", { title: "Another page", url: "https://example.org/other" });
});

describe("the source index", () => {
  it("matches one source across URL variants and archive copies, with each article's metadata", async () => {
    const { citations, total } = await readSourceCitations({ db: ctx.db, sourceKey: SOURCE.key });
    expect(total).toBe(3);
    expect(citations.map((c) => [c.slug, c.reference.title])).toEqual([
      ["Src_Archived", "Hama report (archived)"],
      ["Src_Open", "Hama report"],
      ["Src_Tracked", "The Hama Report"],
    ]);
    expect(citations.every((c) => c.revisionId > 0)).toBe(true);
  });

  it("follows the head: a reference pointed elsewhere leaves, one pointed here joins, unchanged rows are kept", async () => {
    const slug = "Src_Moving";
    const first = await article(slug, { title: "Elsewhere", url: "https://example.net/x" });
    expect((await readSourceCitations({ db: ctx.db, sourceKey: SOURCE.key })).total).toBe(3);
    const current = await head(slug);
    const second = await saveRevision({
      db: ctx.db,
      slug,
      baseRevisionId: first,
      content: { ...current.content, references: [{ key: "r", title: "Now the report", url: REPORT }] },
      authorId: author.id,
    });
    const joined = await readSourceCitations({ db: ctx.db, sourceKey: SOURCE.key });
    expect(joined.citations.find((c) => c.slug === slug)).toMatchObject({ revisionId: second.revisionId });
    await saveRevision({
      db: ctx.db,
      slug,
      baseRevisionId: second.revisionId!,
      content: {
        ...current.content,
        references: [{ key: "r", title: "Elsewhere again", url: "https://example.net/y" }],
      },
      authorId: author.id,
    });
    expect(
      (await readSourceCitations({ db: ctx.db, sourceKey: SOURCE.key })).citations.map((c) => c.slug),
    ).not.toContain(slug);
    // A reference without a link names no source: its row goes.
    const articleId = (await ctx.db.article.findUniqueOrThrow({ where: { slug } })).id;
    const third = await head(slug);
    await saveRevision({
      db: ctx.db,
      slug,
      baseRevisionId: third.revision.id,
      content: { ...third.content, references: [{ key: "r", title: "A printed book" }] },
      authorId: author.id,
    });
    expect(await ctx.db.sourceCitation.count({ where: { articleId } })).toBe(0);
  });

  it("is filled by the backfill for articles saved before it existed, and the backfill then does nothing", async () => {
    const before = await ctx.db.sourceCitation.count();
    await ctx.db.sourceCitation.deleteMany({});
    await ctx.db.$executeRaw`UPDATE "Article" SET "sourcesRevisionId" = NULL`;
    expect(await backfillSourceIndex(ctx.db)).toBeGreaterThanOrEqual(4);
    expect(await ctx.db.sourceCitation.count()).toBe(before);
    expect(await backfillSourceIndex(ctx.db)).toBe(0);
  });
});

describe("fix once", () => {
  it("refuses a blocked user, a bad field and an unknown source, and writes nothing", async () => {
    const blocked = await makeUser(ctx.db, { name: "src_blocked", blocked: "vandalism" });
    const revisions = await ctx.db.revision.count();
    const refused = await fix(blocked, { title: "Hama Report" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/blocked/);
    const badDate = await fix(editor, { date: "1 Dec 2024" });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.message).toMatch(/^date: /);
    const badUrl = await fix(editor, { url: "javascript:alert(1)" });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.error.message).toMatch(/^url: /);
    expect((await fix(editor, {})).status).toBe(400);
    expect((await fix(editor, { title: "x" }, "bm90LWEtc291cmNl")).status).toBe(404);
    expect(await ctx.db.revision.count()).toBe(revisions);
    expect(await ctx.db.proposal.count()).toBe(0);
    expect(await ctx.db.sourceFix.count()).toBe(0);
  });

  it("is rate-limited per account (429, nothing done)", async () => {
    const hasty = await makeUser(ctx.db, { name: "src_hasty", role: "autoconfirmed" });
    const statuses: number[] = [];
    delete process.env.WIKI_RATE_LIMITS;
    for (let i = 0; i < 6; i++)
      statuses.push((await fix(hasty, { date: "not a date" }, SOURCE.id, "192.0.2.99")).status);
    process.env.WIKI_RATE_LIMITS = "source-fix=50/100/60";
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it("edits each article the editor may edit, proposes on a protected one, and skips one already right", async () => {
    await article("Src_Right", { title: "Hama Report 2024", url: REPORT });
    const openHead = (await head("Src_Open")).revision.id;
    const archivedHead = (await head("Src_Archived")).revision.id;
    const response = await fix(editor, { title: "Hama Report 2024", work: "Example Monitor" });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const outcomes = Object.fromEntries(response.body.rows.map((row: any) => [row.slug, row.outcome]));
    expect(outcomes).toEqual({
      Src_Archived: "proposed",
      Src_Open: "edited",
      Src_Tracked: "edited",
      Src_Right: "edited",
    });
    // Src_Right had the title but not the work: edited for the work alone; its own date and URL are kept.
    expect(await refOf("Src_Open")).toMatchObject({
      title: "Hama Report 2024",
      work: "Example Monitor",
      date: "2024-12-01",
    });
    expect(await refOf("Src_Tracked")).toMatchObject({ title: "Hama Report 2024", work: "Example Monitor" });
    const edited = await head("Src_Open");
    expect(edited.revision.parentId).toBe(openHead);
    expect(edited.revision.summary).toMatch(
      /^Fix once: corrected title, work of the source example\.org\/reports\/2024\/hama/,
    );
    // The extended-protected article is unchanged, with a proposal for review that carries the correction.
    expect((await head("Src_Archived")).revision.id).toBe(archivedHead);
    const proposal = await ctx.db.proposal.findFirstOrThrow({ where: { article: { slug: "Src_Archived" } } });
    expect(proposal.authorId).toBe(editor.id);
    expect(response.body.url).toMatch(new RegExp(`^/sources/${SOURCE.id}\\?fix=\\d+$`));

    // Sent again: everything already says it, except the protected article (a proposal waits); nothing new is edited.
    const again = await fix(editor, { title: "Hama Report 2024", work: "Example Monitor" });
    const second = Object.fromEntries(again.body.rows.map((row: any) => [row.slug, row.outcome]));
    expect(second).toEqual({
      Src_Archived: "skipped",
      Src_Open: "skipped",
      Src_Tracked: "skipped",
      Src_Right: "skipped",
    });
    expect(again.body.rows.find((row: any) => row.slug === "Src_Archived").reason).toMatch(/awaits review/);
    expect(await ctx.db.proposal.count({ where: { article: { slug: "Src_Archived" } } })).toBe(1);
    expect(await ctx.db.sourceFix.count()).toBe(2);
  });

  it("sends a fix by an editor not yet extended-confirmed to review on every article, never editing one", async () => {
    const newcomer = await makeUser(ctx.db, { name: "src_newcomer", role: "autoconfirmed" });
    const source = await article("Src_Newcomer", { title: "Newcomer report", url: "https://newcomer.example/r" });
    const revisions = await ctx.db.revision.count();
    const response = await fix(
      newcomer,
      { title: "Newcomer Report" },
      sourceIdentity({ url: "https://newcomer.example/r" })!.id,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.rows).toEqual([expect.objectContaining({ slug: "Src_Newcomer", outcome: "proposed" })]);
    expect(await ctx.db.revision.count()).toBe(revisions);
    expect((await head("Src_Newcomer")).revision.id).toBe(source);
  });

  it("changes at most 50 articles per fix; sent again, it does the rest", async () => {
    const wide = "https://example.org/widely-cited";
    const id = sourceIdentity({ url: wide })!.id;
    for (let i = 0; i < 52; i++)
      await article(`Src_Wide_${String(i).padStart(2, "0")}`, { title: "Widely", url: wide });
    const first = await fix(editor, { title: "Widely cited" }, id);
    const outcomes = first.body.rows.map((row: any) => row.outcome);
    expect(outcomes.filter((o: string) => o === "edited")).toHaveLength(50);
    expect(outcomes.filter((o: string) => o === "not-reached")).toHaveLength(2);
    const second = await fix(editor, { title: "Widely cited" }, id);
    const again = second.body.rows.map((row: any) => row.outcome);
    expect(again.filter((o: string) => o === "edited")).toHaveLength(2);
    expect(again.filter((o: string) => o === "skipped")).toHaveLength(50);
  });

  it("reads an article afresh when its head moved under the fix, and keeps the other change", async () => {
    const slug = "Src_Raced";
    await article(slug, { title: "Raced report", url: REPORT });
    const articleId = (await ctx.db.article.findUniqueOrThrow({ where: { slug } })).id;
    let raced = false;
    // The first time the fix appends to this article, someone else saves the same reference first.
    const racing = new Proxy(ctx.db, {
      get(target, prop, receiver) {
        if (prop === "$queryRawUnsafe")
          return async (text: string, ...values: unknown[]) => {
            if (!raced && text.includes('INSERT INTO "SourceCitation"') && values[0] === articleId) {
              raced = true;
              const current = await head(slug);
              await saveRevision({
                db: ctx.db,
                slug,
                baseRevisionId: current.revision.id,
                content: {
                  ...current.content,
                  references: current.content.references.map((r) =>
                    r.key === "r" ? { ...r, publisher: "Someone else's correction" } : r,
                  ),
                },
                authorId: author.id,
              });
            }
            return target.$queryRawUnsafe(text, ...values);
          };
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as Db;
    const actor = { ...(await ctx.db.user.findUniqueOrThrow({ where: { id: author.id } })), grantedGroups: ["admin"] };
    const result = await fixSource({
      actor,
      sourceId: SOURCE.id,
      request: { ...ZFixSourceRequestSchema.parse({}), accessDate: "2025-01-05" },
      db: racing,
    });
    expect(raced).toBe(true);
    expect(result.rows.find((row) => row.slug === slug)).toMatchObject({ outcome: "edited" });
    // Both changes are there: the racing save's publisher and the fix's access date.
    expect(await refOf(slug)).toMatchObject({ publisher: "Someone else's correction", accessDate: "2025-01-05" });
  });
});
