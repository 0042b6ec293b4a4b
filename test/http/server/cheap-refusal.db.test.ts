import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieFor } from "../../../lib/auth/session";
import { readArticleRevision } from "../../../lib/articles/read-article";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent, Section } from "../../../lib/document/model";
import { submitProposal } from "../../../lib/proposals/submit-proposal";
import { loadActor } from "../../../lib/users/load-actor";
import { useTestDatabase } from "../../db";
import { generateArticle, makeUser, type TestUser } from "../../factories";
import { httpRequest, startAppServer, type AppServer } from "../../server";

/*
 * Cheap to refuse (DESIGN.md invariant 9), tried as an attacker would over
 * HTTP against the real server: a request that will be refused is refused
 * before the server reads or parses its body; no body can make it buffer past
 * the route's limit; JSON APIs take only JSON; a proposal cannot be larger
 * than reviewers can read, and reading a large one answers a bounded summary;
 * a full worker queue sheds load with 503 and Retry-After.
 */

const ctx = useTestDatabase();
let server: AppServer;
let editor: TestUser;
let newbie: TestUser;
let bigProposalId: number;
let proposalId: number;
const PROPOSAL_LIMIT = 50_000;
const section = (id: string, text: string): Section => ({
  id,
  title: id === "lead" ? "" : `Section ${id}`,
  level: id === "lead" ? 0 : 2,
  body: docFromMarkup(text),
});

beforeAll(async () => {
  server = await startAppServer({
    databaseUrl: ctx.url,
    env: { WIKI_RATE_LIMITS: "off", WIKI_MAX_PROPOSAL_BYTES: String(PROPOSAL_LIMIT) },
  });
  editor = await makeUser(ctx.db, { name: "cheap_editor", role: "extendedconfirmed" });
  newbie = await makeUser(ctx.db, { name: "cheap_newbie" });

  // A large protected article (about 3 MB of JSON) and a proposal rewriting five of its sections.
  const big = generateArticle({ title: "Big", sections: 40, references: 300, sectionChars: 60_000, seed: 7 });
  const first = await saveRevision({
    db: ctx.db,
    slug: "Big",
    baseRevisionId: null,
    content: big,
    authorId: editor.id,
  });
  await ctx.db.article.update({ where: { slug: "Big" }, data: { protectionLevel: "extended" } });
  const rewritten = generateArticle({ title: "Big", sections: 40, references: 300, sectionChars: 60_000, seed: 8 });
  const proposed: ArticleContent = {
    ...big,
    sections: big.sections.map((s, i) =>
      i >= 3 && i < 8 ? { ...rewritten.sections[i], id: s.id, title: s.title } : s,
    ),
  };
  ({ proposalId: bigProposalId } = await submitProposal({
    db: ctx.db,
    actor: await loadActor(ctx.db, newbie.id),
    articleId: (await ctx.db.article.findUniqueOrThrow({ where: { slug: "Big" } })).id,
    baseRevisionId: first.revisionId,
    base: big,
    content: proposed,
    summary: "rewrite five sections",
    rationale: "",
  }));

  const small: ArticleContent = {
    title: "Small",
    infobox: null,
    sections: [section("lead", "Lead."), section("s1", "One.")],
    references: [],
  };
  await saveRevision({ db: ctx.db, slug: "Small", baseRevisionId: null, content: small, authorId: editor.id });
  await ctx.db.article.update({ where: { slug: "Small" }, data: { protectionLevel: "extended" } });
  const propose = await httpRequest(server, "POST", "/api/articles/Small/edits", {
    body: await smallEdit("Proposed."),
    user: newbie,
  });
  expect(propose.status, propose.text).toBe(202);
  proposalId = propose.body.proposal.id;
}, 240_000);
afterAll(async () => server?.stop());

async function smallEdit(text: string) {
  const head = await readArticleRevision({ db: ctx.db, slug: "Small" });
  return {
    baseRevisionId: head.revision.id,
    summary: "edit",
    sectionEdit: { sectionId: "s1", sections: [section("s1", text)] },
  };
}

/**
 * Sends a request over a raw socket: the head, then `body` chunks one after
 * another (as HTTP/1.1 chunked encoding when `chunked`), without ever ending
 * the body, and resolves with the status the server answers and how many body
 * bytes had been sent by then. A server that waits for the whole body never
 * answers, and the test times out.
 */
function sendWithoutFinishing(
  path: string,
  options: { headers: Record<string, string>; chunk: Buffer; maxChunks: number; chunked?: boolean },
): Promise<{ status: number; sent: number; response: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let response = "";
    let sent = 0;
    let answered = false;
    const head = [
      `POST ${path} HTTP/1.1`,
      `Host: ${url.host}`,
      `Origin: ${server.url}`,
      ...Object.entries(options.headers).map(([name, value]) => `${name}: ${value}`),
      "",
      "",
    ].join("\r\n");
    socket.on("data", (data) => {
      response += data.toString("latin1");
      const match = /^HTTP\/1\.1 (\d{3})/.exec(response);
      if (match && response.includes("\r\n\r\n") && !answered) {
        answered = true;
        // Give the body a moment to arrive, then hang up.
        setTimeout(() => {
          socket.destroy();
          resolve({ status: Number(match[1]), sent, response });
        }, 200);
      }
    });
    socket.on("error", (error) => (answered ? undefined : reject(error)));
    socket.write(head);
    let chunks = 0;
    const pump = () => {
      if (answered || socket.destroyed || chunks >= options.maxChunks) return;
      chunks += 1;
      sent += options.chunk.length;
      const frame = options.chunked
        ? Buffer.concat([Buffer.from(`${options.chunk.length.toString(16)}\r\n`), options.chunk, Buffer.from("\r\n")])
        : options.chunk;
      if (socket.write(frame)) setImmediate(pump);
      else socket.once("drain", pump);
    };
    pump();
  });
}

describe("refused before the body is read", () => {
  it("answers an anonymous 4 MB edit with 401 before the client has sent the body", async () => {
    const answer = await sendWithoutFinishing("/api/articles/Small/edits", {
      headers: { "content-type": "application/json", "content-length": String(4_000_000) },
      chunk: Buffer.alloc(64 * 1024, " "),
      // a sixteenth of what it declared, and never the rest: only a server that did not wait for the body answers
      maxChunks: 4,
    });
    expect(answer.status, answer.response.slice(0, 500)).toBe(401);
    expect(answer.response).toContain('"code":"unauthorized"');
    // ... and hangs up rather than read and discard the rest.
    expect(answer.response).toMatch(/^connection: close\r$/im);
  });

  it("caps anonymous bodies small, whatever the route allows signed-in users", async () => {
    const registration = await httpRequest(server, "POST", "/api/users", {
      rawBody: JSON.stringify({ username: "x".repeat(32 * 1024), password: "p" }),
    });
    expect(registration.status, registration.text).toBe(413);
    expect(registration.body.error.message).toMatch(/larger than 16,384 bytes/);
  });

  it("cuts off a body without Content-Length (chunked) at the route's limit with 413, without waiting for its end", async () => {
    const cookie = await sessionCookieFor(editor);
    const answer = await sendWithoutFinishing(`/api/proposals/${proposalId}/comments`, {
      headers: { "content-type": "application/json", "transfer-encoding": "chunked", cookie },
      chunk: Buffer.alloc(16 * 1024, "a"),
      maxChunks: 64, // 1 MB, never terminated
      chunked: true,
    });
    expect(answer.status, answer.response.slice(0, 500)).toBe(413);
    expect(answer.response).toContain("larger than 65,536 bytes");
    expect(await ctx.db.proposalComment.count()).toBe(0);
  });

  it("refuses a JSON body sent as text/plain (what a cross-site form can send) with 415 naming the header", async () => {
    const plain = await httpRequest(server, "POST", `/api/proposals/${proposalId}/comments`, {
      body: { body: "Forged." },
      user: editor,
      headers: { "content-type": "text/plain" },
    });
    expect(plain.status, plain.text).toBe(415);
    expect(plain.body.error).toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringMatching(/Content-Type/),
    });
    const bare = await httpRequest(server, "POST", `/api/proposals/${proposalId}/comments`, {
      body: { body: "Forged." },
      user: editor,
      headers: { "content-type": null },
    });
    expect(bare.status, bare.text).toBe(415);
    expect(await ctx.db.proposalComment.count()).toBe(0);
    // The same request as JSON goes through.
    expect(
      (
        await httpRequest(server, "POST", `/api/proposals/${proposalId}/comments`, {
          body: { body: "Fine." },
          user: editor,
        })
      ).status,
    ).toBe(201);
    await ctx.db.proposalComment.deleteMany();
  });
});

describe("proposals are bounded", () => {
  it("refuses a proposal, and a new version, larger than the limit with 413 naming it, and stores nothing", async () => {
    const proposals = await ctx.db.proposal.count();
    const versions = await ctx.db.proposalVersion.count();
    const huge = "Words of a long proposal. ".repeat(Math.ceil((PROPOSAL_LIMIT * 1.5) / 26));
    const refused = await httpRequest(server, "POST", "/api/articles/Small/edits", {
      body: await smallEdit(huge),
      user: newbie,
    });
    expect(refused.status, refused.text).toBe(413);
    expect(refused.body.error).toMatchObject({
      code: "payload_too_large",
      message: expect.stringContaining(`at most ${PROPOSAL_LIMIT.toLocaleString("en")} bytes`),
    });
    const revised = await httpRequest(server, "POST", `/api/proposals/${proposalId}/versions`, {
      body: await smallEdit(huge),
      user: newbie,
    });
    expect(revised.status, revised.text).toBe(413);
    expect(await ctx.db.proposal.count()).toBe(proposals);
    expect(await ctx.db.proposalVersion.count()).toBe(versions);
  });

  it("answers a large proposal with a summary of at most 2 MB, and each section's diff on its own", async () => {
    const read = await httpRequest(server, "GET", `/api/proposals/${bigProposalId}`);
    expect(read.status, read.text.slice(0, 300)).toBe(200);
    expect(Buffer.byteLength(read.text)).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(read.body.proposal.id).toBe(bigProposalId);
    expect(read.body.diffAgainstBase).toBeNull();
    const listed = read.body.diffs.againstBase.sections;
    expect(listed.map((entry: { id: string }) => entry.id)).toEqual(["s3", "s4", "s5", "s6", "s7"]);
    expect(listed[0]).toMatchObject({ status: "changed", bytes: expect.any(Number) });

    const part = await httpRequest(server, "GET", `/api/proposals/${bigProposalId}/diff?against=base&section=s4`);
    expect(part.status, part.text.slice(0, 300)).toBe(200);
    expect(part.body.section).toMatchObject({ id: "s4", status: "changed" });
    expect(Buffer.byteLength(JSON.stringify(part.body.section))).toBe(listed[1].bytes);
    const references = await httpRequest(
      server,
      "GET",
      `/api/proposals/${bigProposalId}/diff?against=current&part=references`,
    );
    expect(references.status).toBe(200);
    expect(Array.isArray(references.body.references)).toBe(true);
    for (const query of [
      "against=base&section=nope",
      "against=sideways&section=s4",
      "against=base",
      "against=base&part=everything",
    ]) {
      const bad = await httpRequest(server, "GET", `/api/proposals/${bigProposalId}/diff?${query}`);
      expect([400, 404], `${query}: ${bad.text}`).toContain(bad.status);
    }
    // The proposal page still shows the whole diff (from the same cached diff).
    const page = await fetch(`${server.url}/proposals/${bigProposalId}`);
    expect(page.status).toBe(200);
  }, 120_000);
});

describe("overload is shed", () => {
  it("answers 503 with Retry-After when the diff workers' queue is full", async () => {
    const busy = await startAppServer({
      databaseUrl: ctx.url,
      env: {
        WIKI_RATE_LIMITS: "off",
        WIKI_DIFF_WORKERS: "1",
        WIKI_WORKER_QUEUE: "0",
        WIKI_WORKER_QUEUE_WAIT_MS: "120000",
      },
    });
    try {
      // Several far-apart revisions of the large article, so each pair's diff is real work.
      const article = await ctx.db.article.findUniqueOrThrow({ where: { slug: "Big" } });
      const ids = [article.currentRevisionId!];
      for (let seed = 20; seed < 23; seed++) {
        const content = generateArticle({ title: "Big", sections: 40, references: 300, sectionChars: 60_000, seed });
        ids.push(
          (await saveRevision({ db: ctx.db, slug: "Big", baseRevisionId: ids.at(-1)!, content, authorId: editor.id }))
            .revisionId,
        );
      }
      const pairs = ids.flatMap((from, i) => ids.slice(i + 1).map((to) => [from, to]));
      const answers = await Promise.all(
        pairs.map(([from, to]) => httpRequest(busy, "GET", `/api/articles/Big/diff?from=${from}&to=${to}`)),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(
        statuses.every((status) => status === 200 || status === 503),
        String(statuses),
      ).toBe(true);
      expect(statuses).toContain(200);
      const shed = answers.find((answer) => answer.status === 503)!;
      expect(shed, String(statuses)).toBeDefined();
      expect(shed.body.error.code).toBe("overloaded");
      expect(Number(shed.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    } finally {
      await busy.stop();
    }
  }, 240_000);
});
