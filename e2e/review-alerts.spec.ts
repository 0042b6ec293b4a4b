import { expect, test } from "@playwright/test";
import { violations } from "./axe";
import { signedInPage } from "./sign-in";

/*
 * Issue 20, review alerts: newbie proposes an edit to the protected demo
 * article that keeps a sentence but drops its citation; the reviewer sees
 * "Claim kept, citation removed" at the top of the proposal, named by the
 * source's title, and follows it to the paragraph.
 */

const SLUG = "2024_Hama_offensive";

interface Node {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: Node[];
}

test("a reviewer sees a removed citation at the top of the proposal and follows it to the place", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const newbie = await signedInPage(browser, "newbie");
  await newbie.goto(`/wiki/${SLUG}`);
  const origin = new URL(newbie.url()).origin;
  const current = await (await newbie.request.get(`/api/articles/${SLUG}`)).json();

  // The first citation that follows words in a paragraph: drop it, keep the words.
  let removed: { refKey: string; claim: string } | null = null;
  const sections = current.sections as Array<{ id: string; body: Node }>;
  for (const section of sections) {
    for (const block of section.body.content ?? []) {
      if (removed || block.type !== "paragraph" || !block.content) continue;
      const at = block.content.findIndex(
        (node, index) => node.type === "citation" && index > 0 && block.content![index - 1].type === "text",
      );
      if (at < 0) continue;
      removed = { refKey: String(block.content[at].attrs?.refKey), claim: block.content[at - 1].text ?? "" };
      block.content.splice(at, 1);
    }
  }
  expect(removed, "the demo article cites something after words").not.toBeNull();
  const references = (current.references as Array<Record<string, unknown>>).map(
    ({ number: _n, timesCited: _t, ...reference }) => reference,
  );
  const title = String(references.find((reference) => reference.key === removed!.refKey)?.title);
  const proposed = await newbie.request.post(`/api/articles/${SLUG}/edits`, {
    headers: { origin },
    data: {
      baseRevisionId: current.revision.id,
      summary: "Tidy the sourcing",
      rationale: "One citation seemed redundant.",
      content: { title: current.title, infobox: current.infobox, sections, references },
    },
  });
  expect(proposed.status(), await proposed.text()).toBe(202);
  const proposalId = (await proposed.json()).proposal.id;

  const reviewer = await signedInPage(browser, "reviewer");
  await reviewer.goto(`/proposals/${proposalId}`);
  const alerts = reviewer.getByRole("region", { name: /^Review alerts/ });
  const alert = alerts.getByRole("listitem").filter({ hasText: "Claim kept, citation removed" }).first();
  await expect(alert).toBeVisible();
  // Named by the source's title, never by its internal key.
  await expect(alert).toContainText(`no longer cites “${title}”`);
  await expect(alert).toContainText(removed!.claim.trim().split(/\s+/).slice(-3).join(" "));
  await alerts.screenshot({ path: "/tmp/review-alerts-panel.png" });

  await alert.getByRole("link", { name: "Show" }).click();
  const hash = new URL(reviewer.url()).hash;
  expect(hash).toMatch(/^#diff-/);
  const place = reviewer.locator(`[id="${hash.slice(1)}"] + *`);
  await expect(place).toBeInViewport();
  await expect(place).toContainText(removed!.claim.trim().split(/\s+/).slice(-3).join(" "));
  expect(await violations(reviewer)).toEqual([]);
  await reviewer.screenshot({ path: "/tmp/review-alerts-place.png" });
});

test("an admin deprecates a source; a proposal citing it alerts the reviewer", async ({ browser }) => {
  test.setTimeout(120_000);
  const domain = `tabloid-${Date.now()}.example`;
  const admin = await signedInPage(browser, "admin");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "Source reliability" }).click();
  await expect(admin).toHaveURL(/\/sources\/reliability$/);
  const form = admin.getByRole("form", { name: "Rate a source" });
  await form.getByLabel("Domain").fill(`https://www.${domain}/some/story`);
  await form.getByLabel("Rating").selectOption("deprecated");
  await form.getByLabel("Reason").fill("Fabricated quotes (RfC 2026)");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Saved: ${domain} is deprecated.`);
  await expect(
    admin.getByRole("region", { name: /^Deprecated/ }).getByRole("row", { name: new RegExp(domain) }),
  ).toContainText("Fabricated quotes");
  expect(await violations(admin)).toEqual([]);
  await admin.screenshot({ path: "/tmp/source-reliability.png", fullPage: true });

  // A bad domain is refused with the field named.
  await form.getByLabel("Domain").fill("localhost");
  await form.getByLabel("Reason").fill("test");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("alert")).toContainText("domain:");

  const newbie = await signedInPage(browser, "newbie");
  await newbie.goto(`/wiki/${SLUG}`);
  const current = await (await newbie.request.get(`/api/articles/${SLUG}`)).json();
  const references = (current.references as Array<Record<string, unknown>>).map(
    ({ number: _n, timesCited: _t, ...reference }) => reference,
  );
  const sections = current.sections as Array<{ id: string; body: Node }>;
  const paragraph = sections[0].body.content!.find((block) => block.type === "paragraph")!;
  paragraph.content = [...(paragraph.content ?? []), { type: "citation", attrs: { refKey: "e2e-tabloid" } }];
  references.push({ key: "e2e-tabloid", title: "Shock report", url: `https://news.${domain}/shock` });
  const proposed = await newbie.request.post(`/api/articles/${SLUG}/edits`, {
    headers: { origin: new URL(newbie.url()).origin },
    data: {
      baseRevisionId: current.revision.id,
      summary: "Another source",
      content: { title: current.title, infobox: current.infobox, sections, references },
    },
  });
  expect(proposed.status(), await proposed.text()).toBe(202);
  await admin.goto(`/proposals/${(await proposed.json()).proposal.id}`);
  const alert = admin
    .getByRole("region", { name: /^Review alerts/ })
    .getByRole("listitem")
    .filter({ hasText: "Adds a citation to a deprecated source" });
  await expect(alert).toContainText(`“Shock report” cites ${domain} (Fabricated quotes (RfC 2026))`);
  await alert.getByRole("link", { name: "Show" }).click();
  await expect(admin.locator(`[id="${new URL(admin.url()).hash.slice(1)}"]`)).toBeInViewport();
});
