import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as exportRoute from "../../../app/wiki/[slug]/export/route";
import * as siteExportRoute from "../../../app/admin/export/route";
import * as dumpRoute from "../../../app/api/import/dump/route";
import { loadContent } from "../../../lib/articles/content-store";
import { importDump } from "../../../lib/articles/import-dump";
import { saveRevision } from "../../../lib/articles/save-revision";
import { checkCredentials } from "../../../lib/auth/sign-in";
import { sessionCookieFor } from "../../../lib/auth/session";
import { xmlHeader, XML_FOOTER, XML_PAGE_END, xmlPageStart, xmlRevision } from "../../../lib/export/export-xml";
import { loadActor } from "../../../lib/users/load-actor";
import { registerUser } from "../../../lib/users/register-user";
import { generateArticle, makeUser } from "../../factories";
import { call, type RouteHandler, SITE, useRouteTestDatabase } from "../harness";

const ctx = useRouteTestDatabase();
const CORPUS = path.resolve(import.meta.dirname, "../../../../shared/corpus/wikitext");

type DumpRevisionInput = { at: string; user: string; comment: string; text: string; ip?: boolean };

/** A dump of pages, each with its revisions, written by the exporter's own pieces (as Special:Export would). */
function dumpOf(pages: Array<{ title: string; ns?: number; revisions: DumpRevisionInput[] }>): string {
  let id = 100;
  return (
    xmlHeader({ sitename: "Source wiki", base: "https://source.example/wiki/Main_Page" }) +
    pages
      .map(
        (page, index) =>
          xmlPageStart({ title: page.title, id: index + 1 }).replace("<ns>0</ns>", `<ns>${page.ns ?? 0}</ns>`) +
          page.revisions
            .map((revision) =>
              xmlRevision({
                id: ++id,
                parentId: null,
                timestamp: new Date(revision.at),
                contributor: revision.ip ? { ip: revision.user } : { username: revision.user },
                comment: revision.comment,
                minor: false,
                text: revision.text,
              }),
            )
            .join("") +
          XML_PAGE_END,
      )
      .join("") +
    XML_FOOTER
  );
}

async function upload(xml: string, user: { id: number; name: string } | null, contentType = "application/xml") {
  const headers: Record<string, string> = { "content-type": contentType, origin: SITE, host: "localhost:3000" };
  if (user) headers.cookie = await sessionCookieFor(user);
  const request = new Request(`${SITE}/api/import/dump`, { method: "POST", headers, body: xml });
  return call(dumpRoute.POST as RouteHandler, request);
}

async function get(
  route: RouteHandler,
  url: string,
  params: Record<string, string> = {},
  user?: { id: number; name: string },
) {
  const headers: Record<string, string> = { host: "localhost:3000" };
  if (user) headers.cookie = await sessionCookieFor(user);
  const response = await route(new Request(`${SITE}${url}`, { headers }), { params: Promise.resolve(params) });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const HISTORY: DumpRevisionInput[] = [
  // Out of order in the file: the import sorts by timestamp.
  {
    at: "2024-11-29T08:00:00Z",
    user: "Bob",
    comment: "expand",
    text: "Hama is a city.\n\n== Battle ==\nRebels advanced.",
  },
  { at: "2024-11-27T06:00:00Z", user: "Alice", comment: "new article", text: "Hama is a city." },
  {
    at: "2024-12-05T21:30:00Z",
    user: "198.51.100.4",
    ip: true,
    comment: "fix",
    text: "Hama is a city in Syria.\n\n== Battle ==\nRebels advanced.",
  },
];

describe("POST /api/import/dump", () => {
  it("imports each revision into history with its date, comment and imported contributor; a re-import adds nothing", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    // A local Alice exists before the import: the dump's Alice must not become her.
    const localAlice = await registerUser({ db: ctx.db, name: "Alice", password: "a long passphrase here" });
    const xml = dumpOf([
      { title: "Hama offensive (dump)", revisions: HISTORY },
      { title: "Talk:Hama offensive (dump)", ns: 1, revisions: [HISTORY[0]] },
    ]);

    const first = await upload(xml, admin);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      sitename: "Source wiki",
      totals: { pages: 2, pagesImported: 1, pagesSkipped: 1, revisionsImported: 3, revisionsSkipped: 0 },
    });
    const [page, talk] = first.body.pages;
    expect(page).toMatchObject({ title: "Hama offensive (dump)", slug: "Hama_offensive_(dump)", status: "created" });
    expect(page.report.mapped.section).toBeGreaterThan(0);
    expect(talk).toMatchObject({
      status: "skipped",
      skipped: { "namespace 1: only articles (namespace 0) are imported": 1 },
    });

    const revisions = await ctx.db.revision.findMany({
      where: { article: { slug: "Hama_offensive_(dump)" } },
      orderBy: { id: "asc" },
      include: { author: { select: { id: true, name: true, imported: true } } },
    });
    expect(
      revisions.map((r) => [r.createdAt.toISOString(), r.author.name, r.author.imported, r.summary, r.parentId]),
    ).toEqual([
      ["2024-11-27T06:00:00.000Z", "imported>Alice", true, "new article", null],
      ["2024-11-29T08:00:00.000Z", "imported>Bob", true, "expand", revisions[0].id],
      ["2024-12-05T21:30:00.000Z", "imported>198.51.100.4", true, "fix", revisions[1].id],
    ]);
    expect(revisions[0].author.id).not.toBe(localAlice.id);
    // Content-addressed like any revision: the unchanged lead paragraph's blob is shared, not stored again.
    const head = await loadContent(ctx.db, revisions[2]);
    expect(head.sections.map((s) => s.title)).toEqual(["", "Battle"]);

    const again = await upload(xml, admin);
    expect(again.status).toBe(200);
    expect(again.body.totals).toMatchObject({ revisionsImported: 0, revisionsSkipped: 3 });
    expect(again.body.pages[0]).toMatchObject({ status: "unchanged", skipped: { "already imported": 3 } });
    expect(await ctx.db.revision.count({ where: { article: { slug: "Hama_offensive_(dump)" } } })).toBe(3);
    expect(await ctx.db.user.count({ where: { imported: true } })).toBe(3);

    // A later dump with one more revision adds just that one.
    const later = dumpOf([
      {
        title: "Hama offensive (dump)",
        revisions: [
          ...HISTORY,
          { at: "2024-12-06T10:00:00Z", user: "Alice", comment: "more", text: "Hama is a city in Syria. More." },
        ],
      },
    ]);
    const third = await upload(later, admin);
    expect(third.body.totals).toMatchObject({ revisionsImported: 1, revisionsSkipped: 3 });
  });

  it("commits a page's revisions together as a chain: parents, recent changes, edit counts, null edits remembered", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    const text = (n: number) =>
      `Chain is a test.<ref name="s">Source.</ref>\n\n== Growth ==\n${Array.from({ length: n }, (_, i) => `Paragraph ${i}.<ref name="s" />`).join("\n\n")}`;
    const revisions: DumpRevisionInput[] = [
      { at: "2024-01-01T00:00:00Z", user: "Ann", comment: "start", text: text(1) },
      { at: "2024-01-02T00:00:00Z", user: "Ben", comment: "two", text: text(2) },
      // A null edit (the same text), then the same document written differently: neither is a revision.
      { at: "2024-01-03T00:00:00Z", user: "Ann", comment: "null", text: text(2) },
      { at: "2024-01-04T00:00:00Z", user: "Ann", comment: "spacing", text: `${text(2)}\n\n\n` },
      { at: "2024-01-05T00:00:00Z", user: "Ann", comment: "three", text: text(3) },
    ];
    // The same title twice in one dump: the second page's revisions land after the first page's.
    const later = { at: "2024-02-01T00:00:00Z", user: "Cat", comment: "again", text: text(4) };
    const xml = dumpOf([
      { title: "Chain page", revisions },
      { title: "Other chain page", revisions: [revisions[0]] },
      { title: "Chain_page", revisions: [later] },
    ]);
    const first = await upload(xml, admin);
    expect(first.body.totals, JSON.stringify(first.body)).toMatchObject({ revisionsImported: 5, revisionsSkipped: 2 });
    expect(first.body.pages.map((page: { title: string; status: string }) => [page.title, page.status])).toEqual([
      ["Chain page", "created"],
      ["Other chain page", "created"],
      ["Chain page", "updated"],
    ]);
    expect(first.body.pages[0].skipped).toEqual({
      "same text as the revision before it": 1,
      "same document as the revision before it": 1,
    });

    const chain = await ctx.db.revision.findMany({
      where: { article: { slug: "Chain_page" } },
      orderBy: { id: "asc" },
      include: { author: { select: { name: true, editCount: true } } },
    });
    expect(chain.map((r) => [r.summary, r.author.name, r.createdAt.toISOString()])).toEqual([
      ["start", "imported>Ann", "2024-01-01T00:00:00.000Z"],
      ["two", "imported>Ben", "2024-01-02T00:00:00.000Z"],
      ["three", "imported>Ann", "2024-01-05T00:00:00.000Z"],
      ["again", "imported>Cat", "2024-02-01T00:00:00.000Z"],
    ]);
    expect(chain.map((r) => r.parentId)).toEqual([null, chain[0].id, chain[1].id, chain[2].id]);
    const article = await ctx.db.article.findUniqueOrThrow({ where: { slug: "Chain_page" } });
    expect(article.currentRevisionId).toBe(chain[3].id);
    expect((await loadContent(ctx.db, chain[2])).sections[1].body.content).toHaveLength(3);
    // Ann made "start" and "three" here and "start" of the other page.
    expect(chain[0].author.editCount).toBe(3);
    const changes = await ctx.db.recentChange.findMany({
      where: { articleId: article.id },
      orderBy: { id: "asc" },
    });
    expect(changes.map((c) => [c.kind, c.revisionId, c.parentRevisionId, c.summary])).toEqual([
      ["create", chain[0].id, null, "start"],
      ["edit", chain[1].id, chain[0].id, "two"],
      ["edit", chain[2].id, chain[1].id, "three"],
      ["edit", chain[3].id, chain[2].id, "again"],
    ]);
    // No details: SQL NULL, not a JSON null.
    const [{ withDetails }] = await ctx.db.$queryRaw<Array<{ withDetails: number }>>`
      SELECT count(*)::int AS "withDetails" FROM "RecentChange" WHERE "articleId" = ${article.id} AND "details" IS NOT NULL`;
    expect(withDetails).toBe(0);
    expect(changes.map((c) => c.sizeDelta)).toEqual(chain.map((r, i) => r.sizeBytes - (chain[i - 1]?.sizeBytes ?? 0)));
    // The search document and links are the head's.
    const search = await ctx.db.searchDocument.findUniqueOrThrow({ where: { articleId: article.id } });
    expect(search.revisionId).toBe(chain[3].id);
    // Every dump revision is remembered, the null edits by the revision they repeated.
    const remembered = await ctx.db.importedRevision.findMany({
      where: { articleId: article.id },
      orderBy: { id: "asc" },
    });
    expect(remembered.map((row) => row.revisionId)).toEqual([
      chain[0].id,
      chain[1].id,
      chain[1].id,
      chain[1].id,
      chain[2].id,
      chain[3].id,
    ]);

    const again = await upload(xml, admin);
    expect(again.body.totals).toMatchObject({ revisionsImported: 0, revisionsSkipped: 7 });
    expect(await ctx.db.revision.count({ where: { articleId: article.id } })).toBe(4);
  });

  it("makes imported contributors that never sign in and never take over a local name", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    await upload(
      dumpOf([
        {
          title: "Sign in test",
          revisions: [{ at: "2024-01-01T00:00:00Z", user: "Mallory", comment: "", text: "Text." }],
        },
      ]),
      admin,
    );
    const imported = await ctx.db.user.findUniqueOrThrow({
      where: { nameKey: "imported>mallory" },
      omit: { passwordHash: false },
    });
    expect(imported).toMatchObject({ name: "imported>Mallory", imported: true });
    expect(imported.passwordHash).not.toMatch(/^\$argon2/);
    for (const password of ["", imported.passwordHash, "wiki-demo-password"])
      expect(await checkCredentials("imported>Mallory", password)).toBeNull();
    // Even with a real password hash planted on the row, the flag keeps it out.
    const donor = await registerUser({ db: ctx.db, name: "Donor Person", password: "a long passphrase here" });
    const real = await ctx.db.user.findUniqueOrThrow({ where: { id: donor.id }, omit: { passwordHash: false } });
    await ctx.db.user.update({ where: { id: imported.id }, data: { passwordHash: real.passwordHash } });
    expect(await checkCredentials("Donor Person", "a long passphrase here")).toMatchObject({ id: donor.id });
    expect(await checkCredentials("imported>Mallory", "a long passphrase here")).toBeNull();
    // Nobody can register an imported name, and a local Mallory is a different account.
    await expect(
      registerUser({ db: ctx.db, name: "imported>Mallory", password: "a long passphrase here" }),
    ).rejects.toMatchObject({ code: "bad_request" });
    const local = await registerUser({ db: ctx.db, name: "Mallory", password: "a long passphrase here" });
    expect(local.id).not.toBe(imported.id);
    expect(await checkCredentials("Mallory", "a long passphrase here")).toMatchObject({ id: local.id });
  });

  it("never rewrites history: revisions not newer than the current one are skipped", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    const author = await makeUser(ctx.db);
    await saveRevision({
      db: ctx.db,
      slug: "Local_first",
      baseRevisionId: null,
      authorId: author.id,
      content: generateArticle({ title: "Local first", sections: 1, references: 1, sectionChars: 200 }),
    });
    const result = await upload(dumpOf([{ title: "Local first", revisions: [HISTORY[1]] }]), admin);
    expect(result.body.pages[0]).toMatchObject({
      status: "unchanged",
      revisions: { imported: 0, skipped: 1 },
      skipped: { "not newer than the article's current revision (history is never rewritten)": 1 },
    });
  });

  it("refuses non-administrators, other content types, malformed XML and dumps over a limit, naming what", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    const reviewer = await makeUser(ctx.db, { role: "reviewer" });
    const xml = dumpOf([{ title: "Refused dump", revisions: [HISTORY[1]] }]);
    expect((await upload(xml, reviewer)).status).toBe(403);
    expect((await upload(xml, null)).status).toBe(401);
    expect((await upload(xml, admin, "text/plain")).status).toBe(415);
    const broken = await upload(xml.replace("</page>", ""), admin);
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/^dump: .*not closed/);
    const laughs = await upload(`<!DOCTYPE x [<!ENTITY a "aaaa">]>${xml}`, admin);
    expect(laughs.body.error.message).toMatch(/DOCTYPE/);
    expect(await ctx.db.article.count({ where: { slug: "Refused_dump" } })).toBe(0);

    // Limits, through the use case with small bounds: 413 naming the limit, what came before kept and reported.
    const actor = await loadActor(ctx.db, admin.id);
    const two = dumpOf([
      { title: "Limit one", revisions: [HISTORY[1]] },
      { title: "Limit two", revisions: [HISTORY[1]] },
    ]);
    const limits = { maxBytes: 1e7, maxPages: 1, maxRevisions: 100, maxRevisionChars: 1e6, maxBatchChars: 1e6 };
    const error = await importDump({ db: ctx.db, actor, source: [two], limits }).catch((e) => e);
    expect(error).toMatchObject({ status: 413, details: { limit: "maxPages" } });
    expect(error.message).toMatch(/maxPages.*1 revisions of 1 pages were imported/);
  });
});

describe("export", () => {
  it("answers wikitext of the current or an old revision, as a download with the script-free headers", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    await upload(dumpOf([{ title: "Exported", revisions: HISTORY.slice(0, 2) }]), admin);
    const [first] = await ctx.db.revision.findMany({
      where: { article: { slug: "Exported" } },
      orderBy: { id: "asc" },
    });
    const current = await get(exportRoute.GET as RouteHandler, "/wiki/Exported/export?format=wikitext", {
      slug: "Exported",
    });
    expect(current.status).toBe(200);
    expect(current.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(current.headers.get("content-disposition")).toMatch(/^attachment; filename="Exported.wiki"/);
    expect(current.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(current.text).toContain("== Battle ==");
    const old = await get(exportRoute.GET as RouteHandler, `/wiki/Exported/export?oldid=${first.id}`, {
      slug: "Exported",
    });
    expect(old.text).not.toContain("Battle");
    expect(old.headers.get("cache-control")).toMatch(/immutable/);
    const bad = await get(exportRoute.GET as RouteHandler, "/wiki/Exported/export?format=pdf", { slug: "Exported" });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.message).toMatch(/format/);
    expect((await get(exportRoute.GET as RouteHandler, "/wiki/Nope/export", { slug: "Nope" })).status).toBe(404);
    expect(
      (await get(exportRoute.GET as RouteHandler, "/wiki/Exported/export?format=xml&limit=1000", { slug: "Exported" }))
        .status,
    ).toBe(400);
  });

  it("round-trips corpus articles with history through MediaWiki XML: importing the export gives the same documents", async () => {
    const admin = await makeUser(ctx.db, { role: "admin" });
    const files = ["Goryeo-ware.txt", "Wendy-Mogel.txt", "RNDIS.txt"];
    const pages = files.map((file, index) => {
      const text = fs.readFileSync(path.join(CORPUS, file), "utf8");
      const title = `Round trip ${index}`;
      return {
        title,
        revisions: [
          { at: `2023-0${index + 1}-01T00:00:00Z`, user: "Alice", comment: "start", text: text.split(/\n==[^=]/)[0] },
          { at: `2023-0${index + 1}-02T00:00:00Z`, user: "Bob", comment: "whole", text },
          {
            at: `2023-0${index + 1}-03T00:00:00Z`,
            user: "203.0.113.8",
            ip: true,
            comment: "more",
            text: `${text}\n\n== Added ==\nOne more section.`,
          },
        ],
      };
    });
    const imported = await upload(dumpOf(pages), admin);
    expect(imported.body.totals).toMatchObject({ pagesImported: 3, revisionsImported: 9 });

    for (const page of pages) {
      const slug = page.title.replace(/ /g, "_");
      const exported = await get(exportRoute.GET as RouteHandler, `/wiki/${slug}/export?format=xml&history=1`, {
        slug,
      });
      expect(exported.status).toBe(200);
      expect(exported.headers.get("content-type")).toBe("application/xml; charset=utf-8");
      expect(exported.text.match(/<revision>/g)).toHaveLength(3);
      // Imported again under another title: the same documents, dates, comments and contributors.
      const copy = `${page.title} copy`;
      const again = await upload(
        exported.text.replace(`<title>${page.title}</title>`, `<title>${copy}</title>`),
        admin,
      );
      expect(again.body.totals, JSON.stringify(again.body)).toMatchObject({
        revisionsImported: 3,
        revisionsSkipped: 0,
      });
      const originals = await ctx.db.revision.findMany({ where: { article: { slug } }, orderBy: { id: "asc" } });
      const copies = await ctx.db.revision.findMany({
        where: { article: { slug: copy.replace(/ /g, "_") } },
        orderBy: { id: "asc" },
      });
      expect(copies.map((r) => [r.createdAt, r.authorId, r.summary])).toEqual(
        originals.map((r) => [r.createdAt, r.authorId, r.summary]),
      );
      for (const [index, original] of originals.entries()) {
        const a = await loadContent(ctx.db, original);
        const b = await loadContent(ctx.db, copies[index]);
        expect({ ...b, title: a.title }).toEqual(a);
      }
    }

    // The whole site, for administrators only.
    const reader = await makeUser(ctx.db);
    expect((await get(siteExportRoute.GET as RouteHandler, "/admin/export", {}, reader)).status).toBe(403);
    const site = await get(siteExportRoute.GET as RouteHandler, "/admin/export", {}, admin);
    expect(site.status).toBe(200);
    expect(site.text.match(/<page>/g)?.length).toBeGreaterThanOrEqual(6);
    expect(site.text.trimEnd().endsWith("</mediawiki>")).toBe(true);
  });
});
