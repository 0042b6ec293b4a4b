import { mkdirSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createArticle } from "./api";
import { appendToSection } from "./editor";
import { signedInPage } from "./sign-in";

/*
 * The editor by keyboard and on a phone, and the word after publishing (issue 19): the toolbar is one tab
 * stop with arrow keys inside (WAI-ARIA toolbar pattern), every tool is in sight on a 372 px phone,
 * Wikipedia's access keys preview and publish, and the article says the edit was published.
 */

const SHOTS = "/tmp/shots-editor-access";
const PHONE = { width: 372, height: 800 };
const LEAD = "The river turns the old wheels of the town.";
const HISTORY = "Mills stood here for centuries.";
const SENTENCE = "A second mill was built upstream in 1902.";

const toolbarOf = (page: Page) => page.getByRole("toolbar", { name: "Formatting" });
const tool = (page: Page, name: string) => toolbarOf(page).getByRole("button", { name, exact: true });

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test("the toolbar is one tab stop: arrows, Home and End move inside it, Tab goes on to the text", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "regular");
  await page.goto("/wiki/Hama/edit?section=sec-norias");
  const text = page.getByRole("textbox", { name: "Section text" });
  await expect(text).toContainText("About seventeen of them survive");
  const tag = toolbarOf(page).getByRole("combobox", { name: "Insert maintenance tag" });
  const tagsBefore = await text.locator("sup.maintenance-tag").count();

  /** Presses `key` and expects the focus on `target` after it. */
  const press = async (key: string, target: Locator) => {
    await page.keyboard.press(key);
    await expect(target).toBeFocused();
  };

  // The caret in a paragraph, where every insert tool applies (not in the section's heading).
  await text.click();
  await page.keyboard.press("Control+End");
  // From the link before the editor: one Tab into the toolbar, the next one into the text.
  await page.getByRole("link", { name: "Edit the whole article" }).focus();
  await press("Tab", tool(page, "H2: heading"));
  await expect(toolbarOf(page).locator('[tabindex="0"]')).toHaveCount(1);
  await press("Tab", text);
  await press("Shift+Tab", tool(page, "H2: heading"));

  // Right and Left move (wrapping), Home and End go to the ends; Undo and Redo, disabled, are skipped.
  await press("ArrowRight", tool(page, "H3: subheading"));
  await press("End", tag);
  await press("ArrowLeft", tool(page, "Insert note"));
  await press("ArrowLeft", tool(page, "Cite: insert citation"));
  await expect(tool(page, "Redo")).toBeDisabled();
  await press("ArrowLeft", tool(page, "Quote box"));
  await press("Home", tool(page, "H2: heading"));
  await press("ArrowLeft", tag);
  await press("ArrowRight", tool(page, "H2: heading"));
  // Left and Right on the tag menu moved the focus; they did not pick a tag.
  await expect(text.locator("sup.maintenance-tag")).toHaveCount(tagsBefore);

  // The toolbar's tab stop is where the focus last was in it.
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await expect(tool(page, "Bold")).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/1-toolbar-focus.png` });
  await press("Tab", text);
  await press("Shift+Tab", tool(page, "Bold"));
  await expect(toolbarOf(page).locator('[tabindex="0"]')).toHaveCount(1);
  await page.context().close();
});

test("on a 372 px phone every tool is in sight, Cite first of the insert tools, and nothing scrolls sideways", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "regular", { viewport: PHONE });
  for (const address of ["/wiki/Hama/edit?section=sec-norias", "/wiki/Hama/edit"]) {
    await page.goto(address);
    await expect(page.locator(".editor-main")).toContainText("About seventeen of them survive");
    const controls = toolbarOf(page).locator("button, select");
    expect(await controls.count()).toBeGreaterThanOrEqual(15);
    for (const control of await controls.all()) {
      const box = (await control.boundingBox())!;
      const name = (await control.getAttribute("aria-label")) ?? "";
      expect(box.x, name).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, name).toBeLessThanOrEqual(PHONE.width);
    }
    const inserts = toolbarOf(page).getByRole("group", { name: "Citations and notes" }).locator("button, select");
    await expect(inserts.first()).toHaveAccessibleName("Cite: insert citation");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  }
  await page.goto("/wiki/Hama/edit?section=sec-norias");
  await expect(tool(page, "Cite: insert citation")).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/2-phone-toolbar.png` });
  await page.context().close();
});

test("Alt+Shift+P previews and Alt+Shift+S publishes, as on Wikipedia, and the buttons say so", async ({ browser }) => {
  const page = await signedInPage(browser, "regular");
  const slug = await createArticle(page, "Access_keys", LEAD);
  await page.goto(`/wiki/${slug}/edit?section=sec-history`);
  const text = page.getByRole("textbox", { name: "Section text" });
  await expect(text).toContainText(HISTORY);

  const publish = page.getByRole("button", { name: "Publish changes" });
  await expect(publish).toHaveAttribute("title", "Publish changes (Alt+Shift+S)");
  await expect(publish).toHaveAttribute("aria-keyshortcuts", "Alt+Shift+S");
  const previewButton = page.getByRole("button", { name: "Preview", exact: true });
  await expect(previewButton).toHaveAttribute("title", /\(Alt\+Shift\+P\)$/);
  await expect(previewButton).toHaveAttribute("aria-keyshortcuts", "Alt+Shift+P");

  await text.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(` ${SENTENCE}`);
  await page.keyboard.press("Alt+Shift+P");
  await expect(page.getByRole("region", { name: "Preview", exact: true })).toContainText(SENTENCE);
  await page.screenshot({ path: `${SHOTS}/3-preview-by-key.png` });

  // From the text, where the keys type nothing.
  await text.click();
  await page.keyboard.press("Alt+Shift+S");
  await expect(page).toHaveURL(new RegExp(`/wiki/${slug}(\\?saved=1)?#History$`));
  await expect(page.locator('section[data-section-id="sec-history"]')).toContainText(SENTENCE);
  await page.context().close();
});

test("after publishing, the article says the edit was published, in sight at the section; signed out, nothing changes", async ({
  browser,
  request,
}) => {
  const page = await signedInPage(browser, "regular");
  const slug = await createArticle(page, "Saved_notice", LEAD);
  await appendToSection(page, { slug, sectionId: "sec-history", shows: HISTORY, sentence: SENTENCE, summary: "mill" });
  await expect(page).toHaveURL(new RegExp(`/wiki/${slug}\\?saved=1#History$`));
  const saved = page.getByRole("status");
  await expect(saved).toHaveText(/Your edit was published\./);
  await expect(page.locator('section[data-section-id="sec-history"]')).toContainText(SENTENCE);
  // Landed at the section: the notice is in sight and does not cover its heading.
  await expect(saved).toBeInViewport();
  const heading = page.getByRole("heading", { level: 2, name: "History" });
  await expect(heading).toBeInViewport();
  const notice = (await saved.boundingBox())!;
  expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(notice.y + notice.height);
  await page.screenshot({ path: `${SHOTS}/4-published.png` });

  // Dismissed: the article without the flag, and without the notice.
  await saved.getByRole("link", { name: "Dismiss" }).click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${slug}$`));
  await expect(page.locator(".article-title")).toHaveText(slug.replace(/_/g, " "));
  await expect(page.getByRole("status")).toHaveCount(0);

  // Signed out, the flag changes nothing: the very page cached for everyone, without the notice.
  const plain = await request.get(`/wiki/${slug}`);
  const flagged = await request.get(`/wiki/${slug}?saved=1`);
  expect(flagged.status()).toBe(200);
  expect(await flagged.text()).toBe(await plain.text());
  expect(flagged.headers()["cache-control"]).toBe(plain.headers()["cache-control"]);
  expect(await flagged.text()).not.toContain("Your edit was published");
  await page.context().close();
});
