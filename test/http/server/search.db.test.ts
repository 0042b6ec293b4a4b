import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent } from "../../../lib/document/model";
import { useTestDatabase } from "../../db";
import { makeUser, type TestUser } from "../../factories";
import { httpRequest, startAppServer, type AppServer } from "../../server";

const article = (
  title: string,
  lead: string,
  more: { section?: string; references?: ArticleContent["references"] } = {},
): ArticleContent => ({
  title,
  infobox: null,
  sections: [
    { id: "lead", title: "", level: 0, body: docFromMarkup(lead) },
    ...(more.section ? [{ id: "s1", title: "History", level: 2 as const, body: docFromMarkup(more.section) }] : []),
  ],
  references: more.references ?? [],
});

const newArticleBody = (title: string, text: string) => ({
  baseRevisionId: null,
  title,
  summary: "new article",
  content: {
    title,
    infobox: null,
    sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup(text) }],
    references: [],
  },
});

describe("full-text search, suggestions, red links and what links here", () => {
  const database = useTestDatabase();
  let server: AppServer;
  let author: TestUser;
  const revisions = new Map<string, number>();

  async function save(content: ArticleContent) {
    const slug = content.title.replace(/ /g, "_");
    const saved = await saveRevision({
      db: database.db,
      slug,
      baseRevisionId: revisions.get(slug) ?? null,
      content,
      authorId: author.id,
    });
    revisions.set(slug, saved.revisionId);
    return saved;
  }

  beforeAll(async () => {
    author = await makeUser(database.db, { name: "Searcher", role: "autoconfirmed" });
    await save(
      article("Mill valley", "A valley with old mills.", {
        section: "The Quetzalword harvest happens in spring near the mills.",
      }),
    );
    await save(
      article("Bridge history", "Bridges were built.[[ref:z]]", {
        references: [{ key: "z", title: "The Zanzibarium report on bridges", work: "Gazette Vorbrück" }],
      }),
    );
    await save(article("Ferrocene", "A compound."));
    await save(
      article("Organometallic chemistry", "Ferrocene ferrocene ferrocene, and ferrocene again: ferrocene.", {
        section: "Ferrocene is studied here. Ferrocene.",
      }),
    );
    await save(
      article(
        "Escaping test",
        'Before <script>alert(1)</script> I <3 AT&T "quoted", the Xylophonic <img src=x onerror=alert(1)> word <b>bold</b>.',
      ),
    );
    await save(article("Accent town", "The town of Salamīyah lies east of Hama; Müller wrote about it."));
    for (const title of ["Suggest alpha", "Suggest beta long", "Suggest gamma longest", "Unsuggested"]) {
      await save(article(title, "Words."));
    }
    await save(
      article("Linking page", "It links to [[wiki:Brand new place]] and to [[wiki:Ferrocene|the compound]].", {
        section: "Also [[wiki:brand_new place|again]].",
      }),
    );
    server = await startAppServer({ databaseUrl: database.url });
  });
  afterAll(async () => server?.stop());

  const page = async (path: string, user?: TestUser) => {
    const response = await httpRequest(server, "GET", path, { user });
    return { ...response, html: response.text };
  };

  it("finds a word that is only in a section, with a highlighted snippet", async () => {
    const { status, html } = await page("/search?q=quetzalword");
    expect(status).toBe(200);
    expect(html).toContain('href="/wiki/Mill_valley"');
    expect(html).toContain("<mark>Quetzalword</mark>");
    expect(html).toContain("1 result for");
  });

  it("finds a word of a reference title and of a reference's work", async () => {
    expect((await page("/search?q=zanzibarium")).html).toContain('href="/wiki/Bridge_history"');
    // Accents and case do not matter (wiki_search: simple + unaccent): Vorbrück found as vorbruck.
    expect((await page("/search?q=VORBRUCK")).html).toContain('href="/wiki/Bridge_history"');
  });

  it("ranks an article whose title matches before one that only mentions the word often", async () => {
    const { html } = await page("/search?q=ferrocene&fulltext=1");
    const titled = html.indexOf('href="/wiki/Ferrocene"');
    const mentioning = html.indexOf('href="/wiki/Organometallic_chemistry"');
    expect(titled).toBeGreaterThan(0);
    expect(mentioning).toBeGreaterThan(titled);
  });

  it("goes straight to an article whose title is the search, and offers to create a missing one", async () => {
    const exact = await page("/search?q=ferrocene");
    expect(exact.status).toBe(307);
    expect(exact.headers.get("location")).toContain("/wiki/Ferrocene");
    const missing = await page("/search?q=Quetzalword");
    expect(missing.html).toContain('href="/wiki/Quetzalword/edit"');
    expect(missing.html).toContain("Create the article");
  });

  it("escapes article text in snippets: no markup from an article reaches the page", async () => {
    const { html } = await page("/search?q=xylophonic");
    expect(html).toContain("<mark>Xylophonic</mark>");
    // ts_headline drops what its parser takes for tags (<script>, <b>); everything else is text React escapes.
    expect(html).toContain(
      "I &lt;3 AT&amp;T &quot;quoted&quot;, the <mark>Xylophonic</mark> &lt;img src=x onerror=alert(1)&gt; word",
    );
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<b>bold</b>");
  });

  it("matches across accents and suggests a near-miss title", async () => {
    expect((await page("/search?q=salamiyah")).html).toContain('href="/wiki/Accent_town"');
    expect((await page("/search?q=Mueller+OR+muller")).html).toContain('href="/wiki/Accent_town"');
    const nearMiss = await page("/search?q=Feroccene");
    expect(nearMiss.html).toMatch(/Did you mean: <a href="\/wiki\/Ferrocene">Ferrocene<\/a>/);
  });

  it("answers an empty, a too long or an odd search without an error", async () => {
    const empty = await page("/search?q=");
    expect(empty.status).toBe(200);
    expect(empty.html).not.toContain("search-summary");
    const long = await page(`/search?q=${"a".repeat(301)}`);
    expect(long.status).toBe(200);
    expect(long.html).toContain("q must be at most 300 characters");
    for (const q of [
      "%01salamiyah",
      "%F0%9F%98%80",
      "%E2%80%AE%E2%80%8B",
      "%ED%A0%80",
      "!!!%20%26%7C",
      "'\"():*",
      "-",
      "%22%22",
    ]) {
      const odd = await page(`/search?q=${q}&fulltext=1`);
      expect(odd.status, q).toBe(200);
      expect(odd.html, q).toContain('class="page-title">Search<');
    }
    // A NUL, which PostgreSQL's text cannot hold, is refused in front of the page, never a 500.
    expect((await page("/search?q=%00salamiyah")).status).toBeLessThan(500);
    expect((await page("/search?q=%01%1Fsalamiyah")).html).toContain('href="/wiki/Accent_town"');
    expect((await page("/search?q=a&page=51")).html).toContain("page must be a whole number from 1 to 50");
  });

  it("suggests titles by prefix, shortest first, up to the limit, and refuses bad input naming the field", async () => {
    const three = await httpRequest(server, "GET", "/api/search/suggest?q=sugg");
    expect(three.status).toBe(200);
    expect(three.body.suggestions.map((s: { title: string }) => s.title)).toEqual([
      "Suggest alpha",
      "Suggest beta long",
      "Suggest gamma longest",
    ]);
    const two = await httpRequest(server, "GET", "/api/search/suggest?q=SUGGEST%20&limit=2");
    expect(two.body.suggestions).toEqual([
      { title: "Suggest alpha", slug: "Suggest_alpha" },
      { title: "Suggest beta long", slug: "Suggest_beta_long" },
    ]);
    expect((await httpRequest(server, "GET", "/api/search/suggest?q=%25")).body.suggestions).toEqual([]);
    expect((await httpRequest(server, "GET", "/api/search/suggest?q=_")).body.suggestions).toEqual([]);
    for (const [query, field] of [
      ["", "q is required"],
      ["q=", "q is required"],
      [`q=${"x".repeat(301)}`, "q must be at most 300"],
      ["q=a&limit=0", "limit must be"],
      ["q=a&limit=11", "limit must be"],
      ["q=a&limit=x", "limit must be"],
    ]) {
      const refused = await httpRequest(server, "GET", `/api/search/suggest?${query}`);
      expect(refused.status, query).toBe(400);
      expect(refused.body.error.message, query).toContain(field);
    }
  });

  it("keeps the search document current on every save", async () => {
    expect((await page("/search?q=quetzalword")).html).toContain("1 result");
    await save(article("Mill valley", "A valley with old mills.", { section: "Now the Yarrowind harvest." }));
    expect((await page("/search?q=quetzalword")).html).toContain("No article contains");
    expect((await page("/search?q=yarrowind")).html).toContain('href="/wiki/Mill_valley"');
  });

  it("shows a link to a missing article red, and blue at once after the article is created, on every cached path", async () => {
    const creator = await makeUser(database.db, { name: "Creator", role: "user" });
    const oldid = revisions.get("Linking_page")!;
    const red = '<a href="/wiki/Brand_new_place/edit" class="new" title="Brand new place (page does not exist)">';
    for (let i = 0; i < 3; i++) {
      // first the route fills the page cache; then the fast path answers from it
      const view = await page("/wiki/Linking_page");
      expect(view.html).toContain(red);
      expect(view.html).toContain('<a href="/wiki/Ferrocene">the compound</a>');
    }
    expect((await page("/wiki/Linking_page", creator)).html).toContain(red);
    const old = await page(`/wiki/Linking_page?oldid=${oldid}`);
    expect(old.html).toContain(red);
    expect(old.headers.get("cache-control")).toBe("no-cache");
    const links = await page("/wiki/Brand_new_place/links");
    expect(links.status).toBe(200);
    expect(links.html).toContain('href="/wiki/Linking_page"');
    expect(links.html).toContain("does not exist yet");

    const created = await httpRequest(server, "POST", "/api/articles/Brand_new_place/edits", {
      user: creator,
      body: newArticleBody("Brand new place", "Now it exists."),
    });
    expect(created.status).toBe(201);

    const blue = '<a href="/wiki/Brand_new_place">';
    for (let i = 0; i < 3; i++) {
      const view = await page("/wiki/Linking_page");
      expect(view.html).toContain(`${blue}Brand new place</a>`);
      expect(view.html).toContain(`${blue}again</a>`);
      expect(view.html).not.toContain('class="new"');
    }
    expect((await page("/wiki/Linking_page", creator)).html).not.toContain('class="new"');
    expect((await page(`/wiki/Linking_page?oldid=${oldid}`)).html).toContain(`${blue}Brand new place</a>`);
    const after = await page("/wiki/Brand_new_place/links");
    expect(after.html).toContain('href="/wiki/Linking_page"');
    expect(after.html).not.toContain("does not exist yet");
    // The article tools lead there.
    expect((await page("/wiki/Brand_new_place")).html).toContain('href="/wiki/Brand_new_place/links"');
  });

  it("drops a link from the links table when the revision no longer has it", async () => {
    await save(article("Linking page", "No links any more."));
    const links = await page("/wiki/Ferrocene/links");
    expect(links.html).not.toContain('href="/wiki/Linking_page"');
    expect(links.html).toContain("No article links to");
  });
});
