import { expect, test, type Page } from "@playwright/test";
import { selectWord } from "./editor";
import { signedInPage } from "./sign-in";

const SLUG = "2024_Hama_offensive";
const SECTION = "sec-fall-of-hama";
const SHOTS = "/tmp/shots-interdiff";

/** A same-origin JSON request from the signed-in page (the API refuses other origins). */
async function postJson(
  page: Page,
  url: string,
  body: unknown,
): Promise<{ status: number; data: { proposal?: { id: number } } }> {
  return page.evaluate(
    async ([url, body]) => {
      const response = await fetch(url as string, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, data: await response.json() };
    },
    [url, body] as const,
  );
}

/** The article's current content with `sentence` as a new last paragraph of the section. */
async function withSentence(page: Page, sentence: string) {
  const current = await (await page.request.get(`/api/articles/${SLUG}`)).json();
  const content = {
    title: current.title,
    infobox: current.infobox,
    // The API adds each reference's number and count of citations; the edit takes references as stored.
    references: current.references.map(
      ({ number: _n, timesCited: _t, ...reference }: Record<string, unknown>) => reference,
    ),
    sections: current.sections.map((section: { id: string; body: { content: unknown[] } }) =>
      section.id === SECTION
        ? {
            ...section,
            body: {
              ...section.body,
              content: [...section.body.content, { type: "paragraph", content: [{ type: "text", text: sentence }] }],
            },
          }
        : section,
    ),
  };
  return { baseRevisionId: current.revision.id as number, content };
}

test("the reviewer sees only the changes since their last review, amends one word, approves; history and the log show both", async ({
  browser,
}) => {
  // A long journey (two accounts, the editor, an approval, three readers' pages) on a shared, loaded machine.
  test.setTimeout(180_000);
  const newbie = await signedInPage(browser, "newbie");
  const first = await withSentence(newbie, "Witnesses reported that the garrison withdrew overnight.");
  const proposed = await postJson(newbie, `/api/articles/${SLUG}/edits`, {
    ...first,
    summary: "Fall of Hama: the withdrawal",
    rationale: "From the agency reports.",
  });
  expect(proposed.status).toBe(202);
  const id = proposed.data.proposal!.id;

  // The reviewer sees version 1: the server remembers it.
  const reviewer = await signedInPage(browser, "reviewer");
  await reviewer.goto(`/proposals/${id}`);
  await expect(reviewer.getByRole("heading", { name: /Changes proposed/ })).toBeVisible();

  // The author posts version 2 meanwhile.
  const second = await withSentence(newbie, "Witnesses reported that the garrison withdrew overnight to Homs.");
  const revised = await postJson(newbie, `/api/proposals/${id}/versions`, { ...second, summary: "" });
  expect(revised.status).toBe(201);

  // Back on the proposal: only what changed since version 1, with the full diff a click away.
  await reviewer.goto(`/proposals/${id}`);
  const interdiff = reviewer.getByRole("region", { name: /Changes since your last review \(version 1 → 2\)/ });
  await expect(interdiff).toBeVisible();
  await expect(interdiff.locator(".diff ins").filter({ hasText: "Homs" }).first()).toBeVisible();
  await expect(reviewer.getByRole("heading", { name: /Changes proposed/ })).toHaveCount(0);
  await expect(reviewer.getByRole("link", { name: "Show the full diff against the base" })).toBeVisible();
  await reviewer.screenshot({ path: `${SHOTS}/1-changes-since-last-review.png`, fullPage: true });

  // The reviewer amends one word in the same editor.
  await reviewer.getByRole("link", { name: "Amend in the editor" }).click();
  await expect(reviewer.getByText(`Amend proposal #${id} (version 2) by newbie`)).toBeVisible();
  const editor = reviewer.getByRole("textbox", { name: "Article text" });
  await expect(editor).toContainText("withdrew overnight to Homs");
  await selectWord(editor, "withdrew overnight to Homs");
  await reviewer.keyboard.type("retreated overnight to Homs");
  await reviewer.screenshot({ path: `${SHOTS}/2-amending.png` });
  await reviewer.getByRole("button", { name: "Save the amendment" }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/proposals/${id}$`));
  await expect(reviewer.locator(".status-badge").first()).toHaveText("Open for review");
  await expect(reviewer.getByText("Version 3 (amended by reviewer)")).toBeVisible();

  // The amendment approves nothing by itself; the reviewer approves version 3.
  await reviewer.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(reviewer.locator(".status-badge").first()).toHaveText("Approved");
  await expect(reviewer.locator(".discussion")).toContainText("approved with amendments by reviewer");
  await reviewer.screenshot({ path: `${SHOTS}/3-approved-with-amendments.png`, fullPage: true });
  await reviewer.getByRole("link", { name: /diff of the amendment, version 2 → 3/ }).click();
  const amendment = reviewer.getByRole("region", { name: /Changes between versions \(version 2 → 3\)/ });
  await expect(amendment.locator(".diff ins").filter({ hasText: "retreated" }).first()).toBeVisible();
  await reviewer.screenshot({ path: `${SHOTS}/4-amendment-diff.png`, fullPage: true });

  // History: the proposer is the author, the reviewer amended and approved.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/wiki/${SLUG}/history`);
  const row = reader.locator("li").filter({ hasText: "Fall of Hama: the withdrawal" }).first();
  await expect(row.locator(".history-author")).toHaveText("newbie");
  await expect(row).toContainText("amended and approved by reviewer");
  await reader.screenshot({ path: `${SHOTS}/5-history.png` });
  await reader.goto("/log/review");
  const entry = reader
    .locator("li")
    .filter({ hasText: `proposal #${id}` })
    .first();
  await expect(entry).toContainText("by newbie");
  await expect(entry).toContainText("approved with amendments by reviewer");
  await reader.screenshot({ path: `${SHOTS}/6-review-log.png` });
  await reader.goto(`/wiki/${SLUG}`);
  await expect(reader.getByText("retreated overnight to Homs")).toBeVisible();
});
