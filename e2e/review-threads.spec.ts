import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./sign-in";

const SHOTS = "/tmp/shots-comments";
const SLUG = "2024_Hama_offensive";
const ADDED = "Checkpoints on the road to Homs were abandoned within hours of the city's fall.";
const SUGGESTED = "Government checkpoints on the road to Homs were abandoned within hours.";

/** newbie proposes, through the JSON API from their signed-in page, one new cited paragraph at the end of Aftermath. */
async function proposeParagraph(page: Page): Promise<number> {
  return page.evaluate(
    async ({ slug, added }) => {
      const article = await (await fetch(`/api/articles/${slug}`)).json();
      const section = article.sections.find((candidate: { id: string }) => candidate.id === "sec-aftermath");
      const paragraph = {
        type: "paragraph",
        content: [
          { type: "text", text: added },
          { type: "citation", attrs: { refKey: "reuters-army-collapsed" } },
        ],
      };
      const response = await fetch(`/api/articles/${slug}/edits`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          baseRevisionId: article.revision.id,
          summary: "Aftermath: abandoned checkpoints",
          rationale: "Sourced to Reuters.",
          sectionEdit: {
            sectionId: section.id,
            sections: [{ ...section, body: { ...section.body, content: [...section.body.content, paragraph] } }],
          },
        }),
      });
      if (response.status !== 202) throw new Error(`proposal refused: ${response.status} ${await response.text()}`);
      return (await response.json()).proposal.id as number;
    },
    { slug: SLUG, added: ADDED },
  );
}

test("a reviewer comments on a citation and suggests a change; the author sees both in the editor and applies the suggestion", async ({
  browser,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const newbie = await signedInPage(browser, "newbie");
  const proposalId = await proposeParagraph(newbie);

  // The reviewer comments on the new paragraph's citation, from the diff, with the keyboard.
  const reviewer = await signedInPage(browser, "reviewer");
  await reviewer.goto(`/proposals/${proposalId}`);
  const changed = reviewer.locator(".diff-block-with-aside").filter({ hasText: "Checkpoints on the road" });
  await changed.getByRole("button", { name: "Add comment" }).focus();
  await reviewer.keyboard.press("Enter");
  const form = changed.locator("form.thread-new");
  await form.getByLabel("Comment on").selectOption({ index: 2 });
  await expect(form.getByLabel("Comment on")).toHaveValue("citation:reuters-army-collapsed");
  await form.getByLabel("Comment", { exact: true }).fill("Does this Reuters piece mention Homs at all?");
  await form.getByRole("button", { name: "Start thread" }).click();
  const citationThread = reviewer.locator(".review-thread").filter({ hasText: "Does this Reuters piece" });
  await expect(citationThread).toContainText("On the citation of “How Assad");

  // ... and suggests a tighter wording of the same paragraph.
  await changed.getByRole("button", { name: "Add comment" }).click();
  await changed.getByLabel("Comment", { exact: true }).fill("Tighter, and say whose checkpoints.");
  await changed.getByLabel("Suggest a replacement for the paragraph").check();
  const suggestion = changed.getByLabel(/Suggested paragraph/);
  await expect(suggestion).toHaveValue(`${ADDED}[[ref:reuters-army-collapsed]]`);
  await suggestion.fill(`${SUGGESTED}[[ref:reuters-army-collapsed]]`);
  await changed.getByRole("button", { name: "Start thread" }).click();
  const suggestionThread = reviewer.locator(".review-thread").filter({ hasText: "Tighter, and say" });
  await expect(suggestionThread.locator(".thread-suggestion")).toContainText(SUGGESTED);
  await expect(suggestionThread.getByRole("button", { name: "Apply suggestion" })).toHaveCount(0);
  await changed.scrollIntoViewIfNeeded();
  await reviewer.screenshot({ path: `${SHOTS}/1-reviewer-threads.png`, fullPage: false });

  // The author sees both threads beside the text in the editor; a click takes them to the paragraph.
  await newbie.goto(`/wiki/${SLUG}/edit?proposal=${proposalId}`);
  // The editor mounts only in the browser: once it is there, the page is hydrated and the panel's buttons work.
  await expect(newbie.getByRole("textbox", { name: "Article text" })).toContainText("Checkpoints on the road");
  const panel = newbie.getByRole("complementary", { name: /Review threads/ });
  await expect(panel).toContainText("2 open");
  const group = panel.getByRole("region", { name: "Threads on Aftermath" });
  await expect(group.locator(".editor-thread")).toHaveCount(2);
  await group.getByRole("button", { name: "On the citation of “reuters-army-collapsed”" }).click();
  await expect(newbie.locator(".thread-target-marker")).toBeInViewport();
  const caretIn = await newbie.evaluate(() => {
    const node = window.getSelection()?.anchorNode;
    const element = node instanceof Element ? node : node?.parentElement;
    return element?.closest("p")?.textContent;
  });
  expect(caretIn).toContain("Checkpoints on the road");
  await newbie.screenshot({ path: `${SHOTS}/2-editor-panel.png` });

  // On the proposal page, the author applies the suggestion with one click: version 2, thread applied.
  await newbie.goto(`/proposals/${proposalId}`);
  const authorThread = newbie.locator(".review-thread").filter({ hasText: "Tighter, and say" });
  await authorThread.getByRole("button", { name: "Apply suggestion" }).click();
  await expect(newbie.locator(".proposal-meta")).toContainText("version 2");
  const applied = newbie.locator(".review-thread").filter({ hasText: "Tighter, and say" });
  await expect(applied.locator(".thread-status")).toHaveText("Applied in version 2");
  await expect(newbie.locator(".diff").first()).toContainText("Government checkpoints on the road to Homs");
  // The citation thread still stands on the paragraph, changed in place.
  await expect(newbie.locator(".review-thread").filter({ hasText: "Does this Reuters piece" })).toHaveCount(1);
  await applied.locator("summary").click();
  await applied.scrollIntoViewIfNeeded();
  await newbie.screenshot({ path: `${SHOTS}/3-applied.png` });
});
