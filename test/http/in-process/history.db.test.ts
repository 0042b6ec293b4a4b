import { beforeAll, describe, expect, it } from "vitest";
import * as diffRoute from "../../../app/api/articles/[slug]/diff/route";
import * as revisionsRoute from "../../../app/api/articles/[slug]/revisions/route";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent } from "../../../lib/document/model";
import { createUser } from "../../factories";
import { call, SITE, type RouteHandler, useRouteTestDatabase } from "../harness";

const ctx = useRouteTestDatabase();
const ids: number[] = [];

const get = (handler: RouteHandler, path: string, params: Record<string, string>) =>
  call(handler, new Request(`${SITE}${path}`), params);

beforeAll(async () => {
  const author = await createUser(ctx.db, { name: "historian" });
  let base: number | null = null;
  for (let i = 0; i < 120; i++) {
    const content: ArticleContent = {
      title: "Long history",
      infobox: {
        kind: "k",
        title: "Long history",
        rows: [{ kind: "field", label: "Status", value: docFromMarkup(i < 60 ? "Ongoing" : "Ended[[ref:a]]") }],
      },
      sections: [
        { id: "lead", title: "", level: 0, body: docFromMarkup(`Revision ${i} of the lead.[[ref:a]]`) },
        { id: "s1", title: "Stable", level: 2, body: docFromMarkup("This section never changes.") },
      ],
      references: [{ key: "a", title: i < 100 ? "Old title" : "New title", url: "https://example.org/a" }],
    };
    const saved = await saveRevision({
      db: ctx.db,
      slug: "Long_history",
      baseRevisionId: base,
      content,
      authorId: author.id,
      summary: `edit ${i}`,
      minor: i % 10 === 0,
    });
    base = saved.revisionId;
    ids.push(saved.revisionId);
  }
});

describe("GET /api/articles/{slug}/revisions", () => {
  it("pages through the history newest first with a keyset cursor", async () => {
    const first = await get(revisionsRoute.GET as RouteHandler, "/api/articles/Long_history/revisions", {
      slug: "Long_history",
    });
    expect(first.status).toBe(200);
    expect(first.body.revisions).toHaveLength(50);
    expect(first.body.revisions[0]).toMatchObject({
      id: ids[119],
      parentId: ids[118],
      author: "historian",
      summary: "edit 119",
      tags: [],
    });
    expect(first.body.revisions[0].sizeChange).toBe(
      first.body.revisions[0].sizeBytes - first.body.revisions[1].sizeBytes,
    );
    const second = await get(
      revisionsRoute.GET as RouteHandler,
      `/api/articles/Long_history/revisions?cursor=${first.body.nextCursor}`,
      { slug: "Long_history" },
    );
    expect(second.body.revisions[0].id).toBe(ids[69]);
    const third = await get(
      revisionsRoute.GET as RouteHandler,
      `/api/articles/Long_history/revisions?cursor=${second.body.nextCursor}`,
      { slug: "Long_history" },
    );
    expect(third.body.revisions).toHaveLength(20);
    expect(third.body.nextCursor).toBeNull();
    expect(third.body.revisions.at(-1)).toMatchObject({ id: ids[0], parentId: null });
    const seen = [...first.body.revisions, ...second.body.revisions, ...third.body.revisions].map(
      (r: { id: number }) => r.id,
    );
    expect(new Set(seen).size).toBe(120);
  });

  it("answers unknown articles and bad cursors with the error shape", async () => {
    expect(
      (await get(revisionsRoute.GET as RouteHandler, "/api/articles/Nope/revisions", { slug: "Nope" })).status,
    ).toBe(404);
    expect(
      (
        await get(revisionsRoute.GET as RouteHandler, "/api/articles/Long_history/revisions?cursor=-1", {
          slug: "Long_history",
        })
      ).body.error.code,
    ).toBe("bad_request");
  });
});

describe("GET /api/articles/{slug}/diff", () => {
  it("compares any two revisions: lead words, infobox field and reference field", async () => {
    const response = await get(
      diffRoute.GET as RouteHandler,
      `/api/articles/Long_history/diff?from=${ids[10]}&to=${ids[110]}`,
      { slug: "Long_history" },
    );
    expect(response.status).toBe(200);
    const { diff, from, to } = response.body;
    expect(from.id).toBe(ids[10]);
    expect(to.id).toBe(ids[110]);
    expect(diff.sections.find((s: { id: string }) => s.id === "lead").status).toBe("changed");
    expect(diff.sections.find((s: { id: string }) => s.id === "s1").status).toBe("unchanged");
    expect(diff.infobox.cells.map((cell: { label: string }) => cell.label)).toEqual(["Status"]);
    expect(diff.references).toEqual([
      expect.objectContaining({
        op: "changed",
        key: "a",
        fields: [{ field: "title", from: "Old title", to: "New title" }],
      }),
    ]);
  });

  it("orders the pair older to newer and refuses the same revision twice", async () => {
    const swapped = await get(
      diffRoute.GET as RouteHandler,
      `/api/articles/Long_history/diff?from=${ids[5]}&to=${ids[2]}`,
      { slug: "Long_history" },
    );
    expect([swapped.body.from.id, swapped.body.to.id]).toEqual([ids[2], ids[5]]);
    expect(
      (
        await get(diffRoute.GET as RouteHandler, `/api/articles/Long_history/diff?from=${ids[5]}&to=${ids[5]}`, {
          slug: "Long_history",
        })
      ).status,
    ).toBe(400);
    expect(
      (await get(diffRoute.GET as RouteHandler, `/api/articles/Long_history/diff?from=abc`, { slug: "Long_history" }))
        .status,
    ).toBe(400);
  });
});
