import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as editsRoute from "../../../app/api/articles/[slug]/edits/route";
import { readArticleRevision } from "../../../lib/articles/read-article";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import { validateArticleContent } from "../../../lib/document/validate";
import { loadProposalVersion } from "../../../lib/proposals/proposal-store";
import { fuzzParameters, mutate, mutationArb, type Mutation } from "../../document-arbitraries";
import { generateArticle, makeUser, type TestUser } from "../../factories";
import { snapshotAllRows } from "../../db";
import { SITE, call, type RouteHandler, useRouteTestDatabase } from "../harness";
import { sessionCookieFor } from "../../../lib/auth/session";

/*
 * Fuzzing POST /api/articles/{slug}/edits in-process: random bodies and
 * mutated valid edit requests, on an open article (saves), a semi-protected
 * one (proposals), new articles (creation) and odd slugs. Every answer is a
 * success whose stored content passes the validator, or a 4xx JSON error after
 * which no revision, content, article, proposal or edit count changed. Never
 * a 5xx. FUZZ_SEED replays a run.
 */

const ctx = useRouteTestDatabase();
let editor: TestUser;
let newcomer: TestUser;

const ERROR_CODES = [
  "bad_request",
  "invalid_document",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "rate_limited",
];

beforeAll(async () => {
  process.env.WIKI_RATE_LIMITS = "off";
  editor = await makeUser(ctx.db, { name: "fuzz_editor", role: "autoconfirmed" });
  newcomer = await makeUser(ctx.db, { name: "fuzz_newcomer" });
  for (const slug of ["Fuzz", "Fuzz_semi"]) {
    await saveRevision({
      db: ctx.db,
      slug,
      baseRevisionId: null,
      content: {
        ...generateArticle({ sections: 3, references: 4, sectionChars: 250, seed: 5 }),
        title: slug.replace("_", " "),
      },
      authorId: editor.id,
    });
  }
  await ctx.db.article.update({
    where: { slug: "Fuzz_semi" },
    data: { protectionLevel: "semi", protectionReason: "fuzz" },
  });
});

/** Every row of every table: a refused edit must leave them as they were. */
const snapshot = () => snapshotAllRows(ctx.db);

/** Where an edit goes, and as whom: saves, proposals, creations, odd or missing articles. */
const targetArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ slug: "Fuzz", as: "editor" as const }) },
  { weight: 2, arbitrary: fc.constant({ slug: "Fuzz_semi", as: "newcomer" as const }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        "Fuzz_new",
        "Fuzz_new_2",
        "100%",
        "%E0%A4%A",
        "",
        "a/b",
        "Fuzz semi",
        "__proto__",
        "_Fuzz",
        "Fuzz#x",
      )
      .map((slug) => ({ slug, as: "editor" as const })),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((slug) => ({ slug, as: "editor" as const })) },
);

/** A valid edit request built on the article's current revision, of one of the shapes the editor sends. */
async function validRequest(slug: string, shape: number, text: string): Promise<Record<string, unknown>> {
  const article = await ctx.db.article.findUnique({ where: { slug } });
  const body = docFromMarkup(`${text.replace(/[[\]']/g, "") || "x"}[[ref:ref-0]]`);
  const reference = { key: "ref-0", title: "Source", url: "https://example.org/0" };
  if (!article?.currentRevisionId) {
    return {
      baseRevisionId: null,
      summary: "new",
      sectionEdit: { sectionId: "lead", sections: [{ id: "lead", title: "", level: 0, body }] },
      references: [reference],
    };
  }
  // A copy: loaded content is shared (and frozen) by the process's blob cache, and the fuzzer mutates what it gets.
  const content = structuredClone((await readArticleRevision({ db: ctx.db, slug })).content);
  const section = content.sections[shape % content.sections.length];
  if (shape % 3 === 0) {
    return {
      baseRevisionId: article.currentRevisionId,
      summary: "whole",
      content: {
        ...content,
        sections: content.sections.map((s) => (s.id === section.id ? { ...s, body } : s)),
        references: [...content.references.filter((r) => r.key !== "ref-0"), reference],
      },
    };
  }
  return {
    baseRevisionId: article.currentRevisionId,
    summary: "section",
    minor: shape % 2 === 0,
    sectionEdit: { sectionId: section.id, sections: [{ ...section, body }] },
    references: [reference],
  };
}

async function post(slug: string, user: TestUser, rawBody: string) {
  const request = new Request(`${SITE}/api/articles/${encodeURIComponent(slug)}/edits`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: SITE,
      host: "localhost:3000",
      cookie: await sessionCookieFor(user),
    },
    body: rawBody,
  });
  return call(editsRoute.POST as RouteHandler, request, { slug });
}

/** The whole contract for one request. Returns the status for the tally. */
async function checkEdit(slug: string, user: TestUser, rawBody: string, mustSucceed = false): Promise<number> {
  const before = await snapshot();
  const response = await post(slug, user, rawBody);
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
  if (mustSucceed) expect([200, 201, 202], JSON.stringify(response.body)).toContain(response.status);
  if (response.status >= 400) {
    expect(ERROR_CODES).toContain(response.body?.error?.code);
    expect(typeof response.body.error.message).toBe("string");
    expect(await snapshot(), `a ${response.status} changed rows`).toBe(before);
  } else if (response.status === 202) {
    const proposal = await ctx.db.proposal.findUniqueOrThrow({ where: { id: response.body.proposal.id } });
    const version = await loadProposalVersion(ctx.db, proposal.id, proposal.currentVersion);
    expect(validateArticleContent(JSON.parse(JSON.stringify(version.content))).ok).toBe(true);
  } else {
    expect([200, 201]).toContain(response.status);
    const view = await readArticleRevision({ db: ctx.db, slug, revisionId: response.body.revision.id });
    const stored = validateArticleContent(JSON.parse(JSON.stringify(view.content)));
    expect(stored.ok, JSON.stringify(stored.ok || stored.issues.slice(0, 3))).toBe(true);
  }
  return response.status;
}

const userFor = (as: "editor" | "newcomer") => (as === "editor" ? editor : newcomer);

// Every run snapshots every table before its request; on 2 shared cores 2,000 runs take about a minute.
describe("edit endpoint fuzzing (3,000 runs)", { timeout: 180_000 }, () => {
  it("answers random bodies with a JSON 4xx and changes nothing (1,000 runs)", async () => {
    const bodyArb = fc.oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc
        .record(
          {
            baseRevisionId: fc.jsonValue(),
            summary: fc.jsonValue(),
            content: fc.jsonValue(),
            sectionEdit: fc.jsonValue(),
          },
          { requiredKeys: [] },
        )
        .map((value) => JSON.stringify(value)),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.constantFrom(
        "",
        "{",
        "null",
        "[]",
        '{"__proto__":{"baseRevisionId":1}}',
        '{"constructor":{"prototype":{}}}',
        "[".repeat(100_000),
        `{"content":${"[".repeat(5000)}${"]".repeat(5000)}}`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(targetArb, bodyArb, async (target, body) => {
        await checkEdit(target.slug, userFor(target.as), body);
      }),
      fuzzParameters(1_000),
    );
  });

  it("keeps the contract on mutated valid edit requests (2,000 runs)", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        targetArb,
        fc.nat(),
        fc.string({ maxLength: 40 }),
        fc.array(mutationArb, { maxLength: 3 }),
        async (target, shape, text, mutations: Mutation[]) => {
          const request = await validRequest(target.slug, shape, text);
          for (const mutation of mutations) mutate(request, mutation);
          let rawBody: string;
          try {
            rawBody = JSON.stringify(request);
          } catch {
            return; // a BigInt or a cycle: no client can send it
          }
          // Unmutated requests to the real articles are valid edits: they must go through.
          const mustSucceed = mutations.length === 0 && ["Fuzz", "Fuzz_semi"].includes(target.slug);
          const status = await checkEdit(target.slug, userFor(target.as), rawBody, mustSucceed);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        },
      ),
      fuzzParameters(2_000),
    );
    // The runs must reach saves, proposals and refusals alike, or the properties test little.
    for (const status of [201, 202, 400])
      expect(statuses.get(status) ?? 0, `${status} in ${JSON.stringify([...statuses])}`).toBeGreaterThan(20);
  });
});
