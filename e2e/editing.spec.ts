import { expect, test, type Page } from "@playwright/test";

const PASSWORD = "wiki-demo-password";

async function signIn(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".site-account")).toContainText(username);
}

const SENTENCE = "Several wheels were restored after 2000 by the city's own carpenters.";
const NOTE = "Local guides count the wheels differently.";
const NEW_REFERENCE = {
  title: "Restoring the norias of Hama",
  key: "restoring-the-norias-of-hama",
  url: "https://example.org/norias-restoration",
};
const SUMMARY = "Norias: restoration, with two sources, a note and a tag";

test("edit a section: new text, a new and a reused citation, a note and a tag, preview, publish", async ({
  page,
}, testInfo) => {
  await signIn(page, "regular");
  await page.goto("/wiki/Hama");
  await expect(page.getByRole("heading", { level: 1, name: "Hama" })).toBeVisible();

  await page.goto("/wiki/Hama/edit?section=sec-norias");
  const editor = page.getByRole("textbox", { name: "Section text" });
  await expect(editor).toContainText("About seventeen of them survive");
  // The section's citations are numbered as on the page: unesco-norias [2] and aramco-norias [3].
  await expect(editor.locator("sup[data-citation]")).toHaveCount(3);
  await expect(editor.locator("sup[data-citation]").last()).toHaveAttribute("data-number", "3");

  // Type a sentence at the end of the section, by keyboard.
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(` ${SENTENCE}`);

  // A citation of a NEW reference, made in the dialog.
  await page.getByRole("button", { name: "Insert citation" }).click();
  const dialog = page.getByRole("dialog", { name: "Insert citation" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("tab", { name: "New reference" }).click();
  await dialog.getByLabel(/^Title/).fill(NEW_REFERENCE.title);
  await dialog.getByLabel("URL", { exact: true }).fill("ftp://example.org/x");
  await dialog.getByRole("button", { name: "Insert citation" }).click();
  await expect(dialog.getByRole("alert")).toContainText("http://");
  await dialog.getByLabel("URL", { exact: true }).fill(NEW_REFERENCE.url);
  await dialog.getByRole("button", { name: "Insert citation" }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.locator("sup[data-citation]").last()).toHaveAttribute("data-number", "4");

  // A citation that REUSES an existing reference, through the keyboard shortcut and the search box.
  await page.keyboard.press("Control+Shift+K");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("searchbox", { name: "Search references" }).fill("Britannica");
  await dialog.getByRole("button", { name: "Cite “Hama”" }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.locator("sup[data-citation]").last()).toHaveAttribute("data-number", "1");

  // A note: its placeholder text is selected, so typing replaces it; then leave the note.
  await page.getByRole("button", { name: "Insert note" }).click();
  await page.keyboard.type(NOTE);
  await expect(editor.locator("span.note")).toHaveText(NOTE);
  await page.keyboard.press("ArrowRight");

  // A maintenance tag, dated this month.
  await page.getByRole("combobox", { name: "Insert maintenance tag" }).selectOption("citation needed");
  await expect(editor.locator("sup.maintenance-tag")).toHaveText("[citation needed]");
  await expect(editor.locator("sup.maintenance-tag")).toHaveAttribute(
    "data-date",
    new Date().toISOString().slice(0, 7),
  );

  await page.screenshot({ path: testInfo.outputPath("editor.png") });

  // Preview: the reader's own rendering of the whole page with this section replaced.
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview", exact: true });
  await expect(preview).toContainText(SENTENCE);
  await expect(preview.locator("ol.note-list")).toContainText(NOTE);
  // The new reference is the fourth in the list, so it is numbered 4.
  await expect(preview.locator("ol.reference-list > li").nth(3)).toHaveAttribute(
    "id",
    `cite_note-${NEW_REFERENCE.key}`,
  );

  // Show changes lists the added words and the new reference.
  await page.getByRole("button", { name: "Show changes" }).click();
  const changes = page.getByRole("region", { name: "Your changes", exact: true });
  await expect(changes.locator("ins").first()).toContainText("Several wheels were restored");
  await expect(changes).toContainText(NEW_REFERENCE.title);

  await page.getByLabel("Edit summary").fill(SUMMARY);
  await expect(page.locator("#summary-count")).toHaveText(`${500 - SUMMARY.length} left`);
  await page.getByRole("button", { name: "Publish changes" }).click();

  // The article, at the edited section, saying the edit was published.
  await expect(page).toHaveURL(/\/wiki\/Hama\?saved=1#Norias$/);
  await expect(page.getByRole("status")).toContainText("Your edit was published.");
  const norias = page.locator('section[data-section-id="sec-norias"]');
  await expect(norias).toContainText(SENTENCE);
  const newReference = page.locator(`ol.reference-list > li#cite_note-${NEW_REFERENCE.key}`);
  await expect(newReference).toContainText(NEW_REFERENCE.title);
  expect(await newReference.evaluate((li) => [...li.parentElement!.children].indexOf(li) + 1)).toBe(4);
  await expect(norias.locator(`sup.reference a[href="#cite_note-${NEW_REFERENCE.key}"]`)).toHaveText("[4]");
  // The reused reference is now cited three times: backlinks a, b and c.
  const britannica = page.locator("ol.reference-list > li#cite_note-britannica-hama");
  await expect(britannica.locator(".backlinks a")).toHaveText(["a", "b", "c"]);
  await expect(page.locator("ol.note-list > li")).toContainText([NOTE]);
  await expect(norias.locator("sup.note-ref a")).toHaveText("[a]");
  await expect(norias.locator("sup.maintenance-tag")).toContainText("citation needed");

  await page.goto("/user/regular");
  await expect(page.getByText(SUMMARY)).toBeVisible();

  // The draft was cleared: the editor opens on the saved text without a restore notice.
  await page.goto("/wiki/Hama/edit?section=sec-norias");
  await expect(page.getByRole("textbox", { name: "Section text" })).toContainText(SENTENCE);
  await expect(page.getByText("Your unsaved changes")).toHaveCount(0);
});

test("unsaved text survives a reload, and can be discarded", async ({ page }) => {
  await signIn(page, "regular");
  await page.goto("/wiki/Hama/edit?section=sec-geography");
  const editor = page.getByRole("textbox", { name: "Section text" });
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" A sentence nobody saved.");
  await page.waitForTimeout(900);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "Your unsaved changes from" })).toContainText(
    "were restored",
  );
  await expect(page.getByRole("textbox", { name: "Section text" })).toContainText("A sentence nobody saved.");
  await page.getByRole("button", { name: "Discard" }).click();
  await expect(page.getByRole("textbox", { name: "Section text" })).not.toContainText("A sentence nobody saved.");
});

test("an extended-protected article: the editor says saving makes a proposal", async ({ page }) => {
  await signIn(page, "regular");
  await page.goto("/wiki/2024_Hama_offensive/edit");
  const notice = page.getByRole("note").filter({ hasText: "Saving will submit your change as a proposal for review." });
  await expect(notice).toContainText("extended-confirmed protected");
  await expect(page.getByRole("textbox", { name: "Article text" })).toBeVisible();
  // The whole-article editor carries the infobox form, with a small editor per value.
  await expect(page.locator(".infobox-editor summary")).toContainText("Infobox");
});

test("signed out, or an unknown section: a notice instead of the editor", async ({ page }) => {
  await page.goto("/wiki/Hama/edit?section=sec-norias");
  const signIn = page.getByRole("note").getByRole("link", { name: "Sign in" });
  await expect(signIn).toHaveAttribute(
    "href",
    `/login?returnTo=${encodeURIComponent("/wiki/Hama/edit?section=sec-norias")}`,
  );
  await expect(page.locator(".editor-prose")).toHaveCount(0);

  await page.goto("/login");
  await page.getByLabel("Username").fill("regular");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".site-account")).toContainText("regular");
  await page.goto("/wiki/Hama/edit?section=sec-nowhere");
  await expect(page.getByRole("note")).toContainText("no section");
  await expect(page.getByRole("note").getByRole("link", { name: "Edit the whole article" })).toHaveAttribute(
    "href",
    "/wiki/Hama/edit",
  );
});
