import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./sign-in";
import { isSafeUrlAttribute } from "../test/security/html-safety";
import { HTML_PAYLOADS, URL_PAYLOADS } from "../test/security/xss-payloads";
import { isSafeHttpUrl } from "../lib/document/url";

/**
 * Issue 8 in a real browser: the XSS corpus stored in an article's sections,
 * links, references, infobox, edit summaries, a proposal and its discussion;
 * then the article, an old revision, history, both diff modes, the proposal
 * and the review queue open with no dialog, no CSP violation (nothing even
 * tried to run) and no link, source or form target with an unsafe scheme.
 */

const CONTROL = /[\u0000-\u001f\u007f]/;
/** HTML payloads the plain-text fields accept (no control characters), shortened for 255-character titles. */
const TEXT_PAYLOADS = HTML_PAYLOADS.filter((payload) => !CONTROL.test(payload) && payload.length <= 255);
const STORABLE_URLS = URL_PAYLOADS.filter((url) => isSafeHttpUrl(url));

type Json = Record<string, unknown>;
const doc = (...content: Json[]) => ({ type: "doc", content });
const paragraph = (...content: Json[]) => ({ type: "paragraph", content });
const text = (value: string, marks?: Json[]) =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };

/** A JSON mutation from the page's own session, same-origin as the browser would send it. */
async function api(page: Page, method: "POST" | "PUT", path: string, data: unknown) {
  const origin = new URL(page.url()).origin;
  const response = await page.request.fetch(path, { method, data, headers: { origin } });
  return { status: response.status(), body: await response.json() };
}

/** Every payload in one revision: section titles and text, links, references, infobox, a quote box and a note. */
function payloadContent(title: string, variant: string) {
  const sections = [{ id: "lead", title: "", level: 0, body: doc(paragraph(text(`Lead ${variant}.`))) }];
  const references: Json[] = [];
  TEXT_PAYLOADS.forEach((payload, k) => {
    const url = STORABLE_URLS[k % STORABLE_URLS.length];
    references.push({
      key: `r${k}`,
      title: payload,
      url,
      archiveUrl: url,
      work: payload,
      publisher: payload,
      authors: [payload],
      quote: payload,
    });
    sections.push({
      id: `s${k}`,
      title: payload,
      level: 2,
      body: doc(
        paragraph(
          text(`${payload} `),
          text(payload, [{ type: "link", attrs: { href: url } }]),
          text(" "),
          text(payload, [{ type: "wikiLink", attrs: { title: payload } }]),
          { type: "citation", attrs: { refKey: `r${k}` } },
          { type: "note", content: [text(payload)] },
        ),
        {
          type: "quoteBox",
          content: [paragraph(text(payload)), { type: "quoteAttribution", content: [text(payload)] }],
        },
      ),
    });
  });
  const infobox = {
    kind: "military conflict",
    title,
    rows: TEXT_PAYLOADS.slice(0, 200).map((payload) => ({
      kind: "field",
      label: payload,
      value: doc(paragraph(text(payload))),
    })),
  };
  return { title, sections, references, infobox };
}

/** Opens `path` and returns what on it could run script: dialogs, CSP violations, unsafe URL attributes. */
async function visit(page: Page, path: string, dialogs: string[]) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  // Pages Next renders get a nonce; the article and diff views, plain HTML, allow no script at all.
  expect(response?.headers()["content-security-policy"], path).toMatch(
    /script-src ('self' 'nonce-[^']+' 'strict-dynamic'|'none')/,
  );
  // Give handlers such as onload/onerror/onfocus/ontoggle their chance to fire.
  await page.waitForLoadState("load");
  await page.mouse.move(200, 300);
  await page.keyboard.press("Tab");
  const found = await page.evaluate(() => {
    const urls: Array<{ tag: string; name: string; value: string }> = [];
    for (const element of Array.from(
      document.querySelectorAll("[href], [src], [action], [formaction], [srcdoc], [data], [poster]"),
    )) {
      for (const name of ["href", "src", "action", "formaction", "srcdoc", "data", "poster", "xlink:href"]) {
        const value = element.getAttribute(name);
        if (value !== null) urls.push({ tag: element.tagName.toLowerCase(), name, value });
      }
    }
    const handlers = Array.from(document.querySelectorAll("*")).flatMap((element) =>
      element
        .getAttributeNames()
        .filter((name) => name.startsWith("on"))
        .map((name) => `${element.tagName}.${name}`),
    );
    const unexpectedScripts = Array.from(document.querySelectorAll("script")).filter((script) => !script.nonce).length;
    return {
      urls,
      handlers,
      unexpectedScripts,
      violations: (window as unknown as { __cspViolations: string[] }).__cspViolations ?? [],
    };
  });
  const unsafe = found.urls.filter((url) => url.name === "srcdoc" || !isSafeUrlAttribute(url.value));
  expect(unsafe, `${path}: unsafe URL attributes`).toEqual([]);
  expect(found.handlers, `${path}: event handler attributes`).toEqual([]);
  expect(found.unexpectedScripts, `${path}: scripts without a nonce`).toBe(0);
  expect(found.violations, `${path}: CSP violations`).toEqual([]);
  expect(dialogs, `${path}: dialogs`).toEqual([]);
  return found.urls.length;
}

test("the XSS corpus renders inert on every page that shows stored input", async ({ browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `Xss corpus ${stamp}`;
  const slug = title.replace(/ /g, "_");
  const admin = await signedInPage(browser, "admin");

  // URL payloads a browser could run are refused as link targets and reference URLs, each naming its path.
  let refused = 0;
  for (const url of URL_PAYLOADS.filter((candidate) => !isSafeHttpUrl(candidate))) {
    const content = {
      title,
      sections: [
        { id: "lead", title: "", level: 0, body: doc(paragraph(text("x", [{ type: "link", attrs: { href: url } }]))) },
      ],
      references: [],
      infobox: null,
    };
    const response = await api(admin, "POST", `/api/articles/${slug}/edits`, { baseRevisionId: null, title, content });
    expect(response.status, url).toBe(400);
    expect(response.body.error.message, url).toMatch(/sections(\[0\]|\.0)\.body.*href/);
    refused += 1;
  }
  expect(refused).toBeGreaterThan(150);

  // Revision 1 plain, 2 and 3 with every payload, each with a payload as its summary.
  const plain = {
    title,
    sections: [{ id: "lead", title: "", level: 0, body: doc(paragraph(text("Plain lead."))) }],
    references: [],
    infobox: null,
  };
  const first = await api(admin, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: null,
    title,
    content: plain,
    summary: TEXT_PAYLOADS[0],
  });
  expect(first.status).toBe(201);
  const second = await api(admin, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: first.body.revision.id,
    content: payloadContent(title, "two"),
    summary: TEXT_PAYLOADS[1],
  });
  expect(second.status, JSON.stringify(second.body).slice(0, 500)).toBe(201);
  const third = await api(admin, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: second.body.revision.id,
    content: payloadContent(title, "three"),
    summary: TEXT_PAYLOADS[2],
  });
  expect(third.status).toBe(201);
  expect(
    (await api(admin, "PUT", `/api/articles/${slug}/protection`, { level: "extended", reason: TEXT_PAYLOADS[3] }))
      .status,
  ).toBe(200);

  // A newbie proposes (summary and rationale are payloads) and comments with every payload.
  const newbie = await signedInPage(browser, "newbie");
  const proposed = await api(newbie, "POST", `/api/articles/${slug}/edits`, {
    baseRevisionId: third.body.revision.id,
    content: payloadContent(title, "proposed"),
    summary: TEXT_PAYLOADS[4],
    rationale: TEXT_PAYLOADS.join(" ").slice(0, 2000),
  });
  expect(proposed.status).toBe(202);
  const proposalId = proposed.body.proposal.id as number;
  for (const chunk of [TEXT_PAYLOADS.slice(0, 40).join("\n"), ...TEXT_PAYLOADS.slice(40, 60)]) {
    expect((await api(newbie, "POST", `/api/proposals/${proposalId}/comments`, { body: chunk })).status).toBe(201);
  }

  const reader = await (await browser.newContext()).newPage();
  const reviewer = await signedInPage(browser, "reviewer");
  const dialogs: string[] = [];
  for (const page of [reader, reviewer]) {
    page.on("dialog", async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
      document.addEventListener("securitypolicyviolation", (event) =>
        violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
      );
    });
  }

  const base = `/wiki/${slug}`;
  const [r1, r2, r3] = [first.body.revision.id, second.body.revision.id, third.body.revision.id];
  let urlsChecked = 0;
  urlsChecked += await visit(reader, base, dialogs);
  await expect(reader.locator("h2").filter({ hasText: "<script>alert(1)</script>" }).first()).toBeVisible();
  await expect(reader.locator("ol.reference-list")).toContainText("<img src=x onerror=alert(1)>");
  urlsChecked += await visit(reader, `${base}?oldid=${r2}`, dialogs);
  urlsChecked += await visit(reader, `${base}/history`, dialogs);
  await expect(reader.locator(".history-row").first()).toContainText(TEXT_PAYLOADS[2]);
  urlsChecked += await visit(reader, `${base}/diff?from=${r1}&to=${r2}&mode=inline`, dialogs);
  urlsChecked += await visit(reader, `${base}/diff?from=${r1}&to=${r2}&mode=side-by-side`, dialogs);
  urlsChecked += await visit(reader, `${base}/diff?from=${r2}&to=${r3}&mode=side-by-side`, dialogs);
  urlsChecked += await visit(reader, `/proposals/${proposalId}`, dialogs);
  await expect(reader.locator("h1")).toContainText(TEXT_PAYLOADS[4]);
  urlsChecked += await visit(reviewer, `/proposals/${proposalId}`, dialogs);
  urlsChecked += await visit(reviewer, "/review", dialogs);
  await expect(reviewer.locator("tr").filter({ hasText: TEXT_PAYLOADS[4] })).toHaveCount(1);
  urlsChecked += await visit(reader, `${base}/log`, dialogs);
  expect(urlsChecked).toBeGreaterThan(500);
  console.log(
    `XSS e2e: ${TEXT_PAYLOADS.length} HTML payloads and ${STORABLE_URLS.length} storable URLs stored; ${refused} unsafe URLs refused; ${urlsChecked} URL attributes checked; ${dialogs.length} dialogs`,
  );
});
