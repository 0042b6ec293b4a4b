import { expect, test } from "@playwright/test";
import { signedInPage } from "./sign-in";

/** Issue 19: the admin's tools are found from the header, say what they did, and show only the fields an action uses. */
test("an admin finds the tools, blocks an account from its user page and sees it on the block list", async ({
  browser,
}, testInfo) => {
  // A fresh account, so blocking it changes nothing other tests rely on.
  const target = `Vandal ${Date.now().toString(36)}`;
  const registering = await (await browser.newContext()).newPage();
  await registering.goto("/register");
  await registering.getByLabel("Username").fill(target);
  await registering.getByLabel("Password", { exact: true }).fill("a quiet evening by the river");
  await registering.getByLabel("Confirm password").fill("a quiet evening by the river");
  await registering.getByRole("button", { name: "Create account" }).click();
  await expect(registering.locator(".site-account")).toContainText(target);

  const page = await signedInPage(browser, "admin");
  await page.locator(".site-account").getByRole("link", { name: "Admin", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");
  await page.getByRole("link", { name: "Manage users" }).click();
  await page.getByLabel("Find a user").fill(target);
  await page.getByRole("button", { name: "Find" }).click();
  const form = page.getByRole("form", { name: `Change rights of ${target}` });
  // Granting a group asks for the group, not an expiry.
  await expect(form.getByLabel("Group")).toBeVisible();
  await expect(form.getByLabel(/Block expires/)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("admin-users.png") });

  await page.getByRole("link", { name: target }).click();
  const admin = page.getByRole("region", { name: "Administer this account" });
  // Blocking asks for an expiry, not a group. (A choice made before the form's script has run is reset by
  // hydration on a loaded machine: choose again until the form answers.)
  await expect(async () => {
    await admin.getByLabel("Action").selectOption("block");
    await expect(admin.getByLabel("Group")).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(admin.getByLabel(/Block expires/)).toBeVisible();
  await admin.getByLabel("Reason").fill("Repeated vandalism of protected articles");
  await admin.getByRole("button", { name: "Apply" }).click();
  await expect(admin.getByRole("status")).toHaveText(
    `${target} is blocked indefinitely. The change is in the rights log.`,
  );
  await expect(page.locator(".notice-warning")).toContainText("blocked indefinitely");
  await page.screenshot({ path: testInfo.outputPath("user-page-blocked.png") });

  await page.goto("/admin/blocks");
  const row = page.locator("tr").filter({ hasText: target });
  await expect(row).toContainText("Repeated vandalism of protected articles");
  await expect(row).toContainText("indefinite");
  await expect(row).toContainText("admin");
  await page.screenshot({ path: testInfo.outputPath("block-list.png") });
});

test("the first tab stop of a page skips to its content (WCAG 2.4.1)", async ({ page }) => {
  await page.goto("/wiki/2024_Hama_offensive");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#content$/);
});

test("the review badge's accessible name starts with what it shows", async ({ browser }) => {
  const page = await signedInPage(browser, "reviewer");
  const badge = page.locator(".site-account a.review-count");
  // What a sighted user reads: the link's text without its visually hidden part.
  const shown = await badge.evaluate((link) => {
    const copy = link.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll(".visually-hidden")) hidden.remove();
    return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
  });
  expect(shown).toMatch(/^Review \d+$/);
  await expect(page.getByRole("link", { name: new RegExp(`^${shown}`) })).toHaveCount(1);
});
