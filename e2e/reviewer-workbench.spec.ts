import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { api } from "./api";
import { appendToSection, selectWord } from "./editor";
import { PASSWORD, signedInPage } from "./sign-in";

/*
 * Issue 17, the reviewer's workbench, as one story on one article of its own:
 * a reviewer comments on a citation of a proposal and suggests a change, the
 * author applies it with one click, the reviewer sees only what changed since
 * their last review, amends one word and approves; history and the review log
 * name both. The article is then fully protected: a second proposal needs two
 * administrators, the first approval is a vote and cannot count twice. Under
 * pending changes, signed-out readers keep the accepted revision until a
 * reviewer accepts a direct edit. Preconditions go through the JSON API;
 * every step a person takes goes through the pages.
 */

const SHOTS = "/tmp/shots-workbench";
const REF = { key: "county-records", title: "County flood records", url: "https://example.org/county-flood-records" };
const REBUILT = "The weir was rebuilt after the flood of 1894.";
const PLANNED = "Repairs to the weir were planned for the summer.";
/** newbie's first proposal: a cited sentence in History (commented on) and one in Repairs (never touched again). */
const ADDED = "All of the town's mills stopped for a month while the weir was rebuilt.";
const CONTRACTORS = "Contractors began work in June.";
const SUGGESTED = "Most of the town's mills stopped for a month while the weir was rebuilt.";
const AMENDED = "Most of the town's mills stopped for a fortnight while the weir was rebuilt.";
/** newbie's second proposal, under full protection, and a direct edit under pending changes. */
const FINISHED = "The work was finished in September.";
const FISH_PASS = "A fish pass was added in 2021.";

type Json = Record<string, unknown>;
const paragraph = (text: string, refKey?: string): Json => ({
  type: "paragraph",
  content: [{ type: "text", text }, ...(refKey ? [{ type: "citation", attrs: { refKey } }] : [])],
});
const doc = (...content: Json[]) => ({ type: "doc", content });

/** The article's content with these paragraphs in History and Repairs. */
function content(title: string, history: Json[], repairs: Json[]) {
  return {
    title,
    infobox: null,
    sections: [
      {
        id: "lead",
        title: "",
        level: 0,
        body: doc(paragraph(`${title} is a stone weir that drove the town's mills.`)),
      },
      { id: "sec-history", title: "History", level: 2, body: doc(paragraph(REBUILT, REF.key), ...history) },
      { id: "sec-repairs", title: "Repairs", level: 2, body: doc(paragraph(PLANNED), ...repairs) },
    ],
    references: [REF],
  };
}

/** A signed-out reader in a browser context of their own. */
async function readerPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("the reviewer's workbench: a thread with a suggestion, the interdiff, an amendment, two approvals, pending changes", async ({
  browser,
}) => {
  // Seven accounts' pages, four decisions and two editors on a shared, slow machine.
  test.setTimeout(420_000);
  mkdirSync(SHOTS, { recursive: true });
  const stamp = Date.now().toString(36);
  const slug = `Reviewer_workbench_${stamp}`;
  const title = `Reviewer workbench ${stamp}`;
  const firstSummary = `History: the mills stopped ${stamp}`;
  const secondSummary = `Repairs: finished ${stamp}`;

  // Preconditions through the API: the article, extended-confirmed protected under pending changes; a second administrator.
  const admin = await signedInPage(browser, "admin");
  const created = await api(admin, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: null,
    title,
    summary: "new article",
    content: content(title, [], []),
  });
  await api(admin, "PUT", `/api/articles/${slug}/protection`, {
    level: "extended",
    expiresAt: null,
    reason: "journey",
  });
  await api(admin, "PUT", `/api/articles/${slug}/pending-changes`, { enabled: true, reason: "journey" });
  const secondAdmin = `Workbench${stamp}`;
  const anonymous = await readerPage(browser);
  await anonymous.goto("/");
  await api(anonymous, "POST", "/api/users", { username: secondAdmin, password: PASSWORD });
  await api(admin, "POST", `/api/users/${secondAdmin}/groups`, { group: "admin", reason: "second approver" });
  await anonymous.context().close();

  // newbie (a day old) may only propose here: a cited sentence in History, another in Repairs.
  const newbie = await signedInPage(browser, "newbie");
  const proposed = await api(newbie, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: created.revision.id,
    summary: firstSummary,
    rationale: "From the county's records.",
    content: content(title, [paragraph(ADDED, REF.key)], [paragraph(CONTRACTORS)]),
  });
  const id: number = proposed.proposal.id;
  const reviewer = await signedInPage(browser, "reviewer");
  const reader = await readerPage(browser);

  await test.step("1. the reviewer comments on the citation in the diff and suggests a change to the paragraph", async () => {
    await reviewer.goto(`/review?article=${slug}`);
    await reviewer.getByRole("link", { name: `#${id}`, exact: true }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/proposals/${id}$`));
    await expect(reviewer.getByRole("heading", { name: /Changes proposed/ })).toBeVisible();
    const changed = reviewer.locator(".diff-block-with-aside").filter({ hasText: "stopped for a month" });
    await changed.getByRole("button", { name: "Add comment" }).click();
    await changed.getByLabel("Comment on").selectOption({ label: `the citation “${REF.title}”` });
    await changed.getByLabel("Comment", { exact: true }).fill("The county records name most of the mills, not all.");
    await changed.getByLabel("Suggest a replacement for the paragraph").check();
    const suggestion = changed.getByLabel(/Suggested paragraph/);
    await expect(suggestion).toHaveValue(`${ADDED}[[ref:${REF.key}]]`);
    await suggestion.fill(`${SUGGESTED}[[ref:${REF.key}]]`);
    await changed.getByRole("button", { name: "Start thread" }).click();
    const thread = reviewer.locator(".review-thread").filter({ hasText: "name most of the mills" });
    await expect(thread).toContainText(`On the citation of “${REF.title}”`);
    await expect(thread).toContainText("Open");
    await expect(thread.getByText("Suggested change")).toBeVisible();
    await expect(thread).toContainText(SUGGESTED);
    // Only the author applies a suggestion.
    await expect(thread.getByRole("button", { name: "Apply suggestion" })).toHaveCount(0);
    await thread.scrollIntoViewIfNeeded();
    await reviewer.screenshot({ path: `${SHOTS}/1-reviewer-thread-on-citation.png` });
  });

  await test.step("2. the author applies the suggested change with one click: version 2", async () => {
    await newbie.goto(`/proposals/${id}`);
    const thread = newbie.locator(".review-thread").filter({ hasText: "name most of the mills" });
    await thread.getByRole("button", { name: "Apply suggestion" }).click();
    await expect(newbie.locator(".proposal-meta")).toContainText("version 2");
    const applied = newbie.locator(".review-thread").filter({ hasText: "name most of the mills" });
    await expect(applied.getByText("Applied in version 2", { exact: true })).toBeVisible();
    // Applied, the thread is folded; unfolded, it records who applied it.
    await applied.getByText(`On the citation of “${REF.title}”`).click();
    await expect(applied.getByRole("listitem").filter({ hasText: "applied the suggestion" })).toContainText(
      "newbie applied the suggestion (version 2)",
    );
    await expect(newbie.locator(".diff ins").filter({ hasText: "Most" }).first()).toBeVisible();
    await expect(newbie.getByRole("listitem").filter({ hasText: /^Version 2,/ })).toBeVisible();
    await applied.scrollIntoViewIfNeeded();
    await newbie.screenshot({ path: `${SHOTS}/2-author-applied.png` });
  });

  await test.step("3. the reviewer returns and sees only the changes since their last review", async () => {
    await reviewer.goto(`/proposals/${id}`);
    const interdiff = reviewer.getByRole("region", { name: "Changes since your last review (version 1 → 2)" });
    await expect(interdiff).toBeVisible();
    await expect(interdiff).toContainText("Version 1 by newbie; version 2 by newbie.");
    await expect(interdiff.locator("ins").filter({ hasText: "Most" }).first()).toBeVisible();
    await expect(interdiff.locator("del").filter({ hasText: "All" }).first()).toBeVisible();
    // Repairs did not change between the versions: the interdiff folds it away; the full diff is a click away.
    await expect(interdiff.getByText("1 unchanged section: Repairs")).toBeVisible();
    await expect(interdiff.getByText(CONTRACTORS)).toBeHidden();
    await expect(interdiff.locator("ins").filter({ hasText: "Contractors" })).toHaveCount(0);
    await expect(reviewer.getByRole("heading", { name: /Changes proposed/ })).toHaveCount(0);
    // No thread stands beside the interdiff's text, so the threads panel lists the reviewer's own.
    const threads = reviewer.getByRole("region", { name: /^Review threads/ });
    await expect(threads.getByText(`On the citation of “${REF.title}”`)).toBeVisible();
    await expect(threads).toContainText("Applied in version 2");
    await reviewer.screenshot({ path: `${SHOTS}/3-changes-since-last-review.png`, fullPage: true });
    await reviewer.getByRole("link", { name: "Show the full diff against the base" }).click();
    await expect(reviewer).toHaveURL(/\?diff=full$/);
    await expect(reviewer.getByRole("heading", { name: /Changes proposed/ })).toBeVisible();
    await expect(reviewer.locator(".diff ins").filter({ hasText: CONTRACTORS }).first()).toBeVisible();
    // The versions list links each version to its interdiff with the previous one.
    await reviewer.getByRole("link", { name: "changes from version 1" }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/proposals/${id}\\?diff=1\\.\\.2$`));
    await expect(reviewer.getByRole("region", { name: "Changes between versions (version 1 → 2)" })).toBeVisible();
  });

  await test.step("4. the reviewer amends one word in the same editor, then approves", async () => {
    await reviewer.getByRole("link", { name: "Amend in the editor" }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/wiki/${slug}/edit\\?proposal=${id}$`));
    await expect(reviewer.getByText(`Amend proposal #${id} (version 2) by newbie`)).toBeVisible();
    const editor = reviewer.getByRole("textbox", { name: "Article text" });
    await expect(editor).toContainText(SUGGESTED);
    // The author's threads stand beside the text in the same editor.
    await expect(reviewer.getByRole("complementary", { name: /Review threads/ })).toBeVisible();
    await selectWord(editor, "month");
    await reviewer.keyboard.type("fortnight");
    await expect(editor).toContainText(AMENDED);
    await reviewer.screenshot({ path: `${SHOTS}/4-amending-one-word.png` });
    await reviewer.getByRole("button", { name: "Save the amendment" }).click();
    await expect(reviewer).toHaveURL(new RegExp(`/proposals/${id}$`));
    // An amendment approves nothing by itself.
    await expect(reviewer.locator(".status-badge").first()).toHaveText("Open for review");
    await expect(reviewer.getByText("Version 3 (amended by reviewer)")).toBeVisible();
    await reviewer.getByLabel("Comment or reason").fill("Sourced; one word tightened.");
    await reviewer.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(reviewer.locator(".status-badge").first()).toHaveText("Approved");
    await expect(reviewer.locator(".discussion")).toContainText("approved with amendments by reviewer");
    // Decided: nothing is left to say about what approving it would change.
    await expect(reviewer.getByText("What approving it would change in the current revision")).toHaveCount(0);
    await reviewer.screenshot({ path: `${SHOTS}/5-approved-with-amendments.png`, fullPage: true });
  });

  await test.step("5. history names the proposer as author and the reviewer who amended and approved; so does the log", async () => {
    await reader.goto(`/wiki/${slug}`);
    await expect(reader.getByRole("main")).toContainText(AMENDED);
    await expect(reader.getByRole("main")).toContainText(CONTRACTORS);
    // The reviewer read all of it: under pending changes, their approval is accepted at once.
    await expect(reader.getByRole("note", { name: "Pending changes" })).toHaveCount(0);
    await reader.goto(`/wiki/${slug}/history`);
    const row = reader.getByRole("listitem").filter({ hasText: firstSummary });
    await expect(row.getByRole("link", { name: "newbie" })).toBeVisible();
    await expect(row).toContainText("amended and approved by reviewer");
    await reader.screenshot({ path: `${SHOTS}/6-history.png`, fullPage: true });
    await reader.goto("/log/review");
    const entry = reader.getByRole("listitem").filter({ hasText: `proposal #${id}` });
    await expect(entry).toContainText(`reviewer approved proposal #${id} by newbie to ${title}`);
    await expect(entry).toContainText("approved with amendments by reviewer (diff of the amendment, version 2 → 3)");
    await entry.scrollIntoViewIfNeeded();
    await reader.screenshot({ path: `${SHOTS}/7-review-log.png` });
  });

  await test.step("6. fully protected: the first approval is a vote that counts once; a second administrator's publishes", async () => {
    await api(admin, "PUT", `/api/articles/${slug}/protection`, {
      level: "full",
      expiresAt: null,
      reason: "edit war over the repair dates",
    });
    const current = await (await newbie.request.get(`/api/articles/${slug}`)).json();
    const second = await api(newbie, "POST", `/api/articles/${slug}/edits`, {
      baseRevisionId: current.revision.id,
      summary: secondSummary,
      content: content(title, [paragraph(AMENDED, REF.key)], [paragraph(CONTRACTORS), paragraph(FINISHED)]),
    });
    const secondId: number = second.proposal.id;

    // The admin opens the proposal in two tabs, and approves in the first.
    await admin.goto(`/proposals/${secondId}`);
    const otherTab = await admin.context().newPage();
    await otherTab.goto(`/proposals/${secondId}`);
    const approvals = admin.getByRole("status", { name: "Approvals" });
    await expect(approvals).toContainText("0 of 2 approvals; needs 2 more");
    await expect(approvals).toContainText("full protection requires 2 approvals from distinct reviewers");
    await admin.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(approvals).toContainText("1 of 2 approvals; needs 1 more (admin)");
    await expect(admin.locator(".status-badge").first()).toHaveText("Open for review");
    await expect(admin.getByRole("listitem").filter({ hasText: "admin approved" })).toContainText(
      "version 1 (one of the approvals it needs)",
    );
    await expect(admin.getByRole("button", { name: "Approve", exact: true })).toBeDisabled();
    await expect(
      admin.getByText("You approved version 1; an approval counts once, so another reviewer must approve it."),
    ).toBeVisible();
    await admin.screenshot({ path: `${SHOTS}/8-one-of-two-approvals.png`, fullPage: true });

    // The same administrator, from the tab opened before: refused, and still one approval.
    await otherTab.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(otherTab.getByText(/You already approved version 1 of this proposal/)).toBeVisible();
    await otherTab.screenshot({ path: `${SHOTS}/9-same-reviewer-refused.png`, fullPage: true });
    await otherTab.reload();
    await expect(otherTab.getByRole("status", { name: "Approvals" })).toContainText(
      "1 of 2 approvals; needs 1 more (admin)",
    );
    await expect(otherTab.locator(".status-badge").first()).toHaveText("Open for review");
    await otherTab.close();
    await reader.goto(`/wiki/${slug}`);
    await expect(reader.getByRole("main")).toContainText(CONTRACTORS);
    await expect(reader.getByRole("main")).not.toContainText(FINISHED);

    // A second, distinct administrator's approval publishes.
    const other = await signedInPage(browser, secondAdmin);
    await other.goto(`/proposals/${secondId}`);
    await expect(other.getByRole("status", { name: "Approvals" })).toContainText(
      "1 of 2 approvals; needs 1 more (admin)",
    );
    await other.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(other.locator(".status-badge").first()).toHaveText("Approved");
    await expect(other.locator(".discussion")).toContainText(`${secondAdmin} approved version 1`);
    await expect(other.locator(".discussion")).toContainText(
      "admin approved version 1 (one of the approvals it needs)",
    );
    await other.screenshot({ path: `${SHOTS}/10-second-approval-publishes.png`, fullPage: true });
    await other.context().close();
    await reader.goto(`/wiki/${slug}`);
    await expect(reader.getByRole("main")).toContainText(FINISHED);
  });

  await test.step("7. pending changes: readers keep the accepted revision until a reviewer accepts the edit", async () => {
    await api(admin, "PUT", `/api/articles/${slug}/protection`, {
      level: "extended",
      expiresAt: null,
      reason: "dispute settled",
    });
    // veteran (extended-confirmed, not a reviewer) edits directly: saved, and pending.
    const veteran = await signedInPage(browser, "veteran");
    await appendToSection(veteran, {
      slug,
      sectionId: "sec-repairs",
      shows: FINISHED,
      sentence: FISH_PASS,
      summary: "fish pass",
    });
    await expect(veteran.getByRole("main")).toContainText(FISH_PASS);
    await expect(veteran.getByRole("note", { name: "Pending changes" })).toContainText(
      "This version is pending review",
    );

    await reader.goto(`/wiki/${slug}`);
    await expect(reader.getByRole("main")).toContainText(FINISHED);
    await expect(reader.getByRole("main")).not.toContainText(FISH_PASS);
    await expect(reader.getByRole("note", { name: "Pending changes" })).toContainText(
      "This is the accepted version of this page; 1 pending change awaits review.",
    );
    await reader.screenshot({ path: `${SHOTS}/11-reader-sees-accepted.png`, fullPage: true });

    await reviewer.goto("/review/pending");
    const row = reviewer.getByRole("row").filter({ hasText: title });
    await expect(row).toContainText("1 edit");
    await row.getByRole("button", { name: new RegExp(`^Accept pending changes to ${title}`) }).click();
    await expect(row.getByRole("status")).toContainText("Accepted: readers now see revision");
    await reviewer.screenshot({ path: `${SHOTS}/12-review-pending-accepted.png`, fullPage: true });

    await reader.goto(`/wiki/${slug}`);
    await expect(reader.getByRole("main")).toContainText(FISH_PASS);
    await expect(reader.getByRole("note", { name: "Pending changes" })).toHaveCount(0);
    await reader.goto(`/wiki/${slug}/history`);
    await expect(reader.getByRole("listitem").filter({ hasText: "fish pass" })).toContainText("accepted by reviewer");
    await expect(reader.getByRole("listitem").filter({ hasText: secondSummary })).toContainText(
      `approved by ${secondAdmin}`,
    );
    await reader.screenshot({ path: `${SHOTS}/13-history-accepted.png`, fullPage: true });
  });
});
