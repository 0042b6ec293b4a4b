import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./sign-in";

const SLUG = "2024_Hama_offensive";
const SECTION = "sec-fighting-outskirts";
const KEPT = "Local clinics reported running short of fuel for their generators.";
const DECLINED = "Some accounts put the opposition within two kilometres of the city.";

/**
 * newbie proposes two new sentences in two paragraphs of one section, through
 * the JSON API from the signed-in page (typing into two paragraphs of the
 * editor is the editing spec's business); returns the proposal's path.
 */
async function proposeTwoParagraphs(page: Page): Promise<string> {
  const id = await page.evaluate(
    async ({ slug, sectionId, kept, declined }) => {
      const current = await (await fetch(`/api/articles/${slug}`)).json();
      type Block = { type: string; content?: Array<{ type: string; text?: string }> };
      const sections = current.sections.map((section: { id: string; body: { content: Block[] } }) => {
        if (section.id !== sectionId) return section;
        const blocks = section.body.content.map((block, index) =>
          index === 1 || index === 3
            ? {
                ...block,
                content: [...(block.content ?? []), { type: "text", text: ` ${index === 1 ? kept : declined}` }],
              }
            : block,
        );
        return { ...section, body: { ...section.body, content: blocks } };
      });
      const references = current.references.map(
        ({ number: _n, timesCited: _t, ...reference }: Record<string, unknown>) => reference,
      );
      const response = await fetch(`/api/articles/${slug}/edits`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          baseRevisionId: current.revision.id,
          summary: "Outskirts: fuel shortages and distances",
          rationale: "Two details from the sources",
          content: { title: current.title, infobox: current.infobox, sections, references },
        }),
      });
      const body = await response.json();
      if (response.status !== 202) throw new Error(JSON.stringify(body));
      return body.proposal.id as number;
    },
    { slug: SLUG, sectionId: SECTION, kept: KEPT, declined: DECLINED },
  );
  return `/proposals/${id}`;
}

test("a reviewer declines one paragraph of a changed section with a reason and approves the rest", async ({
  browser,
}) => {
  const shots = "/tmp/shots-blocks";
  const newbie = await signedInPage(browser, "newbie");
  const proposal = await proposeTwoParagraphs(newbie);

  const reviewer = await signedInPage(browser, "reviewer");
  await reviewer.goto(proposal);
  const parts = reviewer.getByRole("group", { name: /Accept the parts you agree with/ });
  await expect(parts).toBeVisible();
  // The section expands to its changed blocks, by keyboard.
  const summary = parts.locator("summary").filter({ hasText: "Blocks of section ‘Fighting on the outskirts’" });
  await summary.focus();
  await reviewer.keyboard.press("Enter");
  const blocks = parts.getByRole("list", { name: "Changed blocks of section ‘Fighting on the outskirts’" });
  await expect(blocks.getByRole("listitem")).toHaveCount(2);
  await expect(blocks.getByRole("listitem").nth(0)).toContainText("Paragraph 2");
  await expect(blocks.getByRole("listitem").nth(0)).toContainText("Anas Alkharboutli");
  await reviewer.screenshot({ path: `${shots}/1-blocks-listed.png`, fullPage: true });

  const fourth = blocks.getByRole("checkbox", { name: /Paragraph 4/ });
  await fourth.focus();
  await reviewer.keyboard.press("Space");
  await expect(fourth).not.toBeChecked();
  const reason = reviewer.getByLabel("Reason for declining paragraph 4 of section ‘Fighting on the outskirts’");
  await reason.fill("The two-kilometre figure comes from one unverified account.");
  await expect(reviewer.getByRole("button", { name: "Approve the accepted parts" })).toBeVisible();
  await parts.screenshot({ path: `${shots}/2-paragraph-declined.png` });
  await reviewer.getByRole("button", { name: "Approve the accepted parts" }).click();
  await expect(reviewer.locator(".status-badge").first()).toHaveText("Partially approved");

  const log = reviewer.locator(".declined-parts");
  await expect(log).toContainText("Declined paragraph 4 of “Fighting on the outskirts”");
  await expect(log).toContainText("By the close of the day Hama was enclosed");
  await expect(log).toContainText("one unverified account");
  await log.getByText("Declined text").click();
  await expect(log.locator("blockquote")).toContainText(DECLINED);
  await reviewer.locator(".discussion").screenshot({ path: `${shots}/3-decision-log.png` });

  // The author sees what was declined, with its text, to carry into a new proposal.
  await newbie.goto(proposal);
  await expect(newbie.locator(".declined-parts")).toContainText("Declined paragraph 4 of “Fighting on the outskirts”");

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/wiki/${SLUG}`);
  const section = reader.locator(`section[data-section-id="${SECTION}"]`);
  await expect(section).toContainText(KEPT);
  await expect(section).not.toContainText(DECLINED);
  await expect(section).toContainText("By the close of the day Hama was enclosed on three sides");
  await section.screenshot({ path: `${shots}/4-article.png` });
});
