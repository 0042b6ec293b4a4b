import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { signedInPage } from "./sign-in";

// Issue 21: an administrator uploads a MediaWiki XML dump with three revisions, reads the report, finds the
// revisions in history with their original dates and contributors, and exports the article as XML.

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function dumpOf(title: string): string {
  const revisions = [
    {
      id: 11,
      at: "2019-11-27T06:00:00Z",
      who: "<username>Alice</username>",
      comment: "new article",
      text: "'''Hama''' is a city in Syria.",
    },
    {
      id: 12,
      at: "2019-11-29T08:15:00Z",
      who: "<username>Bob</username>",
      comment: "history section",
      text: "'''Hama''' is a city in Syria.<ref>{{cite web |title=About Hama |url=https://example.org/hama}}</ref>\n\n== History ==\nAn old city on the Orontes.",
    },
    {
      id: 13,
      at: "2019-12-05T21:30:00Z",
      who: "<ip>198.51.100.4</ip>",
      comment: "fix",
      text: "'''Hama''' is a city in western Syria.<ref>{{cite web |title=About Hama |url=https://example.org/hama}}</ref>\n\n== History ==\nAn old city on the Orontes.\n\n== References ==\n{{reflist}}",
    },
  ];
  return `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
  <siteinfo><sitename>Source wiki</sitename></siteinfo>
  <page>
    <title>${escapeXml(title)}</title>
    <ns>0</ns>
    <id>1</id>
${revisions
  .map(
    (r) => `    <revision>
      <id>${r.id}</id>
      <timestamp>${r.at}</timestamp>
      <contributor>${r.who}</contributor>
      <comment>${r.comment}</comment>
      <model>wikitext</model>
      <format>text/x-wiki</format>
      <text xml:space="preserve">${escapeXml(r.text)}</text>
    </revision>`,
  )
  .join("\n")}
  </page>
  <page><title>Talk:${escapeXml(title)}</title><ns>1</ns><id>2</id><revision><id>14</id><timestamp>2019-11-28T00:00:00Z</timestamp><contributor><username>Bob</username></contributor><text>Talk.</text></revision></page>
</mediawiki>
`;
}

test("an administrator uploads a dump, reads the report, sees the history and exports it as XML", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Dump import ${Date.now().toString(36)}`;
  const slug = title.replace(/ /g, "_");
  const admin = await signedInPage(browser, "admin");
  await admin.goto("/admin/import");
  await expect(admin.getByRole("heading", { name: "Import an XML dump" })).toBeVisible();
  await admin.getByLabel("XML dump", { exact: true }).setInputFiles({
    name: "dump.xml",
    mimeType: "application/xml",
    buffer: Buffer.from(dumpOf(title)),
  });
  await admin.getByRole("button", { name: "Upload dump" }).click();

  const report = admin.getByRole("region", { name: /Dump import report/ });
  await expect(report.getByRole("status")).toContainText("2 pages read: 1 imported, 1 skipped; 3 revisions imported");
  const pages = report.getByRole("table", { name: "Pages" });
  await expect(pages.getByRole("row", { name: new RegExp(`^${title} `) })).toContainText("created");
  await expect(pages).toContainText("namespace 1: only articles (namespace 0) are imported");
  await report.getByText(`Elements of “${title}”`).click();
  await expect(report.getByRole("table", { name: /Mapped: \d+/ }).first()).toContainText("citation");
  expect(await violations(admin)).toEqual([]);
  await admin.screenshot({ path: "/tmp/xmldump-report-light.png", fullPage: true });

  // History: three revisions with their original dates, contributors and comments, newest first.
  await pages.getByRole("link", { name: title }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("revision history");
  const rows = admin.locator(".history-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("21:30, 5 December 2019");
  await expect(rows.nth(0).locator(".history-author")).toHaveText("imported>198.51.100.4");
  await expect(rows.nth(1)).toContainText("08:15, 29 November 2019");
  await expect(rows.nth(1).locator(".history-author")).toHaveText("imported>Bob");
  await expect(rows.nth(1)).toContainText("(history section)");
  await expect(rows.nth(2)).toContainText("06:00, 27 November 2019");
  await expect(rows.nth(2).locator(".history-author")).toHaveText("imported>Alice");
  expect(await violations(admin)).toEqual([]);
  await admin.screenshot({ path: "/tmp/xmldump-history-light.png", fullPage: true });

  // An imported contributor's page says what they are.
  await rows.nth(1).locator(".history-author").click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("User imported>Bob");
  await expect(admin.getByRole("note")).toContainText("cannot sign in");
  await admin.screenshot({ path: "/tmp/xmldump-user-light.png", fullPage: true });
  await admin.goBack();

  // Export with history: a MediaWiki XML file the importer reads back.
  const download = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "MediaWiki XML with history" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${title}.xml`);
  const xml = (await (await file.createReadStream()).toArray()).join("");
  expect(xml.match(/<revision>/g)).toHaveLength(3);
  expect(xml).toContain("<username>Alice</username>");
  expect(xml).toContain("<ip>198.51.100.4</ip>");
  expect(xml).toContain("<timestamp>2019-11-29T08:15:00Z</timestamp>");
  const wikitext = await admin.request.get(`/wiki/${slug}/export?format=wikitext`);
  expect(await wikitext.text()).toContain("== History ==");

  // The same dump again adds nothing; the dark scheme of the report passes too.
  const dark = await signedInPage(browser, "admin", { colorScheme: "dark" });
  await dark.goto("/admin/import");
  await dark
    .getByLabel("XML dump", { exact: true })
    .setInputFiles({ name: "dump.xml", mimeType: "application/xml", buffer: Buffer.from(dumpOf(title)) });
  await dark.getByRole("button", { name: "Upload dump" }).click();
  const again = dark.getByRole("region", { name: /Dump import report/ });
  await expect(again.getByRole("status")).toContainText("0 revisions imported, 3 skipped");
  await expect(again).toContainText("3: already imported");
  expect(await violations(dark)).toEqual([]);
  await dark.screenshot({ path: "/tmp/xmldump-report-dark.png", fullPage: true });
  await dark.context().close();
  await admin.context().close();
});
