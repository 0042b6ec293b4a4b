import { expect, test } from "@playwright/test";
import { signedInPage } from "./sign-in";

test("a signed-out reader compares two non-adjacent revisions in both modes", async ({ page }, testInfo) => {
  await page.goto("/wiki/2024_Hama_offensive");
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page).toHaveURL(/\/wiki\/2024_Hama_offensive\/history$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2024 Hama offensive: revision history");

  const rowWith = (summary: string) => page.locator(".history-row").filter({ hasText: summary });
  const older = rowWith("Battle: opening advances");
  const newer = rowWith("Status: opposition victory");
  await expect(older).toHaveCount(1);
  await expect(newer.locator(".history-author")).toHaveText("veteran");
  await expect(newer.locator(".size-plus, .size-minus, .size-zero")).toHaveText(/^\([+−]?[\d,]+\)$/);
  await older.getByRole("radio", { name: /Compare from/ }).check();
  await newer.getByRole("radio", { name: /Compare to/ }).check();
  await page.getByRole("button", { name: "Compare selected revisions" }).first().click();

  await expect(page).toHaveURL(/\/diff\?(from=\d+&to=\d+|to=\d+&from=\d+)$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("difference between revisions");
  await expect(page.locator(".diff-revision").first()).toContainText("veteran");
  // The infobox's Status changed, with a citation added: shown field by field.
  const status = page.locator(".diff-infobox tr[data-field='Status']");
  await expect(status.locator("del")).toContainText("Ongoing");
  await expect(status.locator("ins .diff-cite")).toBeVisible();
  // A reference changed (its access date was added), shown in the references panel.
  await expect(page.locator(".diff-reference-changed").first()).toContainText("access date");
  // Sections added between the two revisions are named as such.
  await expect(page.locator(".diff-section-added").first()).toBeVisible();
  // A reviewer sees inserted citations naming their sources.
  await expect(page.locator(".diff-ins .diff-cite").first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("diff-inline.png"), fullPage: false });

  await page.getByRole("link", { name: "Side by side" }).click();
  await expect(page).toHaveURL(/mode=side-by-side/);
  await expect(page.locator(".diff-table").first()).toBeVisible();
  await expect(page.locator(".diff-cell-ins ins").first()).toBeVisible();
  await expect(page.locator(".diff-infobox tr[data-field='Status'] ins .diff-cite")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("diff-side-by-side.png"), fullPage: false });

  // Older / newer edit navigation walks the history.
  await page.getByRole("link", { name: "← Older edit" }).click();
  await expect(page.locator(".diff-revision").first()).toContainText("regular");
});

test("history links: prev, cur and permalinks", async ({ page }) => {
  await page.goto("/wiki/2024_Hama_offensive/history");
  const first = page.locator(".history-row").last();
  await expect(first.locator(".history-links")).toContainText("prev");
  await first.locator("a.history-date").click();
  await expect(page.locator(".old-revision-banner")).toBeVisible();
  await page.goto("/wiki/2024_Hama_offensive/history");
  await page.locator(".history-row").nth(1).getByRole("link", { name: "prev" }).click();
  await expect(page.locator(".diff-stats")).toContainText("changed");
  const api = await page.request.get("/api/articles/2024_Hama_offensive/revisions");
  expect((await api.json()).revisions.length).toBeGreaterThanOrEqual(5);
});

test("the diff summary counts infobox and reference changes, not only sections (issue 19)", async ({
  page,
}, testInfo) => {
  await page.goto("/wiki/2024_Hama_offensive/history");
  // This revision set the infobox's status (with a source) and the references' retrieval dates: no section's prose.
  const row = page.locator(".history-row").filter({ hasText: "Status: opposition victory" });
  await row.getByRole("link", { name: "prev", exact: true }).click();
  const stats = page.locator(".diff-stats");
  await expect(stats).toContainText(/\d+ infobox fields? changed/);
  await expect(stats).toContainText(/\d+ references? changed/);
  await page.screenshot({ path: testInfo.outputPath("diff-stats-infobox.png") });
});

test("restoring an old revision names the references it drops by their titles, not internal keys (issue 19)", async ({
  browser,
}, testInfo) => {
  const page = await signedInPage(browser, "admin");
  await page.goto("/wiki/2024_Hama_offensive/history");
  const oldest = await page.locator(".history-row").last().getAttribute("data-revision-id");
  await page.goto(`/wiki/2024_Hama_offensive/revert?revision=${oldest}&mode=restore`);
  const flags = page.locator(".diff-flags");
  await expect(flags).toContainText("uncited, so they were dropped");
  // Each dropped reference is its quoted title; a key (lowercase-with-hyphens, no spaces) is an internal name.
  const dropped = await flags.locator(".diff-dropped-references li").allTextContents();
  expect(dropped.length).toBeGreaterThan(5);
  for (const title of dropped) {
    expect(title).toMatch(/^“.+”$/);
    expect(title).not.toMatch(/^“[a-z0-9]+(-[a-z0-9]+)+”$/);
  }
  await expect(flags.locator("details summary")).toHaveText(`${dropped.length - 5} more`);
  await page.screenshot({ path: testInfo.outputPath("restore-dropped-titles.png") });
});
