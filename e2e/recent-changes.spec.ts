import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { api, createArticle } from "./api";
import { signedInPage } from "./sign-in";

const SHOTS = "/tmp/changes";
const GOOD = "The old mill ground wheat for the valley.";
const VANDAL_PASSWORD = "a vandal's long passphrase 42";

/** A lead-only section edit through the JSON API, as the page's user, on the article's current revision. */
async function editLead(page: Page, slug: string, text: string, summary: string): Promise<number> {
  const current = await (await page.request.get(`/api/articles/${slug}`)).json();
  const saved = await api(page, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: current.revision.id,
    summary,
    sectionEdit: {
      sectionId: "lead",
      sections: [
        {
          id: "lead",
          title: "",
          level: 0,
          body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
        },
      ],
    },
  });
  return saved.revision.id;
}

/** Serious and critical axe violations of the page as it is, one line each. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

test("a reviewer patrols and rolls back a vandal from recent changes", async ({ browser }) => {
  test.setTimeout(240_000);
  mkdirSync(SHOTS, { recursive: true });
  // Two unprotected articles of the journey's own: one to vandalize, one a new user improves.
  const admin = await signedInPage(browser, "admin");
  const target = await createArticle(admin, "Mill_history", GOOD);
  const other = await createArticle(admin, "Mill_stream", "The stream feeds the mill.");
  const newbie = await signedInPage(browser, "newbie");
  const goodEdit = await editLead(newbie, other, "The stream feeds the mill and the pond.", "pond");

  // A fresh account, registered through the API, vandalizes the first article twice.
  const vandalName = `Vandal${Date.now() % 1_000_000}`;
  const vandal = await (await browser.newContext()).newPage();
  await vandal.goto("/");
  await api(vandal, "POST", "/api/users", { username: vandalName, password: VANDAL_PASSWORD });
  await vandal.goto("/login");
  await vandal.getByLabel("Username").fill(vandalName);
  await vandal.getByLabel("Password").fill(VANDAL_PASSWORD);
  await vandal.getByRole("button", { name: "Sign in" }).click();
  await expect(vandal.locator(".site-account")).toContainText(vandalName);
  await editLead(vandal, target, "MILLS ARE FAKE.", "fixed");
  const vandalHead = await editLead(vandal, target, "MILLS ARE FAKE!!! <script>alert(1)</script>", "fixed more");

  // The reviewer opens recent changes and filters to what awaits patrol.
  const reviewer = await signedInPage(browser, "reviewer");
  await reviewer.goto("/recent-changes");
  await expect(reviewer.getByRole("heading", { name: "Recent changes" })).toBeVisible();
  await reviewer.screenshot({ path: `${SHOTS}/1-recent-changes.png`, fullPage: true });
  await reviewer.getByLabel("Unpatrolled only").check();
  await reviewer.getByRole("button", { name: "Filter" }).click();
  await expect(reviewer).toHaveURL(/unpatrolled=1/);
  const rows = reviewer.locator(".change-row");
  await expect(rows.filter({ hasText: vandalName })).toHaveCount(2);
  await expect(rows.first().locator("abbr.unpatrolled")).toHaveText("!");
  await reviewer.screenshot({ path: `${SHOTS}/2-unpatrolled.png`, fullPage: true });

  // The new user's good edit is patrolled.
  const otherTitle = other.replace(/_/g, " ");
  await reviewer.getByRole("button", { name: `mark as patrolled: revision ${goodEdit} of ${otherTitle}` }).click();
  await expect(rows.filter({ hasText: "pond" }).getByRole("status")).toHaveText("Marked as patrolled.");

  // The vandal's edits are rolled back in one action, from the row of the article's current revision.
  const title = target.replace(/_/g, " ");
  await reviewer.getByRole("button", { name: `rollback: the edits by ${vandalName} to ${title}` }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Rolled back" })).toContainText(
    `Rolled back 2 edits by ${vandalName} to the last revision by admin`,
  );
  await reviewer.screenshot({ path: `${SHOTS}/3-patrolled-and-rolled-back.png`, fullPage: true });

  // The article is restored.
  await reviewer.goto(`/wiki/${target}`);
  await expect(reviewer.locator(".lead")).toContainText(GOOD);
  await expect(reviewer.locator(".lead")).not.toContainText("FAKE");
  await reviewer.goto(`/wiki/${target}/history`);
  await expect(reviewer.locator(".history-row").first()).toContainText(
    `Reverted edits by ${vandalName} (talk) to last revision by admin`,
  );
  await reviewer.screenshot({ path: `${SHOTS}/4-history.png`, fullPage: true });

  // The log shows the patrol and the rollback.
  await reviewer.goto("/log");
  const log = reviewer.locator(".change-row");
  await expect(log.filter({ hasText: `rolled back edits by ${vandalName} to ${title}` })).toHaveCount(1);
  await expect(
    log.filter({ hasText: `marked revision ${goodEdit} of ${otherTitle} by newbie as patrolled` }),
  ).toHaveCount(1);
  await reviewer.screenshot({ path: `${SHOTS}/5-log.png`, fullPage: true });
  await reviewer.goto("/log?type=rollback");
  await expect(reviewer.getByRole("heading", { name: "Rollback log" })).toBeVisible();

  // The vandal's edits no longer await patrol; the old head cannot be rolled back twice (the confirm page says why).
  await reviewer.goto(`/wiki/${target}/rollback?head=${vandalHead}`);
  await expect(reviewer.locator(".notice[role=alert]")).toContainText("no longer the current revision");
  await reviewer.screenshot({ path: `${SHOTS}/6-rollback-stale.png`, fullPage: true });

  // The feed is readable anonymously and is XML the browser parses.
  const anonymous = await (await browser.newContext()).newPage();
  const feed = await anonymous.request.get("/recent-changes?format=atom");
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  await anonymous.goto("/");
  const parsed = await anonymous.evaluate(
    (text) => {
      const document = new DOMParser().parseFromString(text, "application/xml");
      return {
        error: document.querySelector("parsererror")?.textContent ?? null,
        entries: document.querySelectorAll("entry").length,
      };
    },
    await feed.text(),
  );
  expect(parsed.error).toBeNull();
  expect(parsed.entries).toBeGreaterThan(3);
});

test("patrol from the diff page, the rollback link on history, and accessibility in both schemes", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  mkdirSync(SHOTS, { recursive: true });
  const admin = await signedInPage(browser, "admin");
  const slug = await createArticle(admin, "Weir_history", "The weir holds the river.");
  const newbie = await signedInPage(browser, "newbie");
  const edit = await editLead(newbie, slug, "The weir holds the river back.", "back");
  const reviewer = await signedInPage(browser, "reviewer");
  const head = await (await reviewer.request.get(`/api/articles/${slug}`)).json();
  await reviewer.goto(`/wiki/${slug}/diff?from=${head.revision.parentId}&to=${edit}`);
  await reviewer.getByRole("link", { name: "mark as patrolled" }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/wiki/${slug}/patrol\\?revision=${edit}`));
  await reviewer.screenshot({ path: `${SHOTS}/7-patrol-page.png`, fullPage: true });
  await reviewer.getByRole("button", { name: /^mark as patrolled/ }).click();
  await expect(reviewer.getByRole("status")).toHaveText("Marked as patrolled.");
  await reviewer.goto(`/wiki/${slug}/diff?from=${head.revision.parentId}&to=${edit}`);
  await expect(reviewer.getByRole("link", { name: "mark as patrolled" })).toHaveCount(0);
  await reviewer.goto(`/wiki/${slug}/history`);
  await reviewer.getByRole("link", { name: "rollback" }).click();
  await expect(reviewer.getByRole("main")).toContainText("This undoes the last edit by newbie");
  await reviewer.screenshot({ path: `${SHOTS}/8-rollback-confirm.png`, fullPage: true });

  for (const scheme of ["light", "dark"] as const) {
    const page = await signedInPage(browser, "reviewer", { colorScheme: scheme });
    const found: string[] = [];
    for (const path of [
      "/recent-changes",
      "/recent-changes?unpatrolled=1",
      "/log",
      `/wiki/${slug}/rollback?head=${edit}`,
    ]) {
      await page.goto(path);
      found.push(...(await violations(page)).map((line) => `${scheme} ${path}: ${line}`));
    }
    await page.goto("/recent-changes");
    await page.screenshot({ path: `${SHOTS}/9-recent-changes-${scheme}.png`, fullPage: true });
    expect(found).toEqual([]);
  }
});
