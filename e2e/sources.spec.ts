import { expect, test } from "@playwright/test";
import { api } from "./api";
import { violations } from "./axe";
import { signedInPage } from "./sign-in";

/*
 * Issue 20, sources across articles: a reader follows a reference of an article to its source's page and sees
 * every article citing it (the new article and the demo article, which cites the same page); an autoconfirmed
 * editor (not yet trusted with bulk edits) fixes the source's title once and gets a proposal on each article,
 * the unprotected one too, and readers see nothing change until a reviewer approves.
 */

const DEMO = "2024_Hama_offensive";

test("a reader finds every article citing a source, and an editor fixes it once", async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await signedInPage(browser, "regular");
  const demo = await (await editor.request.get(`/api/articles/${DEMO}`)).json();
  const shared = demo.references.find((reference: { url?: string }) => reference.url?.startsWith("http"));
  expect(shared, "the demo article cites a web page").toBeTruthy();

  // A new article citing the same page as the demo article, its address spelled differently (tracking, fragment).
  const slug = `Sources_${Date.now()}`;
  const title = slug.replace(/_/g, " ");
  const url = new URL(shared.url);
  url.searchParams.set("utm_source", "e2e");
  url.hash = "top";
  await api(editor, "POST", `/api/articles/${slug}/edits`, {
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
          body: {
            type: "doc",
            content: [
              {
                type: "paragraph",
                content: [
                  { type: "text", text: "A claim from the same report." },
                  { type: "citation", attrs: { refKey: "shared" } },
                ],
              },
            ],
          },
        },
      ],
      references: [{ key: "shared", title: "An old title", url: url.toString() }],
    },
  });

  // A reader opens the source from the article's reference list.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/wiki/${slug}`);
  await reader.locator(".reference-list").screenshot({ path: "/tmp/sources-reference-list.png" });
  await reader
    .locator(".reference-list li")
    .first()
    .getByRole("link", { name: /^citing articles of “An old title”/ })
    .click();
  await expect(reader).toHaveURL(/\/sources\/[A-Za-z0-9_-]+$/);
  const citing = reader.getByRole("table", { name: "Articles citing it" });
  await expect(citing.getByRole("link", { name: title })).toBeVisible();
  await expect(citing.getByRole("link", { name: demo.title ?? "2024 Hama offensive" })).toBeVisible();
  await expect(reader.getByRole("main")).toContainText("How articles cite it");
  await expect(reader.getByRole("main")).toContainText("An old title");
  await expect(reader.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();
  await reader.screenshot({ path: "/tmp/sources-page.png", fullPage: true });
  const sourceUrl = reader.url();

  // The editor corrects the title once: not extended-confirmed, they get a proposal on each article.
  await editor.goto(sourceUrl);
  await expect(editor.locator(".source-fix-form")).toContainText("until your account is extended-confirmed");
  const fixedTitle = `Corrected title ${Date.now()}`;
  await editor.getByLabel("Title", { exact: true }).fill(fixedTitle);
  await editor.getByRole("button", { name: "Correct every article" }).click();
  await expect(editor).toHaveURL(/\?fix=\d+$/);
  const report = editor.getByRole("status").filter({ hasText: "Your fix of" });
  await expect(report.locator(`tr:has(a:text-is("${title}"))`)).toHaveAttribute("data-outcome", "proposed");
  const demoRow = report.locator("tr").filter({ has: editor.getByRole("link", { name: /Hama offensive/ }) });
  await expect(demoRow).toHaveAttribute("data-outcome", "proposed");
  await editor.screenshot({ path: "/tmp/sources-fixed.png", fullPage: true });

  await demoRow.getByRole("link", { name: /proposal \d+/ }).click();
  await expect(editor).toHaveURL(/\/proposals\/\d+$/);
  await expect(editor.getByRole("main")).toContainText("Fix once");
  await editor.screenshot({ path: "/tmp/sources-proposal.png", fullPage: true });

  await reader.goto(`/wiki/${slug}`);
  await expect(reader.locator(".reference-list")).toContainText("An old title");
  await expect(reader.locator(".reference-list")).not.toContainText(fixedTitle);
  const demoNow = await (await editor.request.get(`/api/articles/${DEMO}`)).json();
  expect(JSON.stringify(demoNow.references)).not.toContain(fixedTitle);

  // The same source found from its address as the demo article spells it, and among its site's sources.
  await reader.goto(`/sources?q=${encodeURIComponent(shared.url)}`);
  await expect(reader).toHaveURL(sourceUrl);
  await reader.goto(`/sources?domain=${new URL(shared.url).hostname}`);
  await expect(reader.getByRole("main").getByRole("table")).toContainText(url.pathname);
  await reader.screenshot({ path: "/tmp/sources-domain.png", fullPage: true });

  // The source page in the dark scheme, with the form: no serious accessibility violations.
  const dark = await signedInPage(browser, "regular", { colorScheme: "dark" });
  await dark.goto(sourceUrl);
  await expect(dark.getByRole("button", { name: "Correct every article" })).toBeVisible();
  expect(await violations(dark)).toEqual([]);
  await dark.screenshot({ path: "/tmp/sources-dark.png", fullPage: true });
});
