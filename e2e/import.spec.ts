import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { appendToSection } from "./editor";
import { signedInPage } from "./sign-in";

// Issue 21: an administrator pastes a real article's wikitext, reads the import report, opens the result;
// a reviewer is told the page is for administrators.

const CORPUS = path.resolve(import.meta.dirname, "../../shared/corpus/wikitext");

test("an administrator imports a pasted article, reads the report and opens the result", async ({ browser }) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);
  const title = `Imported Goryeo ware ${stamp}`;
  const wikitext = fs.readFileSync(path.join(CORPUS, "Goryeo-ware.txt"), "utf8");

  for (const scheme of ["light", "dark"] as const) {
    const admin = await signedInPage(browser, "admin", { colorScheme: scheme });
    await admin.goto("/admin");
    await admin.getByRole("link", { name: "Import from MediaWiki" }).click();
    await expect(admin.getByRole("heading", { name: "Import from MediaWiki" })).toBeVisible();
    expect(await violations(admin)).toEqual([]);
    await admin.getByLabel("Title").fill(scheme === "light" ? title : `${title} dark`);
    await admin.getByLabel("Wikitext").fill(wikitext);
    await admin.getByRole("button", { name: "Import" }).click();

    const report = admin.getByRole("region", { name: /Import report/ });
    await expect(report.getByRole("status")).toContainText("Created the article");
    await expect(report.getByRole("table", { name: /Mapped: \d+/ })).toContainText("citation");
    await expect(report.getByRole("table", { name: /Kept opaque: \d+/ })).toBeVisible();
    await expect(report).toContainText("4 ref tags became 4 citations of 4 references");
    expect(await violations(admin)).toEqual([]);
    await admin.screenshot({ path: `/tmp/import21-report-${scheme}.png`, fullPage: true });

    await report.getByRole("link", { name: /Open/ }).click();
    await expect(admin.getByRole("heading", { level: 1 })).toContainText("Imported Goryeo ware");
    await expect(admin.locator(".infobox")).toBeVisible();
    await expect(admin.locator("sup.reference").first()).toBeVisible();
    expect(await violations(admin)).toEqual([]);
    await admin.screenshot({ path: `/tmp/import21-article-${scheme}.png`, fullPage: true });
    await admin.context().close();
  }

  // The imported article edits like any other: a section with templates, categories and a list is edited in the
  // editor and published; its opaque templates, figures and table-free text come back intact.
  const editor = await signedInPage(browser, "admin");
  const slug = title.replace(/ /g, "_");
  await editor.goto(`/wiki/${slug}`);
  const templates = await editor.locator(".wiki-template").count();
  const figures = await editor.locator("figure.wiki-figure").count();
  expect(templates).toBeGreaterThan(3);
  await appendToSection(editor, {
    slug,
    sectionId: "external-links",
    shows: "Template: Commonscat",
    sentence: "Edited after the import.",
    summary: "edit after import",
  });
  await expect(editor.locator('section[data-section-id="external-links"]')).toContainText("Edited after the import.");
  await expect(editor.locator(".wiki-template")).toHaveCount(templates);
  await expect(editor.locator("figure.wiki-figure")).toHaveCount(figures);
  await editor.goto(`/wiki/${slug}/history`);
  await expect(editor.getByText("edit after import")).toBeVisible();

  // Importing again into the same article adds nothing when nothing changed; a reviewer may not import.
  const reviewer = await signedInPage(browser, "reviewer");
  await reviewer.goto("/admin/import");
  await expect(reviewer.getByRole("note")).toContainText("Only administrators can import articles.");
  await expect(reviewer.getByLabel("Wikitext")).toHaveCount(0);
  const refused = await reviewer.request.post("/api/import", {
    data: { title, wikitext: "x" },
    headers: { origin: new URL(reviewer.url()).origin },
  });
  expect(refused.status()).toBe(403);
});
