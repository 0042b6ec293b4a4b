import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";

/** The demo accounts' password (prisma/seed/demo.ts). */
export const PASSWORD = "wiki-demo-password";

/** A page in a fresh browser context (in the given colour scheme and viewport), signed in through the login form as a demo account. */
export async function signedInPage(
  browser: Browser,
  username: string,
  options: Pick<BrowserContextOptions, "colorScheme" | "viewport"> = {},
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".site-account")).toContainText(username);
  return page;
}
