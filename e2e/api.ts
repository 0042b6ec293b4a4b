import { expect, type Page } from "@playwright/test";

/**
 * A JSON call from the page's signed-in context, through the same-origin check every mutation makes;
 * fails the test unless it succeeds. For a journey's preconditions (an article, its protection, a proposal).
 */
export async function api(page: Page, method: "POST" | "PUT", path: string, data: unknown) {
  const origin = new URL(page.url()).origin;
  const response = await page.request.fetch(path, { method, data, headers: { origin } });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

/**
 * Creates an unprotected article of its own through the JSON API, as the page's user, and returns its slug
 * (`prefix` and the time): a lead of `lead` and a History section (id `sec-history`).
 */
export async function createArticle(
  page: Page,
  prefix: string,
  lead: string,
  /** the History section's inline content (default: one sentence) */
  history: unknown[] = [{ type: "text", text: "Mills stood here for centuries." }],
): Promise<string> {
  const slug = `${prefix}_${Date.now()}`;
  const title = slug.replace(/_/g, " ");
  const paragraph = (content: unknown[]) => ({ type: "doc", content: [{ type: "paragraph", content }] });
  await api(page, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: null,
    title,
    summary: "new article",
    content: {
      title,
      infobox: null,
      sections: [
        { id: "lead", title: "", level: 0, body: paragraph([{ type: "text", text: lead }]) },
        { id: "sec-history", title: "History", level: 2, body: paragraph(history) },
      ],
      references: [],
    },
  });
  return slug;
}
