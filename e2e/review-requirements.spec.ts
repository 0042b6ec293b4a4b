import { expect, test } from "@playwright/test";
import { api } from "./api";
import { PASSWORD, signedInPage } from "./sign-in";

// Issue 17, review requirements: on a fully protected article a second reviewer is required and counted;
// the queue flags overlapping proposals, filters in the URL and moves with the keyboard.

const SHOTS = "/tmp/shots-approvals";
const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const content = (title: string, background: string, events = "The events, as first reported.") => ({
  title,
  infobox: null,
  sections: [
    { id: "lead", title: "", level: 0, body: doc(`${title} is an article for the review journey.`) },
    { id: "background", title: "Background", level: 2, body: doc(background) },
    { id: "events", title: "Events", level: 2, body: doc(events) },
  ],
  references: [],
});

test("a fully protected article needs two administrators' approvals, counted; the queue shows it", async ({
  browser,
}) => {
  // Four accounts sign in and two proposals are decided: longer than one page's journey on this shared machine.
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const slug = `Approvals_journey_${stamp}`;
  const title = `Approvals journey ${stamp}`;

  // Setup through the API: an article, fully protected, and a second administrator.
  const admin = await signedInPage(browser, "admin");
  const created = await api(admin, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: null,
    title,
    summary: "new article",
    content: content(title, "The background, as first written."),
  });
  await api(admin, "PUT", `/api/articles/${slug}/protection`, { level: "full", expiresAt: null, reason: "journey" });
  const second = `AdminTwo${stamp}`;
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto("/");
  await api(anonymous, "POST", "/api/users", { username: second, password: PASSWORD });
  await api(admin, "POST", `/api/users/${second}/groups`, { group: "admin", reason: "second approver" });

  // The reviewer (not an administrator) may only propose here: two proposals changing Background overlap.
  const reviewer = await signedInPage(browser, "reviewer");
  const base = created.revision.id;
  const first = await api(reviewer, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: base,
    summary: `Background rewritten ${stamp}`,
    content: content(title, "The background, rewritten with care."),
  });
  const rival = await api(reviewer, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: base,
    summary: `Background shortened ${stamp}`,
    content: content(title, "A shorter background."),
  });
  const firstId: number = first.proposal.id;
  const rivalId: number = rival.proposal.id;

  // The queue, filtered in the URL by a plain GET form: fully protected and overlapping.
  await admin.goto("/review");
  await admin.getByLabel("Protection").selectOption("full");
  await admin.getByLabel("Overlaps another").selectOption("yes");
  await admin.getByRole("textbox", { name: "Article", exact: true }).fill(slug);
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/level=full/);
  await expect(admin).toHaveURL(/overlap=yes/);
  const rows = admin.locator("table.proposal-table tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("⚠ overlaps");
  await expect(rows.first()).toContainText(`#${rivalId}`);
  await expect(rows.first()).toContainText("0 of 2 approvals; needs 2 more");
  // Keyboard: j moves to the first proposal, j again to the second, k back; Enter opens it.
  await admin.locator("body").click();
  await admin.keyboard.press("j");
  await expect(rows.first()).toHaveClass(/keyboard-current/);
  await admin.keyboard.press("j");
  await expect(rows.nth(1)).toHaveClass(/keyboard-current/);
  await admin.keyboard.press("k");
  await expect(rows.first()).toHaveClass(/keyboard-current/);
  await admin.screenshot({ path: `${SHOTS}/queue-filtered.png`, fullPage: true });
  await admin.keyboard.press("Enter");
  await expect(admin).toHaveURL(new RegExp(`/proposals/${firstId}$`));

  // The proposal page: where it stands, and which open proposal it overlaps.
  await expect(admin.getByRole("status", { name: "Approvals" })).toContainText("0 of 2 approvals; needs 2 more");
  await expect(admin.getByRole("note", { name: "Overlapping proposals" })).toContainText(
    `Overlaps with #${rivalId} (section Background)`,
  );
  // n / p walk the changed sections of the diff.
  await admin.keyboard.press("n");
  await expect(admin.locator("section.diff-section.keyboard-current")).toHaveCount(1);
  await expect(admin.locator("section.diff-section.keyboard-current")).toContainText("rewritten with care");
  await admin.getByLabel("Comment or reason").fill("Reads well.");
  await admin.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(admin.getByRole("status", { name: "Approvals" })).toContainText("1 of 2 approvals; needs 1 more");
  await expect(admin.getByRole("status", { name: "Approvals" })).toContainText("(admin)");
  await expect(admin.locator(".status-badge").first()).toHaveText("Open for review");
  await expect(admin.locator(".decision-vote")).toContainText("admin approved");
  await expect(admin.getByText(/an approval counts once, so another reviewer must approve it/)).toBeVisible();
  await admin.screenshot({ path: `${SHOTS}/proposal-one-of-two.png`, fullPage: true });
  await admin.goto(`/review?article=${slug}`);
  await expect(admin.locator(`tr[data-proposal-id="${firstId}"]`)).toContainText("1 of 2 approvals; needs 1 more");

  // The second administrator's approval publishes.
  const other = await signedInPage(browser, second);
  await other.goto(`/proposals/${firstId}`);
  await other.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(other.locator(".status-badge").first()).toHaveText("Approved");
  await expect(other.locator(".discussion-decision").last()).toContainText(`${second} approved`);
  await other.screenshot({ path: `${SHOTS}/proposal-approved.png`, fullPage: true });

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/wiki/${slug}/history`);
  const entry = reader.locator(".history-row").filter({ hasText: `Background rewritten ${stamp}` });
  await expect(entry.locator(".history-author")).toHaveText("reviewer");
  await expect(entry).toContainText(`approved by ${second}`);
  await reader.screenshot({ path: `${SHOTS}/history.png`, fullPage: true });

  // The rival proposal now says the other was approved and that it conflicts; its author is offered the rebase.
  await reviewer.goto(`/proposals/${rivalId}`);
  await expect(reviewer.getByRole("note", { name: "Overlapping proposals" })).toContainText(
    `#${firstId} was approved since this proposal was made`,
  );
  await expect(reviewer.getByRole("note", { name: "Overlapping proposals" })).toContainText("now conflicts");
  await expect(reviewer.getByRole("link", { name: "Resolve the conflict in the editor" })).toBeVisible();
  await reviewer.screenshot({ path: `${SHOTS}/rival-conflicts.png`, fullPage: true });

  // A bad filter is a clear message, not an error page.
  await reader.goto("/review?level=total");
  await expect(reader.locator(".notice[role=alert]")).toContainText(
    "These filters cannot be applied: level must be one of",
  );
  await reader.goto("/admin/review-requirements");
  await expect(reader.locator('tr[data-level="full"] .requirement-count')).toHaveText("2");
  await reader.screenshot({ path: `${SHOTS}/requirements.png`, fullPage: true });

  // The administrator's form (the same value again, so no other journey on this server is affected), logged.
  await admin.goto("/admin/review-requirements");
  const semi = admin.getByRole("form", { name: "Approvals required: semi-protected" });
  await semi.getByLabel("Approvals").fill("1");
  await semi.getByLabel("Reason").fill(`journey ${stamp}`);
  await semi.getByRole("button", { name: "Save" }).click();
  await expect(admin.locator(".history-list li").first()).toContainText(
    `admin set semi to 1 approval (journey ${stamp})`,
  );
  await admin.screenshot({ path: `${SHOTS}/requirements-admin.png`, fullPage: true });
});
