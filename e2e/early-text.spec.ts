import { expect, test, type Page } from "@playwright/test";
import { createArticle } from "./api";
import { signedInPage } from "./sign-in";

/**
 * Issue 19: the section editor takes typing before its script has run. The
 * server sends the section's text in an editable box; the editor, once made,
 * takes over what was typed there and where the caret was, so nothing typed
 * is lost and the next key lands after the last.
 */

/** Opens the History section's editor with the page's scripts held back; call the result to let them load. */
async function openWithScriptsHeld(page: Page, slug: string): Promise<() => void> {
  let release!: () => void;
  const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  await page.goto(`/wiki/${slug}/edit?section=sec-history`, { waitUntil: "commit" });
  return release;
}

test("text typed before the editor's script runs is kept, and typing goes on where it stopped", async ({
  browser,
}, testInfo) => {
  const page = await signedInPage(browser, "regular");
  const slug = await createArticle(page, "Early_text", "A lead.", [
    { type: "text", text: "The mill was built in 1850." },
  ]);

  // The scripts wait until the early box has been typed into.
  const release = await openWithScriptsHeld(page, slug);
  const box = page.getByRole("textbox", { name: "Section text" });
  await expect(box).toContainText("The mill was built in 1850.");
  await expect(box).not.toHaveClass(/ProseMirror/);
  await box.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" It burned in 1901.");
  // Before the script: the summary waits for it rather than dropping what is typed into it.
  await expect(page.getByLabel("Edit summary")).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath("early-text-before-script.png") });

  release();
  const editor = page.locator('.ProseMirror[aria-label="Section text"]');
  await expect(editor).toContainText("The mill was built in 1850. It burned in 1901.");
  await expect(page.getByRole("textbox", { name: "Section text" })).toHaveCount(1);
  // The caret stayed at the end of what was typed: the next keys follow it.
  await page.keyboard.type(" It was rebuilt.");
  await expect(editor).toContainText("The mill was built in 1850. It burned in 1901. It was rebuilt.");
  await page.screenshot({ path: testInfo.outputPath("early-text-after-script.png") });

  // The editor knows the text changed: publishing saves all of it.
  await page.getByLabel("Edit summary").fill("History: the fire and the rebuilding");
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${slug}\\?saved=1`));
  await expect(page.locator(".article-body")).toContainText(
    "The mill was built in 1850. It burned in 1901. It was rebuilt.",
  );
  await page.context().close();
});

test("the focus moves with the text box when the editor takes it over, with nothing typed yet", async ({ browser }) => {
  const page = await signedInPage(browser, "regular");
  const slug = await createArticle(page, "Early_focus", "A lead.");
  const release = await openWithScriptsHeld(page, slug);
  await page.getByRole("textbox", { name: "Section text" }).focus();
  release();
  const editor = page.locator('.ProseMirror[aria-label="Section text"]');
  await expect(editor).toBeFocused();
  await page.keyboard.type("Before it all, ");
  await expect(editor).toContainText("Before it all, ");
  await page.context().close();
});
