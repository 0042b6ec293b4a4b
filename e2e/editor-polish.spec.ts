import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { api } from "./api";
import { clickCitation, selectWord } from "./editor";
import { signedInPage } from "./sign-in";

/*
 * The editor never loses or silently changes text (issue 19): "Show changes" marks only what changed, as the
 * server's diff does; a section's draft follows the user into the whole-article editor; a removed citation is
 * reported as it goes, with Undo, and listed in "Show changes"; the conflict panel diffs theirs against yours
 * and its save button stays in sight.
 */

const SHOTS = "/tmp/editor19-shots";
const P1 = "Mills stood here for centuries.";
const P2 = "The first wheel was built of oak.";
const P3 = "Floods took two of them in 1890.";
const NEW = "A second mill was built upstream in 1902.";
const REFS = [
  { key: "river-book", title: "The mills of the river", url: "https://example.org/river" },
  { key: "wheels", title: "Wheels and water", url: "https://example.org/wheels" },
];

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const text = (value: string) => ({ type: "text", text: value });
const cite = (refKey: string) => ({ type: "citation", attrs: { refKey } });
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });

/** An unprotected article of its own: a cited lead and a History of three paragraphs citing two sources. */
async function createCitedArticle(page: Page, prefix: string): Promise<{ slug: string; revisionId: number }> {
  const slug = `${prefix}_${Date.now()}`;
  const title = slug.replace(/_/g, " ");
  const created = await api(page, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: null,
    title,
    summary: "new article",
    content: {
      title,
      infobox: null,
      sections: [
        {
          id: "lead",
          title: "",
          level: 0,
          body: { type: "doc", content: [paragraph(text("The river turns the old wheels."), cite("river-book"))] },
        },
        {
          id: "sec-history",
          title: "History",
          level: 2,
          body: {
            type: "doc",
            content: [
              paragraph(text(P1), cite("wheels")),
              paragraph(
                text("The first wheel was built of "),
                { type: "text", text: "oak", marks: [{ type: "italic" }] },
                text("."),
              ),
              paragraph(text(P3), cite("river-book"), cite("wheels")),
            ],
          },
        },
      ],
      references: REFS,
    },
  });
  return { slug, revisionId: created.revision.id };
}

/** No serious or critical WCAG 2.2 A/AA finding of axe-core on the page as it is now (as e2e/accessibility.spec.ts checks pages). */
async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const found = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${label}: ${violation.id} at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  expect(found).toEqual([]);
}

async function openSection(page: Page, slug: string) {
  await page.goto(`/wiki/${slug}/edit?section=sec-history`);
  const editor = page.getByRole("textbox", { name: "Section text" });
  await expect(editor).toContainText(P3);
  return editor;
}

test("Show changes after inserting a paragraph marks only the new one, as the server's diff of the same edit does", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "regular");
  const { slug, revisionId } = await createCitedArticle(page, "Show_changes");
  const editor = await openSection(page, slug);
  // A new paragraph before the second: every later paragraph used to show as changed (±).
  await selectWord(editor, "The first");
  await page.keyboard.press("Home");
  await page.keyboard.type(NEW);
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Show changes" }).click();
  const changes = page.getByRole("region", { name: "Your changes", exact: true });
  await expect(changes.locator('[data-op="insert"]')).toHaveCount(1);
  await expect(changes.locator('[data-op="insert"]')).toContainText(NEW);
  await expect(changes.locator('[data-op="change"], [data-op="delete"]')).toHaveCount(0);
  await expect(changes.locator(".removed-citations")).toHaveCount(0);
  // The paragraph after it is shown as the unchanged context it is.
  await expect(changes.locator(".diff-equal").filter({ hasText: P2 })).toHaveCount(1);
  await changes.screenshot({ path: `${SHOTS}/1-show-changes-insert.png` });

  await page.getByLabel("Edit summary").fill("second mill");
  await expect(page.locator("#summary-count")).toHaveText(`${500 - "second mill".length} left`);
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${slug}\\?saved=1`));
  const current = (await (await page.request.get(`/api/articles/${slug}`)).json()).revision.id as number;
  // The server's diff of the same edit says the same.
  await page.goto(`/wiki/${slug}/diff?from=${revisionId}&to=${current}&mode=inline`);
  await expect(page.locator('.diff [data-op="insert"]')).toHaveCount(1);
  await expect(page.locator('.diff [data-op="change"], .diff [data-op="delete"]')).toHaveCount(0);
  await page.context().close();
});

test("switching from a section to the whole article carries what was typed over, and publishing keeps it", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "regular");
  const { slug } = await createCitedArticle(page, "Carry_over");
  const editor = await openSection(page, slug);
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(` ${NEW}`);
  await page.getByLabel("Edit summary").fill("second mill");

  await page.getByRole("link", { name: "Edit the whole article" }).click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${slug}/edit$`));
  const whole = page.getByRole("textbox", { name: "Article text" });
  await expect(whole).toContainText(NEW);
  await expect(whole).toContainText("The river turns the old wheels.");
  const notice = page.getByRole("status").filter({ hasText: "unsaved changes" });
  await expect(notice).toContainText("Your unsaved changes to the section “History” are here, in the whole article.");
  await expect(page.getByLabel("Edit summary")).toHaveValue("second mill");
  await page.screenshot({ path: `${SHOTS}/2-carried-into-whole.png` });

  // Reloading the whole-article editor restores the carried draft (it is stored under its own key now).
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Article text" })).toContainText(NEW);
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${slug}\\?saved=1`));
  await expect(page.locator('section[data-section-id="sec-history"]')).toContainText(NEW);
  // The section's own copy went with it: reopening the section offers no stale draft.
  await openSection(page, slug);
  await expect(page.getByText(/unsaved changes/)).toHaveCount(0);
  await page.context().close();
});

test("a citation selected by a click and replaced by a keystroke is reported at once, Undo puts it back, and Show changes lists it", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "regular");
  const { slug } = await createCitedArticle(page, "Citation_removed");
  const editor = await openSection(page, slug);
  const citations = editor.locator("sup[data-citation]");
  await expect(citations).toHaveCount(3);
  const report = page.locator(".citation-removed");
  await expect(report).toHaveAttribute("role", "status");
  await expect(report).toBeEmpty();

  // The lead cites "The mills of the river" first, so "Wheels and water" is [2] in this section too.
  await clickCitation(page, citations.first());
  await page.keyboard.type("x");
  await expect(citations).toHaveCount(2);
  await expect(report).toContainText("Citation [2] to “Wheels and water” removed —");
  await expect(report).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/3-citation-removed-notice.png` });
  await report.getByRole("button", { name: "Undo: put back citation [2] to “Wheels and water”" }).click();
  await expect(citations).toHaveCount(3);
  await expect(report).toBeEmpty();
  // Back where it was, before the letter that replaced it.
  await expect(editor.locator("p").first()).toHaveText(`${P1}[*]x`);
  await expect(citations.first()).toHaveAttribute("data-number", "2");

  // Gone again (Delete on the selected marker), and listed in "Show changes" by its source's title.
  await clickCitation(page, citations.first());
  await page.keyboard.press("Delete");
  await expect(citations).toHaveCount(2);
  await expect(report).toContainText("Citation [2] to “Wheels and water” removed");
  await page.getByRole("button", { name: "Show changes" }).click();
  const changes = page.getByRole("region", { name: "Your changes", exact: true });
  const removed = changes.getByRole("note").filter({ hasText: "citation was removed" });
  await expect(removed).toContainText("“Wheels and water” in “History”");
  await expect(changes.locator('[data-op="change"] del .diff-cite')).toHaveText("[cite: Wheels and water]");
  await changes.screenshot({ path: `${SHOTS}/4-show-changes-removed-citation.png` });
  await expectAccessible(page, "removed citation, light");
  await page.context().close();
});

test("an edit conflict diffs their version against yours, and its save button stays in sight however it is scrolled", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "regular", { viewport: { width: 1000, height: 640 }, colorScheme: "dark" });
  const { slug, revisionId } = await createCitedArticle(page, "Conflict");
  const editor = await openSection(page, slug);
  await selectWord(editor, "oak");
  await page.keyboard.type("pine");

  // Meanwhile someone else changes the same section.
  const other = await signedInPage(browser, "veteran");
  await other.goto(`/wiki/${slug}`);
  await api(other, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: revisionId,
    summary: "their change",
    sectionEdit: {
      sectionId: "sec-history",
      sections: [
        {
          id: "sec-history",
          title: "History",
          level: 2,
          body: {
            type: "doc",
            content: [
              paragraph(text(P1), cite("wheels")),
              paragraph(text("The first wheel was built of walnut.")),
              paragraph(text(P3), cite("river-book"), cite("wheels")),
            ],
          },
        },
      ],
    },
  });
  await other.context().close();

  await page.getByRole("button", { name: "Publish changes" }).click();
  const conflict = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Edit conflict" }) });
  await expect(conflict).toBeVisible();
  // Scrolled so the button would stand at the top of the window: the sticky header must not cover it.
  const merge = conflict.getByRole("button", { name: /I have merged by hand/ });
  for (const where of ["top", "bottom"] as const) {
    await merge.evaluate((button, where) => {
      const panel = button.closest("section")!;
      if (where === "top") window.scrollBy(0, button.getBoundingClientRect().top);
      else window.scrollBy(0, panel.getBoundingClientRect().bottom - window.innerHeight / 2);
    }, where);
    await expect(merge).toBeInViewport();
    const hit = await merge.evaluate((button) => {
      const box = button.getBoundingClientRect();
      return button.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
    });
    expect(hit, `the save button is uncovered when scrolled (${where})`).toBe(true);
  }
  await page.screenshot({ path: `${SHOTS}/6-conflict-scrolled.png` });
  const diff = conflict.locator(".conflict-diff");
  await expect(diff.locator('[data-op="change"] del')).toContainText("walnut");
  await expect(diff.locator('[data-op="change"] ins')).toContainText("pine");
  await expect(diff.locator('[data-op="change"]')).toHaveCount(1);
  // Only the section in conflict, with every reference it cites: no false "points nowhere" warning.
  await expect(diff.locator(".diff-flags")).toHaveCount(0);
  await expect(diff.locator(".diff-section")).toHaveCount(1);
  await conflict.screenshot({ path: `${SHOTS}/5-conflict-diff-dark.png` });
  await expectAccessible(page, "conflict, dark");

  await merge.click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${slug}\\?saved=1`));
  await expect(page.locator('section[data-section-id="sec-history"]')).toContainText("built of pine");
  await page.context().close();
});

test("an article without an infobox gets one from the lead's editor, of a kind with typed rows, added, removed and reordered", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "regular");
  const { slug } = await createCitedArticle(page, "Infobox");
  await page.goto(`/wiki/${slug}/edit?section=lead`);
  await expect(page.getByRole("textbox", { name: "Section text" })).toContainText("The river turns");
  const adder = page.getByRole("region", { name: "Infobox" });
  await expect(adder).toContainText("This article has no infobox");
  await adder.getByLabel("Kind").selectOption("military conflict");
  await adder.getByRole("button", { name: "Add an infobox" }).click();

  const form = page.locator(".infobox-editor");
  const labels = form.locator(".infobox-row-label");
  await expect(labels).toHaveCount(8);
  const field = (name: string) => page.getByRole("textbox", { name: `Infobox: ${name}`, exact: true });
  await field("Location").click();
  await page.keyboard.type("Hama Governorate");
  await field("Status").click();
  await page.keyboard.type("Ongoing");
  await field("Belligerents, side 1").click();
  await page.keyboard.type("Opposition");
  await field("Belligerents, side 2").click();
  await page.keyboard.type("Government");

  // Empty rows go at once; a row with text only when the user says so.
  await form.getByRole("button", { name: "Remove row “Territorial changes”" }).click();
  await form.getByRole("button", { name: "Remove row “Casualties and losses”" }).click();
  page.once("dialog", (dialog) => void dialog.dismiss());
  await form.getByRole("button", { name: "Remove row “Status”" }).click();
  await expect(labels).toHaveCount(6);
  await form.getByRole("button", { name: "Move row “Status” up" }).click();
  await expect(form.getByRole("status")).toHaveText("Row “Status” moved to place 1.");
  // The kind's missing rows are offered first, typed (one value per side for sided rows).
  await form.getByLabel("Add a row").selectOption({ label: "Territorial changes" });
  await form.getByRole("button", { name: "Add row" }).click();
  await field("Territorial changes").click();
  await page.keyboard.type("None");
  await expect(
    labels.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
  ).resolves.toEqual([
    "Status",
    "Location",
    "Belligerents",
    "Commanders and leaders",
    "Units involved",
    "Strength",
    "Territorial changes",
  ]);
  // The moved row's editor kept its text.
  await expect(field("Status")).toHaveText("Ongoing");
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/7-infobox-form.png`, fullPage: true });

  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/wiki/${slug}\\?saved=1`));
  const infobox = page.locator("table.infobox");
  await expect(infobox.locator("th[scope=row]")).toHaveText(["Status", "Location", "Territorial changes"]);
  await expect(
    infobox.locator("th[scope=row]", { hasText: "Status" }).locator("xpath=following-sibling::td"),
  ).toHaveText("Ongoing");
  await expect(infobox.locator(".infobox-header")).toHaveText([
    "Belligerents",
    "Commanders and leaders",
    "Units involved",
    "Strength",
  ]);
  await expect(infobox.locator(".infobox-sides").first()).toContainText("Opposition");
  await infobox.screenshot({ path: `${SHOTS}/8-infobox-published.png` });
  await page.context().close();
});

test("in dark mode the removal report, the removed-citation list and the infobox form pass axe", async ({
  browser,
}) => {
  const page = await signedInPage(browser, "regular", { colorScheme: "dark" });
  const { slug } = await createCitedArticle(page, "Dark_editor");
  await page.goto(`/wiki/${slug}/edit?section=lead`);
  const editor = page.getByRole("textbox", { name: "Section text" });
  await expect(editor).toContainText("The river turns");
  await page.getByRole("button", { name: "Add an infobox" }).click();
  await expect(page.locator(".infobox-editor .infobox-row-label")).toHaveCount(8);
  await clickCitation(page, editor.locator("sup[data-citation]").first());
  await page.keyboard.press("Backspace");
  await expect(page.locator(".citation-removed")).toContainText("Citation [1] to “The mills of the river” removed");
  await page.getByRole("button", { name: "Show changes" }).click();
  await expect(page.locator(".removed-citations")).toContainText("“The mills of the river” in “Lead”");
  await page.screenshot({ path: `${SHOTS}/9-dark-editor.png`, fullPage: true });
  await expectAccessible(page, "editor, dark");
  // The report stays under the text while the changes are shown.
  const report = page.locator(".citation-removed");
  await report.scrollIntoViewIfNeeded();
  await expect(report).toContainText("Citation [1] to “The mills of the river” removed");
  await page.screenshot({ path: `${SHOTS}/10-dark-report.png` });
  await page.context().close();
});
