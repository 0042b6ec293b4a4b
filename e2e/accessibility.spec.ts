import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signedInPage } from "./sign-in";

/**
 * Issue 19: every page type, light and dark, has no serious or critical
 * WCAG 2.2 A/AA violation as axe-core finds them. Pages are visited as the
 * user who sees them (the editor as a user who may edit, the queue as a
 * reviewer, the admin page as an admin).
 */
const SLUG = "2024_Hama_offensive";
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Scheme = "light" | "dark";

async function pageAs(browser: Browser, scheme: Scheme, username: string | null): Promise<Page> {
  if (username) return signedInPage(browser, username, { colorScheme: scheme });
  return (await browser.newContext({ colorScheme: scheme })).newPage();
}

/** The serious and critical violations on the page as it is now, one line each. */
async function violations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .flatMap((violation) =>
      violation.nodes
        .slice(0, 3)
        .map(
          (node) =>
            `${label}: ${violation.id} (${violation.impact}) at ${node.target.join(" ")}: ${node.failureSummary?.split("\n").slice(1).join(" ").trim()}`,
        ),
    );
}

/** A proposal to look at: newbie proposes a one-word change to the lead of the (protected) demo article. */
async function openProposal(page: Page): Promise<string> {
  const origin = new URL(page.url()).origin;
  const article = await (await page.request.get(`/api/articles/${SLUG}`)).json();
  const references = article.references.map(
    ({ number: _number, timesCited: _timesCited, ...reference }: Record<string, unknown>) => reference,
  );
  const content = { title: article.title, infobox: article.infobox, sections: article.sections, references };
  content.sections[0].body.content[0].content.push({ type: "text", text: " Accessibility check." });
  const response = await page.request.post(`/api/articles/${SLUG}/edits`, {
    headers: { origin },
    data: { baseRevisionId: article.revision.id, content, summary: "Lead: a sentence for the accessibility check" },
  });
  expect(response.status()).toBe(202);
  return `/proposals/${(await response.json()).proposal.id}`;
}

/** Visits each page as `page`'s user and collects what axe finds. */
async function check(page: Page, pages: Array<[label: string, path: string]>): Promise<string[]> {
  const found: string[] = [];
  for (const [label, path] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), `${label}: ${path}`).toBeLessThan(500);
    found.push(...(await violations(page, label)));
  }
  return found;
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`accessibility (${scheme})`, () => {
    // axe takes seconds a page on a loaded machine; these are long walks, not timings.
    test.describe.configure({ timeout: 300_000 });

    test("reader pages", async ({ browser }) => {
      const reader = await pageAs(browser, scheme, null);
      await reader.goto(`/wiki/${SLUG}/history`);
      const revisionIds = await reader
        .locator(".history-row")
        .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-revision-id")));
      const [newest, oldest] = [revisionIds[0], revisionIds[revisionIds.length - 1]];
      const found = await check(reader, [
        ["home", "/"],
        ["article", `/wiki/${SLUG}`],
        ["old revision", `/wiki/${SLUG}?oldid=${oldest}`],
        ["history", `/wiki/${SLUG}/history`],
        ["diff (inline)", `/wiki/${SLUG}/diff?from=${oldest}&to=${newest}`],
        ["diff (side by side)", `/wiki/${SLUG}/diff?from=${oldest}&to=${newest}&mode=side-by-side`],
        ["missing article", "/wiki/No_such_article_here"],
        ["bad revision of an article", `/wiki/${SLUG}?oldid=999999999`],
        ["search", "/search?q=Hama"],
        ["login", "/login"],
        ["register", "/register"],
        ["block list", "/admin/blocks"],
        ["protection log", `/wiki/${SLUG}/log`],
      ]);
      expect(found, found.join("\n")).toEqual([]);
    });

    test("editor and review pages", async ({ browser }) => {
      const editor = await pageAs(browser, scheme, "veteran");
      await editor.goto(`/wiki/${SLUG}/edit?section=sec-aftermath`);
      await expect(editor.getByRole("textbox", { name: "Section text" })).toBeVisible();
      const found = await violations(editor, "editor");
      const proposer = await pageAs(browser, scheme, "newbie");
      const proposalPath = await openProposal(proposer);
      const reviewer = await pageAs(browser, scheme, "reviewer");
      found.push(
        ...(await check(reviewer, [
          ["proposal", proposalPath],
          ["review queue", "/review"],
          ["pending changes", "/review/pending"],
          ["review log", "/log/review"],
          ["notifications", "/notifications"],
          ["watchlist", "/watchlist"],
          ["notification preferences", "/notifications/preferences"],
        ])),
      );
      expect(found, found.join("\n")).toEqual([]);
    });

    test("admin pages", async ({ browser }) => {
      const admin = await pageAs(browser, scheme, "admin");
      const found = await check(admin, [
        ["admin", "/admin"],
        ["manage users", "/admin/users"],
        ["review requirements", "/admin/review-requirements"],
        ["user page (as admin)", "/user/regular"],
        ["protect", `/wiki/${SLUG}/protect`],
      ]);
      expect(found, found.join("\n")).toEqual([]);
    });
  });
}
