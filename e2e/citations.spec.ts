import { createServer, type Server } from "node:http";
import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { signedInPage } from "./sign-in";

/*
 * Issue 20, citations in the editor: fill a new reference from a URL (a saved news page served on the port
 * after the wiki's, the one private address the server's fetcher is allowed in the e2e run), confirmed by
 * the user before it is used; and a URL on a deprecated site flagged as it is entered.
 */

const PAGE_PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const NEWS = `<!doctype html><html lang="en"><head>
<title>Rebels reach the gates of Hama - Example News</title>
<meta property="og:site_name" content="Example News">
<script type="application/ld+json">${JSON.stringify({
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  headline: "Rebels reach the gates of Hama",
  datePublished: "2024-12-04T09:15:00Z",
  author: [
    { "@type": "Person", name: "Rana Haddad" },
    { "@type": "Person", name: "Sami Khoury" },
  ],
  publisher: { "@type": "Organization", name: "Example Media Group" },
})}</script></head><body><article><h1>Rebels reach the gates of Hama</h1><p>…</p></article></body></html>`;

let pages: Server;
test.beforeAll(async () => {
  pages = createServer((request, response) => {
    response.writeHead(request.url === "/news/hama" ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    response.end(request.url === "/news/hama" ? NEWS : "<h1>Not found</h1>");
  });
  await new Promise<void>((resolve) => pages.listen(PAGE_PORT, "127.0.0.1", resolve));
});
test.afterAll(async () => {
  pages.closeAllConnections();
  await new Promise((resolve) => pages.close(resolve));
});

test("a citation filled from a URL, confirmed first; a deprecated site flagged as its URL is entered", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await signedInPage(browser, "admin");
  await admin.goto("/sources/reliability");
  const domain = `gossip-${Date.now()}.example`;
  const rated = await admin.request.put("/api/sources/reliability", {
    headers: { origin: new URL(admin.url()).origin },
    data: { domain, status: "deprecated", reason: "Invents quotes" },
  });
  expect(rated.status(), await rated.text()).toBe(200);

  const page = await signedInPage(browser, "regular");
  await page.goto("/wiki/Hama/edit?section=sec-norias");
  const editor = page.getByRole("textbox", { name: "Section text" });
  await expect(editor).toContainText("About seventeen of them survive");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.getByRole("button", { name: "Insert citation" }).click();
  const dialog = page.getByRole("dialog", { name: "Insert citation" });
  await dialog.getByRole("tab", { name: "New reference" }).click();

  // A deprecated site is flagged as soon as its address is typed.
  await dialog.getByLabel("URL", { exact: true }).fill(`https://www.${domain}/story`);
  await expect(dialog.getByRole("status")).toContainText(`${domain} is deprecated on this wiki (Invents quotes)`);

  // Fill from a page: what it says is shown, and used only when the user says so.
  await dialog.getByLabel("URL", { exact: true }).fill(`http://127.0.0.1:${PAGE_PORT}/news/hama`);
  await expect(dialog.getByRole("status")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Fill from the page" }).click();
  const found = dialog.getByRole("group", { name: "Found on the page" });
  await expect(found).toContainText("Rebels reach the gates of Hama");
  await expect(found).toContainText("Rana Haddad; Sami Khoury");
  await expect(found).toContainText("2024-12-04");
  await expect(dialog.getByLabel(/^Title/)).toHaveValue("");
  expect(await violations(page)).toEqual([]);
  await dialog.screenshot({ path: "/tmp/citation-from-url.png" });
  await found.getByRole("button", { name: "Use these" }).click();
  await expect(dialog.getByLabel(/^Title/)).toHaveValue("Rebels reach the gates of Hama");
  await expect(dialog.getByLabel("Work (newspaper, website)")).toHaveValue("Example News");
  await expect(dialog.getByLabel("Publisher")).toHaveValue("Example Media Group");
  await expect(dialog.getByLabel("Authors")).toHaveValue("Rana Haddad\nSami Khoury");
  await expect(dialog.getByLabel("Date", { exact: true })).toHaveValue("2024-12-04");
  await dialog.getByRole("button", { name: "Insert citation" }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.locator("sup[data-citation]")).toHaveCount(4);

  // A page the server may not fetch is refused with the reason.
  await page.getByRole("button", { name: "Insert citation" }).click();
  await dialog.getByRole("tab", { name: "New reference" }).click();
  await dialog.getByLabel("URL", { exact: true }).fill("http://169.254.169.254/latest/meta-data/");
  await dialog.getByRole("button", { name: "Fill from the page" }).click();
  await expect(dialog.getByRole("alert")).toContainText("private or reserved address");
});
