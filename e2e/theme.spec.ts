import { expect, test, type Page } from "@playwright/test";

/** The page background, polled by the tests: right after a redirect the stylesheets may not have loaded yet. */
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const DARK = "rgb(16, 20, 24)";
const LIGHT = "rgb(255, 255, 255)";

async function chooseColours(page: Page, choice: "System" | "Light" | "Dark") {
  const form = page.locator("form.theme-switch");
  await form.getByLabel("Colours").selectOption({ label: choice });
  await form.getByRole("button", { name: "Apply" }).click();
}

/** Issue 19: dark mode has a switch that needs no script and survives the signed-out page cache. */
test("a reader switches to dark and back, on the page they were reading", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ colorScheme: "light" });
  const page = await context.newPage();
  await page.goto("/wiki/2024_Hama_offensive");
  await expect.poll(() => background(page)).toBe(LIGHT);

  await chooseColours(page, "Dark");
  await expect(page).toHaveURL(/\/wiki\/2024_Hama_offensive$/);
  await expect.poll(() => background(page)).toBe(DARK);
  // Links in running text are underlined in dark mode, where their colour alone is too close to the text's.
  const bodyLink = page.locator(".article-body p a").first();
  expect(await bodyLink.evaluate((link) => getComputedStyle(link).textDecorationLine)).toBe("underline");
  await page.screenshot({ path: testInfo.outputPath("article-dark.png") });

  // Another page, served from the same cached HTML as everyone's, is dark too: the choice lives in /theme.css.
  await page.goto("/wiki/2024_Hama_offensive/history");
  await expect.poll(() => background(page)).toBe(DARK);

  await chooseColours(page, "System");
  await expect(page).toHaveURL(/\/history$/);
  await expect.poll(() => background(page)).toBe(LIGHT);
  await context.close();
});

test("a reader whose system is dark can choose light", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/");
  await expect.poll(() => background(page)).toBe(DARK);
  await chooseColours(page, "Light");
  await expect.poll(() => background(page)).toBe(LIGHT);
  await context.close();
});

test("the switch refuses a cross-site post and an unknown theme", async ({ request, baseURL }) => {
  const crossSite = await request.post("/api/preferences/theme", {
    headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
    data: "theme=dark",
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  const unknown = await request.post("/api/preferences/theme", {
    headers: { origin: baseURL ?? "", "content-type": "application/x-www-form-urlencoded" },
    data: "theme=purple",
    maxRedirects: 0,
  });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).error.message).toContain("theme");
});
