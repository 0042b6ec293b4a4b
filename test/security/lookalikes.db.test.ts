import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../lib/articles/save-revision";
import { slugOfTitle } from "../../lib/articles/titles";
import { docFromMarkup } from "../../lib/document/markup";
import { applyMigrations } from "../../lib/db/migrate";
import { useTestDatabase } from "../db";
import { makeUser } from "../factories";
import { httpRequest, startAppServer, type AppServer } from "../server";

/*
 * Look-alikes, from the attacker's side against the real server: a title
 * that only looks like a (protected) article's, made with invisible or
 * text-direction characters or with letters of another script, and a
 * username that looks like a reserved name or another user's, are refused,
 * naming the character or the original. Rows from before the rule get their
 * skeletons when migrations run, and are protected the same way.
 */

const ctx = useTestDatabase();
let server: AppServer;
let editor: { id: number; name: string };
const PASSWORD = "lookalike-test-passphrase";
const lead = (text: string) => [{ id: "lead", title: "", level: 0 as const, body: docFromMarkup(text) }];

beforeAll(async () => {
  server = await startAppServer({
    databaseUrl: ctx.url,
    env: { WIKI_RATE_LIMITS: "off", WIKI_REGISTRATIONS_PER_HOUR: "1000" },
  });
  editor = await makeUser(ctx.db, { name: "lookalike_editor", role: "extendedconfirmed" });
  await saveRevision({
    db: ctx.db,
    slug: "Hama_offensive",
    baseRevisionId: null,
    content: { title: "Hama offensive", infobox: null, sections: lead("Protected."), references: [] },
    authorId: editor.id,
  });
  await ctx.db.article.update({ where: { slug: "Hama_offensive" }, data: { protectionLevel: "full" } });
});
afterAll(async () => server?.stop());

const createArticle = (title: string) =>
  httpRequest(server, "POST", `/api/articles/${encodeURIComponent(slugOfTitle(title))}/edits`, {
    user: editor,
    body: {
      baseRevisionId: null,
      title,
      summary: "new",
      content: { title, infobox: null, sections: lead("A copy."), references: [] },
    },
  });
const register = (username: string) =>
  httpRequest(server, "POST", "/api/users", { body: { username, password: PASSWORD } });

describe("titles", () => {
  it.each([
    ["zero-width space", "Hama\u200B offensive", "U+200B"],
    ["soft hyphen", "Ha\u00ADma offensive", "U+00AD"],
    ["word joiner", "Hama\u2060 offensive", "U+2060"],
    ["right-to-left override", "Hama \u202Eevisneffo", "U+202E"],
    ["zero-width joiner", "Hama offensive\u200D", "U+200D"],
    ["Hangul filler", "Hama\u3164offensive", "U+3164"],
  ])("refuses a title with a %s, naming the character", async (_, title, label) => {
    const before = await ctx.db.article.count();
    const response = await createArticle(title);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(label);
    expect(await ctx.db.article.count()).toBe(before);
  });

  it.each([
    ["a Cyrillic 'а' for the Latin 'a'", "H\u0430ma offensive"],
    ["a Greek omicron for 'o'", "Hama \u03BFffensive"],
    ["full-width letters", "\uFF28\uFF41\uFF4D\uFF41 offensive"],
    ["'rn' for 'm'", "Harna offensive"],
  ])("refuses a title with %s, naming the existing article", async (_, title) => {
    const before = await ctx.db.article.count();
    const response = await createArticle(title);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toContain("looks like the existing article 'Hama offensive'");
    expect(await ctx.db.article.count()).toBe(before);
  });

  it("still creates a title that only resembles no other", async () => {
    expect((await createArticle("Hama offensive (2025)")).status).toBe(201);
  });
});

describe("usernames", () => {
  it.each([
    ["a dotless i", "Adm\u0131n", "looks like the reserved name 'admin'"],
    ["a Latin alpha", "\u0251dmin", "looks like the reserved name 'admin'"],
    ["full-width letters", "\uFF41\uFF44\uFF4D\uFF49\uFF4E", "reserved"],
    ["'rn' for 'm'", "adrnin", "looks like the reserved name 'admin'"],
    ["a zero-width space", "ad\u200Bmin", "U+200B"],
    ["a right-to-left override", "nimda\u202E", "U+202E"],
    ["a soft hyphen", "ad\u00ADmin", "U+00AD"],
  ])("refuses a name with %s", async (_, name, message) => {
    const response = await register(name);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(message);
    expect(await ctx.db.user.count({ where: { name } })).toBe(0);
  });

  it("refuses a look-alike of an existing user, naming them", async () => {
    expect((await register("Emma Stone")).status).toBe(201);
    expect((await register("Bill Gates")).status).toBe(201);
    for (const [lookalike, original] of [
      ["Ernrna Stone", "Emma Stone"],
      ["Bi11 Gates", "Bill Gates"],
      ["BiII Gates", "Bill Gates"],
    ]) {
      const response = await register(lookalike);
      expect(response.status, lookalike).toBe(409);
      expect(response.body.error.message).toBe(`That username looks like the existing user '${original}'.`);
    }
  });
});

describe("rows from before the rule", () => {
  it("get their skeletons when migrations run, and are protected like new ones", async () => {
    await ctx.db.$executeRawUnsafe(`INSERT INTO "Article" (slug, title) VALUES ('Legacy_page', 'Legacy page')`);
    await ctx.db.$executeRawUnsafe(
      `INSERT INTO "User" (name, "nameKey", "passwordHash") VALUES ('Old Timer', 'old timer', 'x')`,
    );
    await applyMigrations(ctx.url);
    expect((await ctx.db.article.findUniqueOrThrow({ where: { slug: "Legacy_page" } })).titleSkeleton).not.toBeNull();
    const copy = await createArticle("Legacy p\u0430ge");
    expect(copy.status).toBe(409);
    expect(copy.body.error.message).toContain("'Legacy page'");
    const user = await register("0ld Timer");
    expect(user.status).toBe(409);
    expect(user.body.error.message).toContain("'Old Timer'");
  });
});
