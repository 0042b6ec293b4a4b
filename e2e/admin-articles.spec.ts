import { expect, test } from "@playwright/test";
import { createArticle } from "./api";
import { violations } from "./axe";
import { signedInPage } from "./sign-in";

/**
 * Issue 19: an administrator moves an article (the old address redirects), deletes it (a reader gets the
 * deletion page, not "start the article") and restores it, all through the pages' plain forms. The article is
 * this test's own (never the demo article other specs use).
 */
test("an admin moves an article, deletes it and restores it; readers follow each step", async ({ browser }) => {
  // A long journey (three accounts' views, seven axe runs) on a shared 2-core machine.
  test.setTimeout(240_000);
  const admin = await signedInPage(browser, "admin");
  await admin.goto("/");
  const slug = await createArticle(admin, "Admin19_mill", "A mill town on the river Orontes.");
  const title = slug.replace(/_/g, " ");
  const newTitle = `${title} (town)`;
  const newSlug = newTitle.replace(/ /g, "_");

  // Move: from the article's tabs, a form that works without script.
  await admin.goto(`/wiki/${slug}`);
  await admin.getByRole("navigation", { name: "Page views" }).getByRole("link", { name: "Move" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(`Move “${title}”`);
  await admin.getByLabel("New title").fill(newTitle);
  await admin.getByLabel("Reason (shown in the public log)").fill("Disambiguate from the river");
  await admin.screenshot({ path: "/tmp/admin19-move-form.png", fullPage: true });
  expect(await violations(admin)).toEqual([]);
  await admin.getByRole("button", { name: "Move the article" }).click();
  await expect(admin).toHaveURL(new RegExp(`/wiki/${encodeURIComponent(newSlug).replace(/[()]/g, "\\$&")}$`));
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(newTitle);

  // The old address redirects, for a reader too; history has the move.
  const reader = await (await browser.newContext()).newPage();
  const followed = await reader.goto(`/wiki/${slug}`);
  expect(followed?.status()).toBe(200);
  expect(decodeURIComponent(new URL(reader.url()).pathname)).toBe(`/wiki/${newSlug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(newTitle);
  await reader.goto(`/wiki/${encodeURIComponent(newSlug)}/history`);
  await expect(reader.locator("body")).toContainText(`Moved “${title}” to “${newTitle}”: Disambiguate from the river`);

  // Delete: the tab, a required reason, then the deletion page with the restore form for the admin.
  await admin.getByRole("navigation", { name: "Page views" }).getByRole("link", { name: "Delete" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(`Delete “${newTitle}”`);
  await admin.getByLabel(/^Reason/).fill("Duplicate of an existing article");
  await admin.screenshot({ path: "/tmp/admin19-delete-form.png", fullPage: true });
  expect(await violations(admin)).toEqual([]);
  await admin.getByRole("button", { name: "Delete the article" }).click();
  await expect(admin.getByRole("alert")).toContainText(
    /This article was deleted by admin on .* UTC: Duplicate of an existing article/,
  );
  await expect(admin.getByRole("button", { name: "Restore the article" })).toBeVisible();
  await admin.screenshot({ path: "/tmp/admin19-deleted-admin.png", fullPage: true });
  expect(await violations(admin)).toEqual([]);
  // The administrator still reads its history (the move included); readers' recent changes mark its edits.
  await admin.getByRole("link", { name: "See its history" }).click();
  await expect(admin.locator("main")).toContainText(`Moved “${title}” to “${newTitle}”`);
  await admin.screenshot({ path: "/tmp/admin19-deleted-history-admin.png", fullPage: true });
  await reader.goto("/recent-changes");
  await expect(reader.locator("main")).toContainText(`deleted ${newTitle}`);
  await expect(reader.locator(".change-deleted").first()).toHaveText("article deleted");
  await reader.screenshot({ path: "/tmp/admin19-recent-changes.png", fullPage: true });
  await admin.goto(`/wiki/${encodeURIComponent(newSlug)}`);

  // A reader gets the deletion page (410), in light and dark, never "Start the article".
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    const response = await page.goto(`/wiki/${encodeURIComponent(newSlug)}`);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(newTitle);
    await expect(page.getByRole("alert")).toContainText(
      /This article was deleted by admin on \d+ \w+ \d{4} at \d\d:\d\d UTC: Duplicate of an existing article/,
    );
    await expect(page.locator("body")).not.toContainText("Start the article");
    await expect(page.locator("body")).not.toContainText("A mill town on the river Orontes.");
    await expect(page.getByRole("button", { name: "Restore the article" })).toHaveCount(0);
    await page.screenshot({ path: `/tmp/admin19-deleted-reader-${colorScheme}.png`, fullPage: true });
    expect(await violations(page)).toEqual([]);
    await context.close();
  }
  // Its talk page says it was deleted (from the old title too: the talk page moved with it); a talk page of
  // nothing at all is the site's own 404 page.
  await reader.goto(`/wiki/${slug}/talk`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`Talk: ${newTitle}`);
  await expect(reader.locator(".notice[role=alert]")).toContainText(
    /This article was deleted by admin .*Its talk page is closed/,
  );
  await reader.screenshot({ path: "/tmp/admin19-deleted-talk.png", fullPage: true });
  expect(await violations(reader)).toEqual([]);
  const nowhere = await reader.goto("/wiki/Admin19_never_was/talk");
  expect(nowhere?.status()).toBe(404);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("No such page");
  await reader.screenshot({ path: "/tmp/admin19-not-found.png", fullPage: true });
  expect(await violations(reader)).toEqual([]);

  // Its old title leads to the same page; search no longer finds it.
  const oldTitle = await reader.goto(`/wiki/${slug}`);
  expect(oldTitle?.status()).toBe(410);
  await reader.goto(`/search?q=${encodeURIComponent("Orontes mill")}&fulltext=1`);
  await expect(reader.locator("body")).not.toContainText(newTitle);

  // Restore: the article comes back as it was, for readers too; the log has all three.
  await admin.getByLabel("Reason (shown in the public log)").fill("Not a duplicate after all");
  await admin.getByRole("button", { name: "Restore the article" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(newTitle);
  await expect(admin.locator("body")).toContainText("A mill town on the river Orontes.");
  const back = await reader.goto(`/wiki/${encodeURIComponent(newSlug)}`);
  expect(back?.status()).toBe(200);
  await expect(reader.locator("body")).toContainText("A mill town on the river Orontes.");
  await reader.goto("/log");
  const log = reader.locator("main");
  await expect(log).toContainText(`moved ${title} to ${newTitle}`);
  await expect(log).toContainText(`deleted ${newTitle}`);
  await expect(log).toContainText(`restored ${newTitle}`);
  await reader.screenshot({ path: "/tmp/admin19-log.png", fullPage: true });
});
