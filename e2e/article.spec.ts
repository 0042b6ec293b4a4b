import { expect, test } from "@playwright/test";

const ARTICLE = "/wiki/2024_Hama_offensive";

test.describe("reading the demo article", () => {
  test("shows infobox, contents, every section, citations, references, notes and tags", async ({ page }, testInfo) => {
    await page.goto(ARTICLE);
    await expect(page.getByRole("heading", { level: 1, name: "2024 Hama offensive" })).toBeVisible();

    // Protection notice with its padlock.
    await expect(page.locator(".protection-notice")).toContainText("extended-confirmed protected");
    await expect(page.locator(".article-title .padlock")).toBeVisible();

    // Infobox with all its rows.
    const infobox = page.locator("table.infobox");
    await expect(infobox).toBeVisible();
    for (const label of [
      "Date",
      "Location",
      "Status",
      "Territorial changes",
      "Belligerents",
      "Commanders and leaders",
      "Units involved",
      "Casualties and losses",
    ]) {
      await expect(infobox.getByText(label, { exact: true }).first()).toBeVisible();
    }
    await expect(infobox).toContainText("(5 days)");

    // Table of contents lists every section, and every section is on the page.
    const sections = [
      "Background",
      "Battle",
      "Opening advances",
      "Fighting on the outskirts",
      "Fall of Hama",
      "Subsequent opposition advances",
      "Aftermath",
      "Analysis",
      "Notes",
      "References",
    ];
    const toc = page.locator("nav.toc-sidebar");
    for (const title of sections) {
      await expect(toc.getByRole("link", { name: new RegExp(`^[\\d.]+ ${title}$`) })).toBeVisible();
      await expect(page.locator(".article-body").getByRole("heading", { name: title, exact: true })).toBeVisible();
    }
    await expect(page.locator(".article-body h3")).toHaveCount(4);

    // The quote box with its attribution and its own citation.
    const quote = page.locator("figure.quote-box");
    await expect(quote).toBeVisible();
    await expect(quote.locator("figcaption")).toContainText("Amr");
    await expect(quote.locator("figcaption sup.reference")).toHaveCount(1);

    // Maintenance tags, as superscript italics.
    await expect(page.locator("sup.maintenance-tag i").filter({ hasText: "clarification needed" })).toHaveCount(1);
    await expect(page.locator("sup.maintenance-tag i").filter({ hasText: "unreliable source?" })).toHaveCount(1);

    // Notes list a–e, whose own text carries citations.
    const notes = page.locator("ol.note-list > li");
    await expect(notes).toHaveCount(5);
    await expect(notes.first().locator("sup.reference").first()).toBeVisible();
    await expect(page.locator("sup.note-ref a")).toHaveText(["[a]", "[b]", "[c]", "[d]", "[e]"]);

    // 40+ references, several reused with lettered backlinks.
    const references = page.locator("ol.reference-list > li");
    expect(await references.count()).toBeGreaterThanOrEqual(40);
    const reused = page.locator("ol.reference-list > li").filter({ has: page.locator(".backlinks a:nth-of-type(2)") });
    expect(await reused.count()).toBeGreaterThanOrEqual(5);
    const fiveTimes = page
      .locator("ol.reference-list > li")
      .filter({ has: page.locator(".backlinks a:nth-of-type(5)") });
    expect(await fiveTimes.count()).toBeGreaterThanOrEqual(1);

    // Citations are numbered by first use: the first [n] on the page is [1].
    await expect(page.locator(".article-body sup.reference:not(.note-ref) a").first()).toHaveText("[1]");

    await page.screenshot({ path: testInfo.outputPath("article.png"), fullPage: false });
  });

  test("a citation jumps to its reference, and a backlink jumps back", async ({ page }) => {
    await page.goto(ARTICLE);
    const citation = page.locator(".lead sup.reference a").first();
    const label = (await citation.textContent())!.replace(/[[\]]/g, "");
    const target = (await citation.getAttribute("href"))!;
    await citation.click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    const entry = page.locator(`li${target}`);
    await expect(entry).toBeInViewport();
    // The list numbers its entries in order, so the citation's number is the entry's position.
    expect(await entry.evaluate((li) => [...li.parentElement!.children].indexOf(li) + 1)).toBe(Number(label));

    // Every backlink of every reference points at a citation that exists on the page.
    const backlinkTargets = await page
      .locator("ol.reference-list .backlinks a")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(backlinkTargets.length).toBeGreaterThan(47);
    const missing = await page.evaluate(
      (ids) => ids.filter((id) => !document.getElementById(id!.slice(1))),
      backlinkTargets,
    );
    expect(missing).toEqual([]);

    const backlink = entry.locator(".backlinks a").first();
    const back = (await backlink.getAttribute("href"))!;
    await backlink.click();
    await expect(page.locator(back)).toBeInViewport();
  });

  test("an old revision shows a banner and its own content", async ({ page, request }) => {
    const history = await (await request.get(`/api/articles/2024_Hama_offensive`)).json();
    const current = history.revision.id as number;
    expect(history.revision.parentId).not.toBeNull();
    let oldest = history.revision.parentId as number;
    for (;;) {
      const revision = await (await request.get(`/api/articles/2024_Hama_offensive/revisions/${oldest}`)).json();
      if (revision.revision.parentId === null) break;
      oldest = revision.revision.parentId;
    }
    await page.goto(`${ARTICLE}?oldid=${oldest}`);
    await expect(page.locator(".old-revision-banner")).toContainText("This is an old revision of this page");
    await expect(page.locator(".old-revision-banner")).toContainText("regular");
    await expect(page.locator(".article-body").getByRole("heading", { name: "Background" })).toBeVisible();
    await expect(page.locator(".article-body").getByRole("heading", { name: "Aftermath" })).toHaveCount(0);
    await page.getByRole("link", { name: "Current revision", exact: true }).click();
    await expect(page.locator(".old-revision-banner")).toHaveCount(0);
    await expect(page.locator("article")).toHaveAttribute("data-revision-id", String(current));
  });

  test("the home page lists articles and the search finds them", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: "2024 Hama offensive" })).toBeVisible();
    await page.getByLabel("Search articles").first().fill("offensive");
    await page.getByLabel("Search articles").first().press("Enter");
    await expect(page).toHaveURL(/\/search\?q=offensive/);
    await expect(page.locator(".search-results").getByRole("link", { name: "2024 Hama offensive" })).toBeVisible();
    await page.getByLabel("Search articles").first().fill("2024 Hama offensive");
    await page.getByLabel("Search articles").first().press("Enter");
    await expect(page).toHaveURL(/\/wiki\/2024_Hama_offensive$/);
  });

  test("a missing article is a helpful 404", async ({ page }) => {
    const response = await page.goto("/wiki/No_such_article_here");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("No such article here");
    await expect(page.getByRole("link", { name: /Search for/ })).toBeVisible();
  });

  test("the article reads well on a phone", async ({ browser }, testInfo) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(ARTICLE);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await expect(page.locator("table.infobox")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("article-phone.png") });
    await page.close();
  });
});

test.describe("JSON API", () => {
  test("returns the current revision and refuses bad ids with the error shape", async ({ request }) => {
    const response = await request.get("/api/articles/2024_Hama_offensive");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.protection.level).toBe("extended");
    expect(body.sections.length).toBeGreaterThan(8);
    expect(body.references.length).toBeGreaterThanOrEqual(40);
    expect(body.notes).toHaveLength(5);
    expect(body.infobox.rows.length).toBeGreaterThan(5);

    const bad = await request.get("/api/articles/2024_Hama_offensive/revisions/abc");
    expect(bad.status()).toBe(400);
    // The one error shape, naming the field (as every refused input does).
    expect((await bad.json()).error).toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("revision id must be a whole number"),
      details: { issues: [{ path: "id", message: expect.any(String) }] },
    });
    const missing = await request.get("/api/articles/Nothing_here");
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
  });
});

test("a maintenance tag never wraps onto a line of its own, away from the claim it marks", async ({
  page,
}, testInfo) => {
  await page.goto(ARTICLE);
  const tag = page.locator("sup.maintenance-tag").filter({ hasText: "unreliable source?" });
  // "media,[7][unreliable source?]": a browser may break the line after "media," or between "]" and "[".
  await expect(tag.locator("xpath=preceding-sibling::*[1]")).toHaveClass(/reference/);
  /** How far below the end of the word "media," each mark starts (0 when on the same line). */
  const drops = () =>
    tag.evaluate((element) => {
      const citation = element.previousElementSibling!;
      const text = citation.previousSibling!;
      const range = document.createRange();
      range.setStart(text, text.textContent!.trimEnd().length - 1);
      range.setEnd(text, text.textContent!.trimEnd().length);
      const word = range.getBoundingClientRect().bottom;
      return [citation, element].map((mark) => Math.max(0, mark.getBoundingClientRect().bottom - word));
    });
  const wrapped: number[] = [];
  for (let width = 320; width <= 760; width += 8) {
    await page.setViewportSize({ width, height: 800 });
    if ((await drops()).some((drop) => drop > 10)) wrapped.push(width);
  }
  expect(wrapped, `a mark started a new line at these widths (px): ${wrapped.join(", ")}`).toEqual([]);
  await page.setViewportSize({ width: 376, height: 800 });
  await tag.locator("xpath=ancestor::p[1]").screenshot({ path: testInfo.outputPath("tag-at-376px.png") });
});

test("the site has an icon, so no page asks for a missing /favicon.ico", async ({ page }) => {
  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\//);
});
