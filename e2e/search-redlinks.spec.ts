import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { api, createArticle } from "./api";
import { signedInPage } from "./sign-in";

const SHOTS = "/tmp/search";
const paragraph = (...content: unknown[]) => ({ type: "doc", content: [{ type: "paragraph", content }] });

test("search finds a word of the demo article's sections, with a highlighted snippet; the header box suggests titles", async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto("/search?q=Salamiyah");
  const results = page.locator(".search-results");
  await expect(results.getByRole("link", { name: "2024 Hama offensive" })).toBeVisible();
  await expect(results.locator("mark").first()).toHaveText("Salamiyah");
  // Salamiyah is linked from the demo article but has no article: the page offers to create it.
  await expect(page.getByRole("link", { name: "Create the article “Salamiyah”" })).toHaveAttribute(
    "href",
    "/wiki/Salamiyah/edit",
  );
  await page.screenshot({ path: `${SHOTS}-1-results.png`, fullPage: true });

  // Suggestions as one types in the header (an App Router page runs the box's script).
  const box = page.getByRole("banner").getByRole("combobox", { name: "Search articles" });
  await box.fill("");
  await box.pressSequentially("2024 Ha", { delay: 40 });
  const list = page.getByRole("listbox", { name: "Suggested articles" });
  await expect(list.getByRole("option", { name: "2024 Hama offensive" })).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await page.screenshot({ path: `${SHOTS}-2-suggestions.png` });
  await box.press("ArrowDown");
  await expect(list.getByRole("option", { name: "2024 Hama offensive" })).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/wiki\/2024_Hama_offensive$/);

  // Escape closes the list; Enter then submits the search as a plain form would.
  await page.goto("/search");
  const again = page.getByRole("banner").getByRole("combobox", { name: "Search articles" });
  await again.pressSequentially("2024", { delay: 40 });
  await expect(page.getByRole("listbox", { name: "Suggested articles" })).toBeVisible();
  await again.press("Escape");
  await expect(again).toHaveAttribute("aria-expanded", "false");
  await again.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=2024$/);
  await expect(page.locator(".search-results")).toContainText("2024 Hama offensive");
});

test("a link to a missing article is red until the article is created, then blue without a restart", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const editor = await signedInPage(browser, "veteran");
  const slug = await createArticle(editor, "Red_links", "Mills line the river.");
  const missing = `Weir_${Date.now()}`;
  const missingTitle = missing.replace(/_/g, " ");
  const article = await (await editor.request.get(`/api/articles/${slug}`)).json();
  const title = slug.replace(/_/g, " ");
  // The editor adds a wiki link to the missing title to the lead.
  await api(editor, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: article.revision.id,
    title,
    summary: "link the weir",
    content: {
      title,
      infobox: null,
      references: [],
      sections: [
        {
          id: "lead",
          title: "",
          level: 0,
          body: paragraph(
            { type: "text", text: "Mills line the river above the " },
            { type: "text", text: "weir", marks: [{ type: "wikiLink", attrs: { title: missingTitle } }] },
            { type: "text", text: "." },
          ),
        },
        { id: "sec-history", title: "History", level: 2, body: paragraph({ type: "text", text: "Mills stood here." }) },
      ],
    },
  });

  // A signed-out reader (the cached page) and the editor both see it red.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/wiki/${slug}`);
  const readerLink = reader.locator(".lead a", { hasText: "weir" });
  await expect(readerLink).toHaveClass("new");
  await expect(readerLink).toHaveAttribute("title", `${missingTitle} (page does not exist)`);
  const red = await readerLink.evaluate((element) => getComputedStyle(element).color);
  await reader.reload();
  await expect(readerLink).toHaveClass("new");
  await editor.goto(`/wiki/${slug}`);
  await reader.screenshot({ path: `${SHOTS}-3-red-link.png`, fullPage: true });

  // "What links here" for the missing title lists the article.
  await editor.goto(`/wiki/${missing}/links`);
  await expect(editor.locator(".links-here")).toContainText(title);
  await editor.screenshot({ path: `${SHOTS}-4-links-here.png`, fullPage: true });

  // The editor follows the red link and creates the article in the editor.
  await editor.goto(`/wiki/${slug}`);
  await editor.locator(".lead a", { hasText: "weir" }).click();
  await expect(editor).toHaveURL(new RegExp(`/wiki/${missing}/edit$`));
  const text = editor.getByRole("textbox", { name: "Article text" });
  await text.click();
  await editor.keyboard.type("A weir holds back the river.");
  await editor.getByLabel("Edit summary").fill("new article");
  await editor.getByRole("button", { name: "Create article" }).click();
  await expect(editor).toHaveURL(new RegExp(`/wiki/${missing}\\?saved=1`));

  // Without a restart, the first article's link is blue for the signed-out reader and the editor.
  await reader.reload();
  await expect(readerLink).not.toHaveClass("new");
  await expect(readerLink).toHaveAttribute("href", `/wiki/${missing}`);
  expect(await readerLink.evaluate((element) => getComputedStyle(element).color)).not.toBe(red);
  await reader.screenshot({ path: `${SHOTS}-5-blue-link.png`, fullPage: true });
  await editor.goto(`/wiki/${slug}`);
  await expect(editor.locator(".lead a", { hasText: "weir" })).not.toHaveClass("new");
  await editor.goto(`/wiki/${missing}/links`);
  await expect(editor.locator(".links-here")).toContainText(title);
});

test("search, suggestions, red links and What links here pass axe in light and dark", async ({ browser }) => {
  // (The demo article itself, now with red links, is axe's in accessibility.spec.ts.)
  test.setTimeout(240_000);
  const found: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    const page = await (await browser.newContext({ colorScheme: scheme })).newPage();
    for (const path of ["/search?q=Salamiyah", "/wiki/Salamiyah/links", "/search?q=Feroccene+zzz"]) {
      await page.goto(path);
      found.push(...(await violations(page, `${scheme} ${path}`)));
    }
    await page.goto("/search?q=Salamiyah");
    await page.screenshot({ path: `${SHOTS}-6-results-${scheme}.png`, fullPage: true });
    await page.goto("/wiki/2024_Hama_offensive");
    await page.locator(".lead").screenshot({ path: `${SHOTS}-7-demo-red-links-${scheme}.png` });
    await page.goto("/search");
    await page.getByRole("banner").getByRole("combobox", { name: "Search articles" }).pressSequentially("2024", {
      delay: 40,
    });
    await expect(page.getByRole("option", { name: "2024 Hama offensive" })).toBeVisible();
    await page.getByRole("banner").getByRole("combobox", { name: "Search articles" }).press("ArrowDown");
    await expect(page.getByRole("option", { name: "2024 Hama offensive" })).toHaveAttribute("aria-selected", "true");
    found.push(...(await violations(page, `${scheme} suggestions open`)));
    await page.screenshot({ path: `${SHOTS}-8-suggestions-${scheme}.png` });
  }
  expect(found).toEqual([]);
});

/** The serious and critical WCAG 2.2 A/AA violations axe finds on the page, one line each. */
async function violations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) =>
      violation.nodes.slice(0, 3).map((node) => `${label}: ${violation.id} at ${node.target.join(" ")}`),
    );
}
