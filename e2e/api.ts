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
