import { expect, test } from "@playwright/test";

/** Issue 19: a bad revision of an article that exists says what is wrong, never "Start the article". */
test("a revision that is not the article's own says so and leads to its history", async ({ page }, testInfo) => {
  // A revision id far past any the demo has: no such revision of this article.
  const response = await page.goto("/wiki/2024_Hama_offensive?oldid=99999999");
  expect(response?.status()).toBe(404);
  const notice = page.getByRole("alert");
  await expect(notice).toContainText('Revision 99999999 of "2024 Hama offensive" does not exist');
  await expect(page.getByText(/Start the article/)).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2024 Hama offensive");
  await page.screenshot({ path: testInfo.outputPath("bad-oldid.png") });
  await notice.getByRole("link", { name: "See its history" }).click();
  await expect(page).toHaveURL(/\/wiki\/2024_Hama_offensive\/history$/);

  // A diff whose revision belongs to another article: the history of another article gives one.
  await page.goto("/");
  const other = page.locator("a[href^='/wiki/']").filter({ hasNotText: "2024 Hama offensive" }).first();
  const otherHref = await other.getAttribute("href");
  expect(otherHref).toBeTruthy();
  await page.goto(`${otherHref}/history`);
  const foreignId = await page.locator(".history-row").first().getAttribute("data-revision-id");
  expect(foreignId).toMatch(/^\d+$/);
  const diff = await page.goto(`/wiki/2024_Hama_offensive/diff?from=${foreignId}`);
  expect(diff?.status()).toBe(404);
  await expect(page.getByRole("alert")).toContainText(`Revision ${foreignId} of "2024 Hama offensive" does not exist`);
  await expect(page.getByText(/Start the article/)).toHaveCount(0);

  // A malformed id names the parameter.
  const malformed = await page.goto("/wiki/2024_Hama_offensive?oldid=abc");
  expect(malformed?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("oldid");
  await page.screenshot({ path: testInfo.outputPath("bad-oldid-format.png") });
});
