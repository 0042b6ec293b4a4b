import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../../test/db";
import { makeUser } from "../../test/factories";
import { WikiError } from "../errors";
import { loadActor } from "../users/load-actor";
import { importArticle } from "./import-article";
import { readArticleRevision } from "./read-article";

const ctx = useTestDatabase();
const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpus/wikitext");

describe("importArticle", () => {
  it("creates the article from wikitext, then adds a revision on a second import (never overwrites)", async () => {
    const admin = await loadActor(ctx.db, (await makeUser(ctx.db, { role: "admin" })).id);
    const wikitext = fs.readFileSync(path.join(CORPUS, "Goryeo-ware.txt"), "utf8");
    const first = await importArticle({ db: ctx.db, actor: admin, title: "Goryeo ware", wikitext });
    expect(first).toMatchObject({ status: "created", slug: "Goryeo_ware" });
    expect(first.report.refs.citations).toBeGreaterThan(0);

    const again = await importArticle({ db: ctx.db, actor: admin, title: "Goryeo ware", wikitext });
    expect(again.status).toBe("unchanged");

    const changed = await importArticle({
      db: ctx.db,
      actor: admin,
      title: "Goryeo ware",
      wikitext: `${wikitext}\n\n== Added ==\nA new section.`,
    });
    expect(changed.status).toBe("saved");
    const revisions = await ctx.db.revision.findMany({
      where: { article: { slug: "Goryeo_ware" } },
      orderBy: { id: "asc" },
    });
    expect(revisions.map((revision) => revision.parentId)).toEqual([null, first.revisionId]);
    const view = await readArticleRevision({ db: ctx.db, slug: "Goryeo_ware", revisionId: changed.revisionId });
    expect(view.content.sections.at(-1)?.title).toBe("Added");
  });

  it("is for administrators only, and names a bad title", async () => {
    const reviewer = await loadActor(ctx.db, (await makeUser(ctx.db, { role: "reviewer" })).id);
    const admin = await loadActor(ctx.db, (await makeUser(ctx.db, { role: "admin" })).id);
    await expect(importArticle({ db: ctx.db, actor: reviewer, title: "X", wikitext: "x" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(importArticle({ db: ctx.db, actor: null, title: "X", wikitext: "x" })).rejects.toMatchObject({
      code: "unauthorized",
    });
    const bad = await importArticle({ db: ctx.db, actor: admin, title: "a[b]", wikitext: "x" }).catch((error) => error);
    expect(bad).toBeInstanceOf(WikiError);
    expect(bad.message).toMatch(/^title: /);
    expect(await ctx.db.article.count({ where: { slug: "X" } })).toBe(0);
  });
});
