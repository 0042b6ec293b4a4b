import { expect, type Locator, type Page } from "@playwright/test";

/** Selects `word` inside the editor (the first place it occurs), so typing replaces it. */
export async function selectWord(editor: Locator, word: string): Promise<void> {
  await editor.evaluate((element, word) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(word);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      (element as HTMLElement).focus();
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${word}" is not in the editor.`);
  }, word);
}

/**
 * Opens the section editor of `sectionId`, waits for `shows` in it (the editor mounts only in the browser),
 * types ` ${sentence}` at the end of the section, fills the summary and publishes (an editor who may edit directly).
 */
export async function appendToSection(
  page: Page,
  edit: { slug: string; sectionId: string; shows: string; sentence: string; summary: string },
): Promise<void> {
  await page.goto(`/wiki/${edit.slug}/edit?section=${edit.sectionId}`);
  const text = page.getByRole("textbox", { name: "Section text" });
  await expect(text).toContainText(edit.shows);
  await text.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(` ${edit.sentence}`);
  await page.getByLabel("Edit summary").fill(edit.summary);
  // The counter renders from the editor's state, so the summary is in it before the click (see proposals.spec.ts).
  await expect(page.locator("#summary-count")).toHaveText(`${500 - edit.summary.length} left`);
  await page.getByRole("button", { name: "Publish changes" }).click();
  // Published: the article, flagged as just saved, at the section's heading when one was edited.
  await expect(page).toHaveURL(new RegExp(`/wiki/${edit.slug}\\?saved=1(#|$)`));
}

/**
 * Clicks a citation marker in the editor, which selects the citation: the stored "[*]" is drawn at size 0 and
 * the number by a pseudo-element, so the click goes to a point where the marker is hit. Returns once the editor
 * shows the citation selected: a key pressed before that goes to whatever was selected before (on a loaded
 * machine, a Delete right after the click deleted nothing one run in two).
 */
export async function clickCitation(page: Page, citation: Locator): Promise<void> {
  await citation.evaluate((sup) => sup.scrollIntoView({ block: "center" }));
  const point = await citation.evaluate((sup) => {
    const box = sup.getBoundingClientRect();
    for (let dy = -12; dy <= 12; dy += 1)
      for (let x = box.left - 2; x <= box.right + 16; x += 1)
        if (document.elementFromPoint(x, box.top + dy) === sup) return { x, y: box.top + dy };
    return null;
  });
  expect(point, "the citation marker can be hit").not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  await expect(citation).toHaveClass(/ProseMirror-selectednode/);
}
