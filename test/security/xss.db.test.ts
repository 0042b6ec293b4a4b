import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeTitle, slugOfTitle } from "../../lib/articles/titles";
import type { ArticleContent, DocJSON, Reference, Section } from "../../lib/document/model";
import { useTestDatabase } from "../db";
import { makeUser, type TestUser } from "../factories";
import { httpRequest, startAppServer, type AppServer } from "../server";
import { cspNonce, cspProblems, tokenize, unsafeMarkup } from "./html-safety";
import { ALL_PAYLOADS, HTML_PAYLOADS, URL_PAYLOADS } from "./xss-payloads";

/**
 * Issue 8: every payload of the corpus, through every input that takes user
 * text over HTTP, is either refused with a 4xx naming the problem or stored;
 * and every page that shows stored input renders it as text: no script
 * without the page's nonce, no event handler, no href/src/action with another
 * scheme than http(s)/mailto. Every HTML page carries a strict CSP.
 */

const PASSWORD = "correct horse battery staple 9";
const CHUNK = 50;

const ctx = useTestDatabase();
let server: AppServer;
let admin: TestUser, reviewer: TestUser, editor: TestUser, newbie: TestUser, target: TestUser;

/** Refused / stored counts per input, and what the pages showed. */
const tally = new Map<string, { refused: number; stored: number }>();
const figures = { pages: 0, shownPayloads: 0 };

function count(input: string, outcome: "refused" | "stored") {
  const entry = tally.get(input) ?? { refused: 0, stored: 0 };
  entry[outcome] += 1;
  tally.set(input, entry);
}

/** A refusal must be a 4xx with the API's error shape; anything else (a 500 above all) is a failure. */
function expectRefusal(response: { status: number; body: any; text: string }, what: string) {
  expect(response.status, `${what}: ${response.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${what}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
  expect(typeof response.body?.error?.message, what).toBe("string");
}

/** Submits one payload through a single-valued input; counts and returns whether it was stored. */
async function submitOne(
  input: string,
  payload: string,
  send: () => Promise<{ status: number; body: any; text: string }>,
  okStatus: number[],
): Promise<boolean> {
  const response = await send();
  if (okStatus.includes(response.status)) {
    count(input, "stored");
    return true;
  }
  expectRefusal(response, `${input} ${JSON.stringify(payload)}`);
  count(input, "refused");
  return false;
}

const collapse = (value: string) => value.replace(/\s+/g, " ").trim();

/**
 * Fetches an HTML page, checks its CSP and that it holds no executable markup,
 * and returns its text (entities decoded) so callers can check the payloads
 * are shown, as text.
 */
async function safePage(path: string, user?: TestUser | null): Promise<string> {
  const response = await httpRequest(server, "GET", path, { user });
  expect(response.status, `GET ${path}`).toBe(200);
  expect(response.headers.get("content-type"), path).toContain("text/html");
  const policy = response.headers.get("content-security-policy");
  expect(cspProblems(policy), `CSP of ${path}`).toEqual([]);
  expect(unsafeMarkup(response.text, { nonce: cspNonce(policy) }), `GET ${path}`).toEqual([]);
  figures.pages += 1;
  return collapse(tokenize(response.text).text);
}

/** Asserts that the page text shows each stored payload (as text: the markup checks passed). */
function expectShown(pageText: string, payloads: string[], where: string) {
  for (const payload of payloads) {
    const visible = collapse(payload.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ""));
    expect(pageText.includes(visible), `${where} shows ${JSON.stringify(payload)}`).toBe(true);
    figures.shownPayloads += 1;
  }
}

const doc = (...content: DocJSON[]): DocJSON => ({ type: "doc", content });
const paragraph = (...content: DocJSON[]): DocJSON => ({ type: "paragraph", content });
const text = (value: string, marks?: DocJSON["marks"]): DocJSON =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };

function plainContent(title: string, sections: number): ArticleContent {
  return {
    title,
    infobox: null,
    references: [{ key: "base", title: "A base source", url: "https://example.org/base" }],
    sections: Array.from(
      { length: sections + 1 },
      (_, index): Section => ({
        id: `s${index}`,
        title: index === 0 ? "" : `Item ${index}`,
        level: index === 0 ? 0 : 2,
        body: doc(paragraph(text(`Plain item ${index}.`), { type: "citation", attrs: { refKey: "base" } })),
      }),
    ),
  };
}

/**
 * The rich-document inputs: each puts payload k into section k+1, reference k
 * or infobox row k of an otherwise plain article, so a 400's JSON paths name
 * exactly the payloads refused.
 */
const DOCUMENT_INPUTS: Record<string, (content: ArticleContent, payload: string, k: number) => void> = {
  "section title": (c, p, k) => void (c.sections[k + 1].title = p),
  "section text": (c, p, k) => void (c.sections[k + 1].body = doc(paragraph(text(p)))),
  "bold and italic text in a list": (c, p, k) =>
    void (c.sections[k + 1].body = doc({
      type: "bulletList",
      content: [{ type: "listItem", content: [paragraph(text(p, [{ type: "bold" }, { type: "italic" }]))] }],
    })),
  "link href": (c, p, k) =>
    void (c.sections[k + 1].body = doc(paragraph(text("a link", [{ type: "link", attrs: { href: p } }])))),
  "link text": (c, p, k) =>
    void (c.sections[k + 1].body = doc(
      paragraph(text(p, [{ type: "link", attrs: { href: "https://example.org/link" } }])),
    )),
  "wiki link title": (c, p, k) =>
    void (c.sections[k + 1].body = doc(paragraph(text("a wiki link", [{ type: "wikiLink", attrs: { title: p } }])))),
  "quote box": (c, p, k) =>
    void (c.sections[k + 1].body = doc({
      type: "quoteBox",
      content: [paragraph(text(p)), { type: "quoteAttribution", content: [text(p)] }],
    })),
  "note text": (c, p, k) =>
    void (c.sections[k + 1].body = doc(paragraph(text("Noted."), { type: "note", content: [text(p)] }))),
  "maintenance tag date": (c, p, k) =>
    void (c.sections[k + 1].body = doc(
      paragraph(text("Tagged."), { type: "maintenanceTag", attrs: { kind: "citation needed", date: p } }),
    )),
  "maintenance tag kind": (c, p, k) =>
    void (c.sections[k + 1].body = doc(
      paragraph(text("Tagged."), { type: "maintenanceTag", attrs: { kind: p, date: "2024-12" } }),
    )),
  ...Object.fromEntries(
    (["title", "url", "archiveUrl", "work", "publisher", "authors", "language", "quote", "date", "key"] as const).map(
      (field) => [
        `reference ${field}`,
        (c: ArticleContent, p: string, k: number) => {
          const reference: Reference = { key: `r${k}`, title: `Source ${k}`, url: `https://example.org/source/${k}` };
          if (field === "authors") reference.authors = [p, "Second Author"];
          else (reference as unknown as Record<string, string>)[field] = p;
          c.references.push(reference);
          c.sections[k + 1].body = doc(
            paragraph(text(`Cited ${k}.`), { type: "citation", attrs: { refKey: reference.key } }),
          );
        },
      ],
    ),
  ),
  "infobox row label and value": (c, p, k) => {
    c.infobox ??= { kind: "military conflict", title: c.title, rows: [] };
    c.infobox.rows[k] = { kind: "field", label: p, value: doc(paragraph(text(p))) };
  },
  "infobox sides": (c, p, k) => {
    c.infobox ??= { kind: "military conflict", title: c.title, rows: [] };
    c.infobox.rows[k] = {
      kind: "sides",
      label: `Sides ${k}`,
      sides: [doc(paragraph(text(p))), doc(paragraph(text("Other side")))],
      footer: doc(paragraph(text(p))),
    };
  },
};

/** Which payload a validation issue's JSON path points at, for the layout of DOCUMENT_INPUTS. */
function payloadIndexOf(path: string): number | null {
  // Validator paths read `$.sections[3].title`; request-level ones `content.sections.3.title`.
  const section = /^(?:\$|content)\.sections[[.](\d+)/.exec(path);
  if (section) return Number(section[1]) - 1;
  const reference = /^(?:\$|content)\.references[[.](\d+)/.exec(path);
  if (reference) return Number(reference[1]) - 1; // references[0] is the base source
  const row = /^(?:\$|content)\.infobox\.rows[[.](\d+)/.exec(path);
  if (row) return Number(row[1]);
  return null;
}

function payloadContent(title: string, input: string, payloads: string[]): ArticleContent {
  const content = plainContent(title, payloads.length);
  payloads.forEach((payload, k) => DOCUMENT_INPUTS[input](content, payload, k));
  if (content.infobox) content.infobox.rows = content.infobox.rows.filter(Boolean);
  return content;
}

/** Proposes one batch of payloads in one document input, approves what is accepted, and checks every page that shows it. */
async function documentBatch(input: string, batch: string[]) {
  const title = `Xss ${input} ${batch.length} ${ALL_PAYLOADS.indexOf(batch[0])}`;
  const slug = slugOfTitle(title);
  const api = `/api/articles/${encodeURIComponent(slug)}`;
  const created = await httpRequest(server, "POST", `${api}/edits`, {
    user: admin,
    body: { baseRevisionId: null, title, content: plainContent(title, batch.length), summary: "plain" },
  });
  expect(created.status, created.text).toBe(201);
  const base = created.body.revision.id as number;
  expect(
    (
      await httpRequest(server, "PUT", `${api}/protection`, {
        user: admin,
        body: { level: "extended", reason: "XSS test" },
      })
    ).status,
  ).toBe(200);

  // Propose every payload at once; drop those a 400 names, until the rest is accepted.
  let remaining = batch.map((payload, index) => ({ payload, index }));
  let proposalId: number | null = null;
  for (let attempt = 0; attempt < 5 && proposalId === null; attempt++) {
    const content = payloadContent(
      title,
      input,
      remaining.map((entry) => entry.payload),
    );
    const response = await httpRequest(server, "POST", `${api}/edits`, {
      user: newbie,
      body: { baseRevisionId: base, content, summary: `payloads in ${input}` },
    });
    if (response.status === 202) {
      proposalId = response.body.proposal.id;
      break;
    }
    expectRefusal(response, input);
    const named = new Set<number>(
      (response.body.error.details?.issues ?? [])
        .map((issue: { path: string }) => payloadIndexOf(issue.path))
        .filter((k: number | null) => k !== null),
    );
    expect(named.size, `a 400 for ${input} names the refused payloads: ${response.text.slice(0, 300)}`).toBeGreaterThan(
      0,
    );
    for (const _payload of named) count(input, "refused");
    remaining = remaining.filter((_, k) => !named.has(k));
  }
  if (proposalId === null) throw new Error(`${input}: no proposal accepted`);
  const stored = remaining.map((entry) => entry.payload);
  stored.forEach(() => count(input, "stored"));

  const proposalText = await safePage(`/proposals/${proposalId}`);
  await safePage(`/wiki/${encodeURIComponent(slug)}/proposals`);
  const approved = await httpRequest(server, "POST", `/api/proposals/${proposalId}/approve`, {
    user: reviewer,
    body: {
      version: 1,
      comment: HTML_PAYLOADS[(input.length + batch.length) % HTML_PAYLOADS.length].replace(/\u0000/g, ""),
    },
  });
  expect(approved.status, approved.text).toBe(200);
  const revision = approved.body.revisionId as number;

  const pages = [
    `/wiki/${encodeURIComponent(slug)}`,
    `/wiki/${encodeURIComponent(slug)}?oldid=${revision}`,
    `/wiki/${encodeURIComponent(slug)}/history`,
    `/wiki/${encodeURIComponent(slug)}/diff?from=${base}&to=${revision}&mode=inline`,
    `/wiki/${encodeURIComponent(slug)}/diff?from=${base}&to=${revision}&mode=side-by-side`,
    `/wiki/${encodeURIComponent(slug)}/diff?from=${revision}&to=${base}&mode=inline`,
    `/proposals/${proposalId}`,
    `/log/review`,
  ];
  const texts = [proposalText];
  for (const path of pages) texts.push(await safePage(path, reviewer));
  // Text inputs must be visible as text on the article; URLs are attributes, checked above.
  if (!/href|url|date|kind|key|wiki link title|reference title/i.test(input))
    expectShown(texts[1], stored, `${input} on the article`);
}

beforeAll(async () => {
  server = await startAppServer({
    databaseUrl: ctx.url,
    env: { WIKI_RATE_LIMITS: "off", WIKI_REGISTRATIONS_PER_HOUR: "100000" },
  });
  admin = await makeUser(ctx.db, { name: "x_admin", role: "admin" });
  reviewer = await makeUser(ctx.db, { name: "x_reviewer", role: "reviewer", standing: "extendedconfirmed" });
  editor = await makeUser(ctx.db, { name: "x_editor", role: "extendedconfirmed" });
  newbie = await makeUser(ctx.db, { name: "x_newbie" });
  target = await makeUser(ctx.db, { name: "x_target" });
});

afterAll(async () => {
  await server?.stop();
  const rows = [...tally].map(
    ([input, { refused, stored }]) =>
      `  ${input.padEnd(34)} refused ${String(refused).padStart(4)}  stored inert ${String(stored).padStart(4)}`,
  );
  const totals = [...tally.values()].reduce(
    (sum, entry) => ({ refused: sum.refused + entry.refused, stored: sum.stored + entry.stored }),
    { refused: 0, stored: 0 },
  );
  console.log(
    [
      `XSS corpus: ${ALL_PAYLOADS.length} payloads (${URL_PAYLOADS.length} URL, ${HTML_PAYLOADS.length} HTML/text) through ${tally.size} inputs:`,
      ...rows,
      `  total: ${totals.refused + totals.stored} submissions, ${totals.refused} refused, ${totals.stored} stored inert; ${figures.pages} pages checked, ${figures.shownPayloads} payload displays verified as text`,
    ].join("\n"),
  );
});

describe("the stored-XSS corpus", { timeout: 900_000 }, () => {
  it("has at least 300 distinct payloads, URL and HTML kept apart", () => {
    expect(ALL_PAYLOADS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(ALL_PAYLOADS).size).toBe(ALL_PAYLOADS.length);
    expect(URL_PAYLOADS.length).toBeGreaterThanOrEqual(150);
    expect(HTML_PAYLOADS.length).toBeGreaterThanOrEqual(150);
  });

  it.each(Object.keys(DOCUMENT_INPUTS))(
    "%s: refused by path or stored inert in article, old revision, history, diffs and proposal",
    async (input) => {
      for (const [, batch] of chunks(ALL_PAYLOADS, 200)) await documentBatch(input, batch);
    },
  );

  it("article titles: refused, or the article, its history, the list and search show them as text", async () => {
    for (const [, chunk] of chunks(ALL_PAYLOADS)) {
      const storedSlugs: string[] = [];
      for (const payload of chunk) {
        const slug = slugOfTitle(payload);
        const path = `/api/articles/${encodeURIComponent(slug || "x")}/edits`;
        const ok = await submitOne(
          "article title",
          payload,
          () =>
            httpRequest(server, "POST", path, {
              user: editor,
              body: { baseRevisionId: null, title: payload, content: plainContent(payload, 1), summary: "" },
            }),
          [201],
        );
        if (ok) storedSlugs.push(slug);
      }
      for (const slug of storedSlugs) {
        // The stored title is the normalized one (underscores as spaces, NFC), shown as text on its page.
        expectShown(await safePage(`/wiki/${encodeURIComponent(slug)}`), [normalizeTitle(slug)], "article page");
        await safePage(`/wiki/${encodeURIComponent(slug)}/history`);
      }
      await safePage(`/search?q=${encodeURIComponent(`${chunk[0]} (not a title)`)}`);
    }
    await safePage("/");
  });

  it("edit summaries: refused, or history, old revisions and both diff modes show them as text", async () => {
    const title = "Xss edit summaries";
    const slug = slugOfTitle(title);
    const api = `/api/articles/${encodeURIComponent(slug)}/edits`;
    const created = await httpRequest(server, "POST", api, {
      user: editor,
      body: { baseRevisionId: null, title, content: plainContent(title, 1), summary: "start" },
    });
    expect(created.status).toBe(201);
    let head = created.body.revision.id as number;
    for (const [start, chunk] of chunks(ALL_PAYLOADS)) {
      const saved: Array<{ payload: string; revision: number; parent: number }> = [];
      for (const [offset, payload] of chunk.entries()) {
        const content = plainContent(title, 1);
        content.sections[1].body = doc(paragraph(text(`Change ${start + offset}.`)));
        const response = await httpRequest(server, "POST", api, {
          user: editor,
          body: { baseRevisionId: head, content, summary: payload },
        });
        if (response.status === 201) {
          count("edit summary", "stored");
          saved.push({ payload, revision: response.body.revision.id, parent: head });
          head = response.body.revision.id;
        } else {
          expectRefusal(response, `edit summary ${JSON.stringify(payload)}`);
          count("edit summary", "refused");
        }
      }
      expectShown(
        await safePage(`/wiki/${encodeURIComponent(slug)}/history`),
        saved.map((entry) => entry.payload),
        "history",
      );
      for (const entry of saved) {
        await safePage(`/wiki/${encodeURIComponent(slug)}?oldid=${entry.revision}`);
        expectShown(
          await safePage(
            `/wiki/${encodeURIComponent(slug)}/diff?from=${entry.parent}&to=${entry.revision}&mode=inline`,
          ),
          [entry.payload],
          "inline diff",
        );
        await safePage(
          `/wiki/${encodeURIComponent(slug)}/diff?from=${entry.parent}&to=${entry.revision}&mode=side-by-side`,
        );
      }
    }
    await safePage(`/user/${editor.name}`);
  });

  it("proposal summaries, rationales, version summaries, comments, change requests and rejection reasons", async () => {
    const title = "Xss proposals";
    const slug = slugOfTitle(title);
    const api = `/api/articles/${encodeURIComponent(slug)}`;
    const created = await httpRequest(server, "POST", `${api}/edits`, {
      user: admin,
      body: { baseRevisionId: null, title, content: plainContent(title, 1), summary: "start" },
    });
    const base = created.body.revision.id as number;
    expect(
      (
        await httpRequest(server, "PUT", `${api}/protection`, {
          user: admin,
          body: { level: "semi", reason: "XSS test" },
        })
      ).status,
    ).toBe(200);
    const changed = (n: number) => {
      const content = plainContent(title, 1);
      content.sections[1].body = doc(paragraph(text(`Proposed change ${n}.`)));
      return content;
    };
    const discussion = await httpRequest(server, "POST", `${api}/edits`, {
      user: newbie,
      body: { baseRevisionId: base, content: changed(-1), summary: "discussion" },
    });
    expect(discussion.status).toBe(202);
    const discussionId = discussion.body.proposal.id as number;

    for (const [start, chunk] of chunks(ALL_PAYLOADS)) {
      const proposals: Array<{ payload: string; id: number }> = [];
      const comments: string[] = [];
      for (const [offset, payload] of chunk.entries()) {
        const response = await httpRequest(server, "POST", `${api}/edits`, {
          user: newbie,
          body: { baseRevisionId: base, content: changed(start + offset), summary: payload, rationale: payload },
        });
        if (response.status === 202) {
          count("proposal summary and rationale", "stored");
          proposals.push({ payload, id: response.body.proposal.id });
        } else {
          expectRefusal(response, `proposal summary ${JSON.stringify(payload)}`);
          count("proposal summary and rationale", "refused");
        }
        if (
          await submitOne(
            "proposal comment",
            payload,
            () =>
              httpRequest(server, "POST", `/api/proposals/${discussionId}/comments`, {
                user: newbie,
                body: { body: payload },
              }),
            [201],
          )
        )
          comments.push(payload);
      }
      expectShown(
        // The queue shows 50 a page: newest first, this chunk's (at most 50) are on the first.
        await safePage(`/review?article=${encodeURIComponent(slug)}&sort=newest`, reviewer),
        proposals.map((entry) => entry.payload),
        "review queue",
      );
      expectShown(await safePage(`/proposals/${discussionId}`), comments, "proposal discussion");
      await safePage(`/wiki/${encodeURIComponent(slug)}/proposals`);
      await safePage(`/user/${newbie.name}`);
      for (const { payload, id } of proposals) {
        expectShown(await safePage(`/proposals/${id}`), [payload], "proposal page");
        await submitOne(
          "request-changes comment",
          payload,
          () =>
            httpRequest(server, "POST", `/api/proposals/${id}/request-changes`, {
              user: reviewer,
              body: { version: 1, comment: payload },
            }),
          [200],
        );
        // The author revises (a version summary), which opens it again, then it is rejected.
        const revised = await submitOne(
          "proposal version summary",
          payload,
          () =>
            httpRequest(server, "POST", `/api/proposals/${id}/versions`, {
              user: newbie,
              body: { baseRevisionId: base, content: changed(1000 + id), summary: payload },
            }),
          [201],
        );
        if (!revised) {
          const plain = await httpRequest(server, "POST", `/api/proposals/${id}/versions`, {
            user: newbie,
            body: { baseRevisionId: base, content: changed(1000 + id), summary: "revised" },
          });
          expect(plain.status, plain.text).toBe(201);
        }
        await submitOne(
          "rejection reason",
          payload,
          () =>
            httpRequest(server, "POST", `/api/proposals/${id}/reject`, {
              user: reviewer,
              body: { version: 2, reason: payload },
            }),
          [200],
        );
        await safePage(`/proposals/${id}`, newbie);
      }
      await safePage("/log/review");
    }
  });

  it("usernames: refused at registration, or the user page and the admin list show them as text", async () => {
    for (const [, chunk] of chunks(ALL_PAYLOADS)) {
      for (const payload of chunk) {
        const response = await httpRequest(server, "POST", "/api/users", {
          body: { username: payload, password: PASSWORD },
        });
        if (response.status === 201) {
          count("username", "stored");
          expectShown(
            await safePage(`/user/${encodeURIComponent(response.body.user.name)}`),
            [response.body.user.name],
            "user page",
          );
        } else {
          expectRefusal(response, `username ${JSON.stringify(payload)}`);
          count("username", "refused");
        }
      }
    }
    await safePage("/admin/users", admin);
  });

  it("block and unblock reasons, and protection reasons: refused or shown as text in the logs", async () => {
    const title = "Xss protection reasons";
    const slug = slugOfTitle(title);
    const created = await httpRequest(server, "POST", `/api/articles/${encodeURIComponent(slug)}/edits`, {
      user: admin,
      body: { baseRevisionId: null, title, content: plainContent(title, 1), summary: "start" },
    });
    expect(created.status).toBe(201);
    for (const [_start, chunk] of chunks(ALL_PAYLOADS, 25)) {
      const blockReasons: string[] = [];
      const protectionReasons: string[] = [];
      for (const payload of chunk) {
        if (
          await submitOne(
            "block reason",
            payload,
            () =>
              httpRequest(server, "PUT", `/api/users/${target.name}/block`, { user: admin, body: { reason: payload } }),
            [200],
          )
        )
          blockReasons.push(payload);
        await submitOne(
          "unblock reason",
          payload,
          () =>
            httpRequest(server, "DELETE", `/api/users/${target.name}/block`, {
              user: admin,
              body: { reason: payload },
            }),
          [200],
        );
        const level = protectionReasons.length % 2 ? "semi" : "extended";
        if (
          await submitOne(
            "protection reason",
            payload,
            () =>
              httpRequest(server, "PUT", `/api/articles/${encodeURIComponent(slug)}/protection`, {
                user: admin,
                body: { level, reason: payload },
              }),
            [200],
          )
        )
          protectionReasons.push(payload);
      }
      expectShown(await safePage(`/user/${target.name}`), blockReasons, "user rights log");
      expectShown(await safePage(`/wiki/${encodeURIComponent(slug)}/log`), protectionReasons, "protection log");
      await safePage(`/wiki/${encodeURIComponent(slug)}`);
    }
    await safePage("/admin/users", admin);
  });

  it("every HTML page carries a strict Content-Security-Policy: a fresh nonce, or no script at all", async () => {
    const slug = slugOfTitle("Xss edit summaries");
    const paths = [
      "/",
      "/login",
      "/register",
      "/review",
      "/search?q=xss",
      "/log/review",
      `/wiki/${slug}`,
      `/wiki/${slug}/edit`,
      `/wiki/${slug}/protect`,
      `/wiki/${slug}/history`,
      `/wiki/${slug}/log`,
      `/wiki/No_such_article`,
      `/user/${editor.name}`,
    ];
    const nonces = new Set<string | null>();
    let scriptFree = 0;
    for (const path of paths) {
      for (const user of [null, admin]) {
        const response = await httpRequest(server, "GET", path, { user });
        expect([200, 404], path).toContain(response.status);
        const policy = response.headers.get("content-security-policy");
        expect(cspProblems(policy), path).toEqual([]);
        expect(unsafeMarkup(response.text, { nonce: cspNonce(policy) }), path).toEqual([]);
        // Pages served as plain HTML by route handlers run no script at all; the others get a fresh nonce each.
        if (policy?.includes("script-src 'none'")) scriptFree += 1;
        else nonces.add(cspNonce(policy));
      }
    }
    expect(scriptFree).toBe(6); // the article, its history and the missing article, signed out and in
    expect(nonces.size).toBe(paths.length * 2 - scriptFree);
    expect(nonces.has(null)).toBe(false);
  });
});

function chunks<T>(items: readonly T[], size = CHUNK): Array<[number, T[]]> {
  const result: Array<[number, T[]]> = [];
  for (let start = 0; start < items.length; start += size) result.push([start, items.slice(start, start + size)]);
  return result;
}
