import { expect, test } from "@playwright/test";
import { createArticle } from "./api";
import { violations } from "./axe";
import { signedInPage } from "./sign-in";

/*
 * Issue 20, worklists: a [citation needed] tag on an article appears in the site-wide worklist with its
 * date and claim; the editor follows "edit section", removes the tag and publishes; the worklist no longer
 * lists it.
 */

test("an editor clears a [citation needed] from the worklist", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedInPage(browser, "veteran");
  await page.goto("/worklists");
  const slug = await createArticle(page, "Worklist", "A mill town.", [
    { type: "text", text: "The mill burned in 1911." },
    { type: "maintenanceTag", attrs: { kind: "citation needed", date: "2011-03" } },
  ]);
  const title = slug.replace(/_/g, " ");

  await page.goto("/worklists?kind=tag");
  const row = page.getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText("[citation needed] since March 2011 on “The mill burned in 1911.”");
  expect(await violations(page)).toEqual([]);
  await page.screenshot({ path: "/tmp/worklists.png", fullPage: true });

  await row.getByRole("link", { name: "edit section" }).click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${slug}/edit\\?section=sec-history$`));
  const editor = page.getByRole("textbox", { name: "Section text" });
  const tag = editor.locator("sup.maintenance-tag");
  await expect(tag).toHaveText("[citation needed]");
  await tag.click();
  await page.keyboard.press("Backspace");
  await expect(tag).toHaveCount(0);
  await page.getByLabel("Edit summary").fill("source found");
  await expect(page.locator("#summary-count")).toHaveText(`${500 - "source found".length} left`);
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${slug}\\?saved=1`));

  await page.goto("/worklists?kind=tag");
  await expect(page.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);
  await page.goto(`/worklists?article=${slug}`);
  await expect(page.getByRole("main")).toContainText("Nothing to do");
});
