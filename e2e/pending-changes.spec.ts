import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createArticle } from "./api";
import { appendToSection } from "./editor";
import { signedInPage } from "./sign-in";

const SHOTS = "/tmp/shots-pending";
const ACCEPTED = "The river turns the old wheels of the town.";
const EDIT = "A new bridge opened downstream in the spring.";

test("pending changes: readers keep the accepted revision until a reviewer accepts the edit", async ({ browser }) => {
  test.setTimeout(150_000);
  mkdirSync(SHOTS, { recursive: true });
  const admin = await signedInPage(browser, "admin");
  const slug = await createArticle(admin, "Pending_journey", ACCEPTED);

  // The admin turns pending changes on from the protection page.
  await admin.goto(`/wiki/${slug}/protect`);
  const form = admin.getByRole("form", { name: "Pending changes" });
  await form.getByRole("radio", { name: /On: readers see accepted revisions/ }).check();
  await form.getByLabel("Reason for pending changes").fill("Frequent vandalism");
  await admin.screenshot({ path: `${SHOTS}/1-protect-form.png`, fullPage: true });
  await form.getByRole("button", { name: "Set pending changes" }).click();
  await expect(admin).toHaveURL(new RegExp(`/wiki/${slug}$`));

  // An autoconfirmed editor saves an edit of the lead: it is saved, and the editor sees it, marked pending.
  const editor = await signedInPage(browser, "regular");
  await appendToSection(editor, { slug, sectionId: "lead", shows: ACCEPTED, sentence: EDIT, summary: "bridge" });
  await expect(editor.locator(".lead")).toContainText(EDIT);
  await expect(editor.getByRole("status")).toContainText("Your edit was saved. Readers will see it once a reviewer");
  await expect(editor.getByRole("note", { name: "Pending changes" })).toContainText("This version is pending review");
  await editor.screenshot({ path: `${SHOTS}/2-editor-sees-latest.png`, fullPage: true });

  // A signed-out reader, in a browser context of their own, still gets the accepted revision, with the notice.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/wiki/${slug}`);
  await expect(reader.locator(".lead")).toContainText(ACCEPTED);
  await expect(reader.locator(".lead")).not.toContainText(EDIT);
  const notice = reader.getByRole("note", { name: "Pending changes" });
  await expect(notice).toContainText("This is the accepted version of this page; 1 pending change awaits review.");
  await reader.screenshot({ path: `${SHOTS}/3-reader-sees-accepted.png`, fullPage: true });
  // History marks the pending edit and the accepted revision readers see.
  await reader.goto(`/wiki/${slug}/history`);
  await expect(reader.locator(".history-row").first()).toContainText("pending review");
  await expect(reader.locator(".history-row").last()).toContainText("accepted version");
  await reader.screenshot({ path: `${SHOTS}/3b-history-pending.png`, fullPage: true });
  await reader.goto(`/wiki/${slug}`);
  // The notice's link shows the pending change.
  await notice.getByRole("link", { name: "Show the pending changes" }).click();
  await expect(reader.locator("ins", { hasText: "bridge" }).first()).toBeVisible();
  await reader.screenshot({ path: `${SHOTS}/4-pending-diff.png`, fullPage: true });

  // The reviewer finds it in the pending-changes list and accepts it, by keyboard.
  const reviewer = await signedInPage(browser, "reviewer");
  await reviewer.goto("/review/pending");
  const row = reviewer.getByRole("row").filter({ hasText: slug.replace(/_/g, " ") });
  await expect(row).toContainText("1 edit");
  await reviewer.screenshot({ path: `${SHOTS}/5-review-pending.png`, fullPage: true });
  await row.getByRole("button", { name: /^Accept pending changes/ }).focus();
  await reviewer.keyboard.press("Enter");
  await expect(row.getByRole("status")).toContainText("Accepted: readers now see revision");
  await reviewer.screenshot({ path: `${SHOTS}/6-accepted.png`, fullPage: true });

  // The reader now sees the edit, and no notice.
  await reader.goto(`/wiki/${slug}`);
  await expect(reader.locator(".lead")).toContainText(EDIT);
  await expect(reader.getByRole("note", { name: "Pending changes" })).toHaveCount(0);
  await reader.goto(`/wiki/${slug}/history`);
  await expect(reader.locator(".history-row").first()).toContainText("accepted by reviewer");
  await reader.screenshot({ path: `${SHOTS}/7-history.png`, fullPage: true });
});
