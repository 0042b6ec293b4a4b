import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { signedInPage } from "./sign-in";

const SHOTS = "/tmp";
const SLUG = "2024_Hama_offensive";

test.describe.configure({ timeout: 180_000 });

test("newbie argues a change on the protected article's talk page, the reviewer replies, and the proposal cites the topic", async ({
  browser,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const topicTitle = `Name of the offensive ${Date.now()}`;

  // newbie, who may not edit the extended-protected article, opens its Talk tab and starts a topic mentioning @reviewer.
  const newbie = await signedInPage(browser, "newbie");
  await newbie.goto(`/wiki/${SLUG}`);
  const tab = newbie.getByRole("navigation", { name: "Page views" }).getByRole("link", { name: /^Talk/ });
  await expect(tab).toContainText(/Talk \(\d+\)/);
  await newbie.screenshot({ path: `${SHOTS}/talk-tab-light.png` });
  await tab.click();
  await expect(newbie).toHaveURL(new RegExp(`/wiki/${SLUG}/talk$`));
  await expect(newbie.getByRole("heading", { level: 1 })).toHaveText("Talk: 2024 Hama offensive");
  await expect(newbie.getByText(/The article is protected, but this page is open/)).toBeVisible();
  const newTopic = newbie.locator("section.talk-new-topic");
  await newTopic.getByLabel("Subject").fill(topicTitle);
  await newTopic
    .getByLabel("Message")
    .fill(
      'The lead calls it an offensive; most sources say "Operation Deterrence of Aggression".\n\n@reviewer, could the lead name both? See [[2024 Hama offensive]].',
    );
  await newTopic.getByRole("button", { name: "Start topic" }).click();
  await expect(newbie).toHaveURL(/\/talk\?posted=\d+#post-\d+$/);
  const topicHeading = newbie.getByRole("heading", { level: 2, name: topicTitle });
  await expect(topicHeading).toBeVisible();
  const topicId = Number((await topicHeading.getAttribute("id"))?.replace("topic-", ""));
  const topic = newbie.locator(`section[aria-labelledby="topic-${topicId}"]`);
  await expect(topic.getByRole("link", { name: "@reviewer" })).toHaveAttribute("href", "/user/reviewer");
  await expect(topic.locator(".talk-signature").first()).toContainText("newbie");
  await expect(newbie.locator(".talk-contents").getByRole("link", { name: topicTitle })).toHaveAttribute(
    "href",
    `#topic-${topicId}`,
  );

  // The reviewer signs in and learns of the mention from the header; the notification leads to the post.
  const reviewer = await signedInPage(browser, "reviewer");
  await reviewer.goto("/notifications");
  const mention = reviewer.locator(".inbox-unread").filter({ hasText: "newbie mentioned you on the talk page of" });
  await expect(mention).toBeVisible();
  await expect(reviewer.getByRole("link", { name: /^Notifications \d+ unread$/ })).toBeVisible();
  await reviewer.screenshot({ path: `${SHOTS}/talk-mention-inbox-light.png`, fullPage: true });
  await mention.getByRole("link").first().click();
  await expect(reviewer).toHaveURL(new RegExp(`/wiki/${SLUG}/talk#post-\\d+$`));
  // It opens the topic from its anchor and replies to newbie's post.
  await reviewer.goto(`/wiki/${SLUG}/talk#topic-${topicId}`);
  const reviewerTopic = reviewer.locator(`section[aria-labelledby="topic-${topicId}"]`);
  const firstPost = reviewerTopic.locator("article.talk-post").first();
  await firstPost.locator("summary", { hasText: "Reply" }).click();
  await firstPost.getByLabel("Your reply").fill("Agreed: name both in the lead, the operation's name first.");
  await firstPost.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(reviewer).toHaveURL(/\/talk\?posted=\d+#post-\d+$/);
  const replyId = new URL(reviewer.url()).hash.slice(1);
  const replyPost = reviewer.locator(`#${replyId}`);
  await expect(replyPost).toContainText("Agreed: name both");
  await expect(replyPost.locator(".talk-signature")).toContainText("reviewer");
  // Nested under newbie's post, as a reply.
  await expect(reviewerTopic.locator(".talk-replies").locator(`#${replyId}`)).toHaveCount(1);
  for (const scheme of ["light", "dark"] as const) {
    await reviewer.emulateMedia({ colorScheme: scheme });
    await reviewer.screenshot({ path: `${SHOTS}/talk-thread-${scheme}.png`, fullPage: true });
    expect(await violations(reviewer), `talk page, ${scheme}`).toEqual([]);
  }

  // newbie proposes an edit citing the topic, from the topic's own link.
  await newbie.goto(`/wiki/${SLUG}/talk#topic-${topicId}`);
  await topic.getByRole("link", { name: "Propose a change citing this discussion" }).click();
  await expect(newbie).toHaveURL(new RegExp(`/edit\\?talkTopic=${topicId}$`));
  const consensus = newbie.getByLabel("Consensus reached on the talk page (optional)");
  await expect(consensus).toHaveValue(String(topicId));
  const editor = newbie.getByRole("textbox", { name: "Article text" });
  await editor.click();
  await newbie.keyboard.press("Control+Home");
  await newbie.keyboard.type("Operation Deterrence of Aggression: ");
  const summary = "Lead: name the operation";
  await newbie.getByLabel("Edit summary").fill(summary);
  await expect(newbie.locator("#summary-count")).toHaveText(`${500 - summary.length} left`);
  await consensus.scrollIntoViewIfNeeded();
  await newbie.screenshot({ path: `${SHOTS}/talk-propose-light.png` });
  await newbie.getByRole("button", { name: "Submit for review" }).click();
  await expect(newbie).toHaveURL(/\/proposals\/\d+$/);
  const consensusLink = newbie.locator(".proposal-consensus").getByRole("link", { name: topicTitle });
  await expect(consensusLink).toHaveAttribute("href", `/wiki/${SLUG}/talk#topic-${topicId}`);
  const proposalUrl = newbie.url();
  for (const scheme of ["light", "dark"] as const) {
    await newbie.emulateMedia({ colorScheme: scheme });
    await newbie.screenshot({ path: `${SHOTS}/talk-proposal-${scheme}.png` });
  }

  // The link leads back to the topic, which lists the proposal citing it.
  await consensusLink.click();
  await expect(newbie).toHaveURL(new RegExp(`/talk#topic-${topicId}$`));
  const proposalId = proposalUrl.split("/").pop();
  await expect(topic.locator(".talk-proposals")).toContainText(`#${proposalId}`);

  // A signed-out reader reads the discussion and is invited to sign in instead of getting forms.
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/wiki/${SLUG}/talk`);
  await expect(anonymous.getByRole("link", { name: "Sign in to join the discussion" }).first()).toBeVisible();
  await expect(anonymous.locator("textarea")).toHaveCount(0);
  await expect(anonymous.getByText("Agreed: name both")).toBeVisible();
  for (const scheme of ["light", "dark"] as const) {
    await anonymous.emulateMedia({ colorScheme: scheme });
    await anonymous.screenshot({ path: `${SHOTS}/talk-anonymous-${scheme}.png`, fullPage: true });
    expect(await violations(anonymous), `talk page signed out, ${scheme}`).toEqual([]);
  }
});

test("the talk page's forms work without script", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  // Sign in through the API from a scripted page of the same context, then browse without script.
  const scripted = await (await browser.newContext()).newPage();
  await scripted.goto("/login");
  await scripted.getByLabel("Username").fill("regular");
  await scripted.getByLabel("Password").fill("wiki-demo-password");
  await scripted.getByRole("button", { name: "Sign in" }).click();
  await expect(scripted.locator(".site-account")).toContainText("regular");
  await context.addCookies(await scripted.context().cookies());
  await page.goto(`/wiki/${SLUG}/talk`);
  const title = `No script ${Date.now()}`;
  const newTopic = page.locator("section.talk-new-topic");
  await newTopic.getByLabel("Subject").fill(title);
  await newTopic.getByLabel("Message").fill("Posted by a plain HTML form.");
  await newTopic.getByRole("button", { name: "Start topic" }).click();
  await expect(page).toHaveURL(/\/talk\?posted=\d+#post-\d+$/);
  await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
  // A reply through the <details> form under the new post, still without script.
  const post = page.locator(`section:has(h2:text-is("${title}")) article.talk-post`).first();
  await post.locator("summary", { hasText: "Reply" }).click();
  await post.getByLabel("Your reply").fill("And a reply, also without script.");
  await post.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(page.getByText("And a reply, also without script.")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/talk-noscript-light.png`, fullPage: true });
});
