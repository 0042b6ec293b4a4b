import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../../lib/articles/save-revision";
import type { ArticleContent } from "../../../lib/document/model";
import { backfillWorkItems } from "../../../lib/worklists/backfill-work-items";
import { readSiteWorklist } from "../../../lib/worklists/read-worklist";
import { makeUser, type TestUser } from "../../factories";
import { sectionOf } from "../../sections";
import { httpRequest, startAppServer, type AppServer } from "../../server";
import { useRouteTestDatabase } from "../harness";

// Worklists (issue 20): the WorkItem rows move with each article's head in the save's own statement, so a save
// that resolves an item removes it at once (freshness), the site-wide list is keyset-paged oldest tag first, and
// the start script's backfill rebuilds exactly what the save path writes.

const ctx = useRouteTestDatabase();
let server: AppServer;
let editor: TestUser;

const content = (title: string, aftermath: string, accessDate?: string): ArticleContent => ({
  title,
  infobox: null,
  sections: [
    sectionOf("lead", "", "Lead.[[ref:w]]"),
    sectionOf("aftermath", "Aftermath", [
      aftermath,
      "Officials gave no figure for the losses on either side of the river.[[ref:w]]",
    ]),
  ],
  references: [{ key: "w", title: "Web report", url: "https://example.org/r", ...(accessDate ? { accessDate } : {}) }],
});

const page = async (path: string) => (await httpRequest(server, "GET", path)).text.replaceAll("<!-- -->", "");

beforeAll(async () => {
  editor = await makeUser(ctx.db, { name: "work_editor", standing: "extendedconfirmed" });
  server = await startAppServer({ databaseUrl: ctx.url, env: { WIKI_RATE_LIMITS: "off" } });
});
afterAll(async () => server?.stop());

describe("/worklists", () => {
  it("lists a tagged claim, and a save that removes the tag takes it off at once", async () => {
    const first = await saveRevision({
      db: ctx.db,
      slug: "Work_one",
      baseRevisionId: null,
      content: content("Work one", "The bridge fell on the third day.[[tag:citation needed|2019-04]]"),
      authorId: editor.id,
    });
    const site = await page("/worklists?kind=tag");
    expect(site).toContain('Work one</a>: <span class="worklist-tag">[citation needed]</span>');
    expect(site).toContain("“The bridge fell on the third day.”");
    expect(site).toContain('href="/wiki/Work_one/edit?section=aftermath"');
    const own = await page("/worklists?article=Work_one");
    expect(own).toMatch(/References without an access date \(1\)/);
    expect(own).toMatch(/References without an archived copy \(1\)/);

    const fixed = await httpRequest(server, "POST", "/api/articles/Work_one/edits", {
      body: {
        baseRevisionId: first.revisionId,
        summary: "cite it",
        content: content("Work one", "The bridge fell on the third day.[[ref:w]]", "2026-12-01"),
      },
      user: editor,
    });
    expect(fixed.status, fixed.text).toBe(201);
    expect(await page("/worklists?kind=tag")).not.toContain("Work one");
    expect(await page("/worklists?article=Work_one")).not.toMatch(/access date \(/);
    expect(
      await ctx.db.workItem.findMany({ where: { article: { slug: "Work_one" } }, select: { kind: true } }),
    ).toEqual([{ kind: "no-archive" }]);
  });

  it("pages the site-wide list oldest tag first, without skipping or repeating", async () => {
    for (const [index, date] of ["2021-01", "2021-01", "2018-06", "2019-03"].entries())
      await saveRevision({
        db: ctx.db,
        slug: `Work_page_${index}`,
        baseRevisionId: null,
        content: content(
          `Work page ${index}`,
          `A claim number ${index}.[[tag:citation needed${date ? `|${date}` : ""}]]`,
        ),
        authorId: editor.id,
      });
    const seen: string[] = [];
    let after = null;
    do {
      const result: Awaited<ReturnType<typeof readSiteWorklist>> = await readSiteWorklist({
        kind: "tag",
        after,
        limit: 1,
        db: ctx.db,
      });
      seen.push(...result.items.filter((item) => item.slug.startsWith("Work_page")).map((item) => item.slug));
      after = result.next;
    } while (after);
    // Oldest first; equal dates in the order they were written.
    expect(seen).toEqual(["Work_page_2", "Work_page_3", "Work_page_0", "Work_page_1"]);
  });

  it("answers a bad kind or position with a message naming it", async () => {
    expect(await page("/worklists?kind=evil")).toMatch(/kind must be one of tag, uncited-paragraph/);
    expect(await page("/worklists?kind=tag&after=1;DROP")).toMatch(/after: a worklist position/);
    expect(await page("/worklists?article=No_such_article")).toMatch(/There is no article/);
  });

  it("backfills exactly the rows the save path writes", async () => {
    const rows = () =>
      ctx.db.workItem.findMany({
        orderBy: [{ articleId: "asc" }, { id: "asc" }],
        select: {
          articleId: true,
          revisionId: true,
          kind: true,
          sectionId: true,
          label: true,
          refKey: true,
          date: true,
          excerpt: true,
        },
      });
    const saved = await rows();
    expect(saved.length).toBeGreaterThan(5);
    await ctx.db.workItem.deleteMany({});
    await ctx.db.article.updateMany({ data: { workItemsRevisionId: null } });
    expect(await backfillWorkItems(ctx.db)).toBe(
      await ctx.db.article.count({ where: { currentRevisionId: { not: null } } }),
    );
    expect(await rows()).toEqual(saved);
    expect(await backfillWorkItems(ctx.db)).toBe(0);
  });
});
