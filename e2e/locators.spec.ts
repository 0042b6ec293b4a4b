import { expect, test } from "@playwright/test";
import { createArticle } from "./api";
import { violations } from "./axe";
import { clickCitation } from "./editor";
import { signedInPage } from "./sign-in";

/*
 * Issue 20, locators on citations (sub-referencing): an editor cites one book twice at different pages
 * from the citation dialog; the reader sees [1.1] and [1.2] under reference 1; a second edit moves one
 * citation to another page and the history's diff shows "p. 14 → p. 15". The article passes axe in the
 * dark scheme.
 */

test("one book cited at two pages: sub-references 1.1 and 1.2, and the page change in the diff", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await signedInPage(browser, "regular");
  await page.goto("/");
  const slug = await createArticle(page, "Locators", "Norias lift water from the Orontes.", [
    { type: "text", text: "Mills stood here for centuries." },
  ]);

  // First edit: cite a new book at page 12, then the same book again at page 14.
  await page.goto(`/wiki/${slug}/edit?section=sec-history`);
  const editor = page.getByRole("textbox", { name: "Section text" });
  await expect(editor).toContainText("Mills stood here for centuries.");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.getByRole("button", { name: "Insert citation" }).click();
  let dialog = page.getByRole("dialog", { name: "Insert citation" });
  await dialog.getByRole("tab", { name: "New reference" }).click();
  await dialog.getByLabel("Pages").fill("12");
  await dialog.getByLabel(/^Title/).fill("The Norias of Hama");
  await dialog.getByLabel("Publisher").fill("Orontes Press");
  await dialog.screenshot({ path: "/tmp/locators-dialog-new.png" });
  await dialog.getByRole("button", { name: "Insert citation" }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.type(" Seventeen wheels survive.");

  await page.getByRole("button", { name: "Insert citation" }).click();
  dialog = page.getByRole("dialog", { name: "Insert citation" });
  await expect(dialog.getByRole("tab", { name: "Existing reference" })).toHaveAttribute("aria-selected", "true");
  // What the validator refuses is refused here first, naming the field (a direction control could make "41" read "14").
  await dialog.getByLabel("Pages").fill("\u202e41");
  await dialog.getByRole("button", { name: "Cite “The Norias of Hama”" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "pages must not contain line breaks, control or direction characters",
  );
  await expect(dialog.getByLabel("Pages")).toBeFocused();
  await dialog.getByLabel("Pages").fill("14");
  await dialog.getByLabel("Quote").fill("seventeen of them");
  await dialog.screenshot({ path: "/tmp/locators-dialog-existing.png" });
  await dialog.getByRole("button", { name: "Cite “The Norias of Hama”" }).click();
  await expect(dialog).toBeHidden();
  // The editor shows each citation's place beside its number.
  await expect(editor.locator("sup[data-citation]")).toHaveCount(2);
  await expect(editor.locator("sup[data-citation]").nth(0)).toHaveAttribute("data-locator", ": p. 12");
  await expect(editor.locator("sup[data-citation]").nth(1)).toHaveAttribute("data-locator", ": p. 14");
  await expect(editor.locator("sup[data-citation]").nth(1)).toHaveAttribute("title", /p\. 14: “seventeen of them”$/);
  await page.getByLabel("Edit summary").fill("cite the book at two pages");
  await expect(page.locator("#summary-count")).toHaveText(`${500 - "cite the book at two pages".length} left`);
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${slug}\\?saved=1(#|$)`));

  // The reader: [1.1] and [1.2] in the text, listed under reference 1 with backlinks to their markers.
  await page.goto(`/wiki/${slug}`);
  const markers = page.locator("sup.reference a");
  await expect(markers).toHaveText(["[1.1]", "[1.2]"]);
  const reference = page.locator(".reference-list > li").first();
  await expect(reference).toContainText("The Norias of Hama");
  const subs = reference.locator(".sub-reference-list > li");
  await expect(subs).toHaveCount(2);
  await expect(subs.nth(0)).toContainText("1.1");
  await expect(subs.nth(0)).toContainText("p. 12");
  await expect(subs.nth(1)).toContainText("1.2");
  await expect(subs.nth(1)).toContainText("p. 14");
  await expect(subs.nth(1).locator("q")).toHaveText("seventeen of them");
  await markers.nth(1).click();
  const target = await subs.nth(1).getAttribute("id");
  expect(page.url()).toContain(`#${target}`);
  await subs.nth(1).getByRole("link", { name: "Jump up to the citation" }).click();
  expect(page.url()).toMatch(/#cite_ref-[^#]+-1$/);
  await page.locator("#references, .reference-list").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/locators-reader.png", fullPage: true });

  // Second edit: select the page-14 citation and point it at page 15 instead.
  await page.goto(`/wiki/${slug}/edit?section=sec-history`);
  await expect(editor.locator("sup[data-citation]")).toHaveCount(2);
  await clickCitation(page, editor.locator("sup[data-citation]").nth(1));
  await page.getByRole("button", { name: "Insert citation" }).click();
  dialog = page.getByRole("dialog", { name: "Edit citation" });
  await expect(dialog).toContainText("The Norias of Hama");
  await expect(dialog.getByLabel("Pages")).toHaveValue("14");
  await dialog.getByLabel("Pages").fill(" 15 ");
  await dialog.screenshot({ path: "/tmp/locators-dialog-edit.png" });
  await dialog.getByRole("button", { name: "Update citation" }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.locator("sup[data-citation]").nth(1)).toHaveAttribute("data-locator", ": p. 15");
  await page.getByLabel("Edit summary").fill("page 15");
  await expect(page.locator("#summary-count")).toHaveText(`${500 - "page 15".length} left`);
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${slug}\\?saved=1(#|$)`));

  // History: the diff of the second edit shows the page change on the one citation.
  await page.goto(`/wiki/${slug}/history`);
  await page.locator(".history-row").first().getByRole("link", { name: "prev" }).click();
  const change = page.locator(".diff-cite").filter({ hasText: "→" });
  await expect(change).toHaveCount(1);
  await expect(change.locator("del")).toHaveText("p. 14: “seventeen of them”");
  await expect(change.locator("ins")).toHaveText("p. 15: “seventeen of them”");
  await expect(change).toContainText("The Norias of Hama");
  await page.screenshot({ path: "/tmp/locators-diff.png", fullPage: false });

  // The reader in the dark scheme: accessible, sub-references nested under their reference.
  const dark = await (await browser.newContext({ colorScheme: "dark" })).newPage();
  await dark.goto(`/wiki/${slug}`);
  await expect(dark.locator("sup.reference a")).toHaveText(["[1.1]", "[1.2]"]);
  await expect(dark.locator(".sub-reference-list > li").nth(1)).toContainText("p. 15");
  expect(await violations(dark)).toEqual([]);
  await dark.screenshot({ path: "/tmp/locators-reader-dark.png", fullPage: true });
});
