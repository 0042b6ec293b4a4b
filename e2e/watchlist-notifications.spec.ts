import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { signedInPage } from "./sign-in";

/*
 * Issue 18, the proposer's story: newbie watches the demo article with the
 * star, proposes an edit in the editor, a reviewer approves it; newbie sees
 * the unread count in the header, opens the inbox and follows the
 * notification to the diff of what was published; the watchlist shows the
 * change. Each new page is checked with axe in light and dark.
 */

const SLUG = "2024_Hama_offensive";
const SHOTS = "/tmp/notify";

test("newbie watches, proposes, is notified of the approval and follows it to the diff", async ({ browser }) => {
  test.setTimeout(180_000);
  const newbie = await signedInPage(browser, "newbie");

  // The star: a toggle button on the article, not pressed, then pressed. Other journeys may have made newbie
  // watch the demo article already (proposing watches it): start from not watching.
  await newbie.goto(`/wiki/${SLUG}`);
  const origin = new URL(newbie.url()).origin;
  const unwatched = await newbie.request.fetch(`/api/articles/${SLUG}/watch`, {
    method: "DELETE",
    data: {},
    headers: { origin },
  });
  expect(unwatched.status(), await unwatched.text()).toBeLessThan(300);
  await newbie.reload();
  const star = newbie.getByRole("button", { name: "Watch", exact: true });
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await newbie.getByLabel("Watch for how long").selectOption("3months");
  await star.click();
  await expect(newbie).toHaveURL(new RegExp(`/wiki/${SLUG}$`));
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await expect(newbie.locator(".watch-star-note")).toContainText("until");
  await newbie.locator(".article-header").screenshot({ path: `${SHOTS}-star.png` });

  // newbie proposes a sentence in the editor (the article is extended-protected).
  const sentence = "Observers reported that the city's water supply was cut for two days.";
  await newbie.goto(`/wiki/${SLUG}/edit?section=sec-aftermath`);
  await expect(newbie.getByText("Saving will submit your change as a proposal for review.")).toBeVisible();
  const editor = newbie.getByRole("textbox", { name: "Section text" });
  await editor.click();
  await newbie.keyboard.press("Control+End");
  await newbie.keyboard.type(` ${sentence}`);
  const summary = "Aftermath: water supply";
  await newbie.getByLabel("Edit summary").fill(summary);
  await expect(newbie.locator("#summary-count")).toHaveText(`${500 - summary.length} left`);
  await newbie.getByRole("button", { name: "Submit for review" }).click();
  await expect(newbie).toHaveURL(/\/proposals\/\d+$/);
  const proposalUrl = newbie.url();
  const proposalNumber = proposalUrl.split("/").pop();
  // Other journeys beside this one have newbie's proposals approved too: name this one.
  const approved = `reviewer approved your proposal #${proposalNumber} to`;

  // The reviewer approves it.
  const reviewer = await signedInPage(browser, "reviewer");
  await reviewer.goto(proposalUrl);
  await reviewer.getByLabel("Comment or reason").fill("Fine.");
  await reviewer.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(reviewer.locator(".status-badge").first()).toHaveText("Approved");

  // newbie: the header counts it, the inbox lists it, following it lands on the diff.
  await newbie.goto("/");
  const bell = newbie.getByRole("link", { name: /^Notifications \d+ unread$/ });
  await expect(bell).toBeVisible();
  await newbie.locator(".site-header").screenshot({ path: `${SHOTS}-header.png` });
  await bell.click();
  await expect(newbie).toHaveURL(/\/notifications$/);
  const item = newbie.locator(".inbox-unread").filter({ hasText: approved });
  await expect(item).toBeVisible();
  expect(await violations(newbie)).toEqual([]);
  await newbie.screenshot({ path: `${SHOTS}-inbox.png`, fullPage: true });
  await item.getByRole("link", { name: approved }).click();
  await expect(newbie).toHaveURL(new RegExp(`/wiki/${SLUG}/diff\\?from=\\d+&to=\\d+$`));
  await expect(newbie.locator(".diff ins").filter({ hasText: "water supply" }).first()).toBeVisible();
  await newbie.screenshot({ path: `${SHOTS}-diff.png` });
  // Followed, so read: nothing unread in the header any more.
  await newbie.goto("/notifications");
  await expect(newbie.locator(".inbox-read").filter({ hasText: approved })).toBeVisible();
  // (Not "no unread left": other journeys running beside this one may notify newbie meanwhile.)

  // The watchlist shows the approved change with its diff link, new since the last visit.
  await newbie.goto("/watchlist");
  const change = newbie.locator(".watchlist li").filter({ hasText: summary }).first();
  await expect(change).toContainText("new since your last visit");
  await expect(change.getByRole("link", { name: "diff" })).toHaveAttribute("href", /\/diff\?from=\d+&to=\d+/);
  expect(await violations(newbie)).toEqual([]);
  await newbie.screenshot({ path: `${SHOTS}-watchlist.png`, fullPage: true });

  // Manage watchlist: unwatch without a reload.
  // (Journeys beside this one make newbie watch articles of their own: only this one is checked.)
  await newbie.getByRole("button", { name: /^Unwatch 2024 Hama offensive$/ }).click();
  await expect(newbie.getByRole("button", { name: /^Unwatch 2024 Hama offensive$/ })).toHaveCount(0);

  await newbie.goto("/notifications/preferences");
  expect(await violations(newbie)).toEqual([]);
  await newbie.screenshot({ path: `${SHOTS}-preferences.png`, fullPage: true });
});
