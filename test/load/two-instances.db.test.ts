import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMixedLoad } from "../../bench/load/mixed-load";
import { useTestDatabase } from "../db";
import { startAppServer, type AppServer } from "../server";
import { missingAcknowledgedSaves, seedLoadFixture } from "./fixture";

// Closed loop (readers without pause): a shorter run is mostly the cold servers' first renders, so npm test keeps 20 s.
const seconds = Number(process.env.WIKI_TWO_INSTANCE_SECONDS ?? 20);

/**
 * Scale-out: two app instances on different ports against one PostgreSQL,
 * loaded at once, writers spread over both. Whatever one instance writes, the
 * other serves at once: nothing that must be shared lives in process memory.
 */
describe("two app instances on one database", () => {
  const database = useTestDatabase();
  let servers: AppServer[] = [];
  let cast: Awaited<ReturnType<typeof seedLoadFixture>>;
  beforeAll(async () => {
    cast = await seedLoadFixture(database.db);
    servers = await Promise.all(
      [0, 1].map(() => startAppServer({ databaseUrl: database.url, env: { WIKI_RATE_LIMITS: "off" } })),
    );
  });
  afterAll(async () => Promise.all(servers.map((server) => server.stop())));

  it("a save through one instance is what the other serves next", async () => {
    const [a, b] = servers;
    const { user, slug } = cast.editors[0];
    const { sessionCookieFor } = await import("../../lib/auth/session");
    const cookie = await sessionCookieFor(user);
    const before = await (await fetch(`${b.url}/api/articles/${slug}`)).json();
    // Warm b's render cache on the old head, then write through a.
    expect((await fetch(`${b.url}/wiki/${slug}`)).status).toBe(200);
    const section = before.sections[1];
    const saved = await fetch(`${a.url}/api/articles/${slug}/edits`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: a.url, cookie },
      body: JSON.stringify({
        baseRevisionId: before.revision.id,
        summary: "through a",
        sectionEdit: {
          sectionId: section.id,
          sections: [
            {
              ...section,
              body: {
                type: "doc",
                content: [{ type: "paragraph", content: [{ type: "text", text: "Written through instance a." }] }],
              },
            },
          ],
        },
      }),
    });
    expect(saved.status).toBe(201);
    const page = await (await fetch(`${b.url}/wiki/${slug}`)).text();
    expect(page).toContain("Written through instance a.");
    // A stale base through b is refused or merged, never silently lost.
    const stale = await fetch(`${b.url}/api/articles/${slug}/edits`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: b.url, cookie },
      body: JSON.stringify({
        baseRevisionId: before.revision.id,
        summary: "stale through b",
        sectionEdit: {
          sectionId: section.id,
          sections: [
            {
              ...section,
              body: {
                type: "doc",
                content: [{ type: "paragraph", content: [{ type: "text", text: "Conflicting text through b." }] }],
              },
            },
          ],
        },
      }),
    });
    expect(stale.status).toBe(409);
  });

  it(`carries ${seconds} s of mixed load spread over both with under 1% errors and no lost write`, {
    timeout: (seconds + 120) * 1000,
  }, async () => {
    const result = await runMixedLoad({
      ...cast,
      targets: servers.map((server) => server.url),
      durationSeconds: seconds,
      readers: 50,
    });
    const f = (n: number) => n.toFixed(1);
    console.log(
      `[two instances] ${seconds} s: reads ${result.reads.count} (${f(result.reads.perSecond)}/s, p50 ${f(result.reads.p50)} ms, p95 ${f(result.reads.p95)} ms, p99 ${f(result.reads.p99)} ms, errors ${result.reads.errors}); ` +
        `saves ${result.saves.count} (${result.saves.conflicts} conflicts), proposals ${result.proposals.count}, approvals ${result.approvals.count}; statuses ${JSON.stringify(result.statusCounts)}`,
    );
    const requests =
      result.reads.count +
      result.saves.count +
      result.saves.errors +
      result.proposals.count +
      result.proposals.errors +
      result.approvals.count +
      result.approvals.errors;
    const errors = result.reads.errors + result.saves.errors + result.proposals.errors + result.approvals.errors;
    expect(result.saves.count).toBeGreaterThan(0);
    expect(errors / requests).toBeLessThan(0.01);
    expect(await missingAcknowledgedSaves(database.db, result.acknowledgedSaves)).toEqual([]);
    // Each article's head is the newest revision of its own chain, whichever instance wrote it.
    for (const { slug } of cast.editors) {
      const article = await database.db.article.findUniqueOrThrow({
        where: { slug },
        select: {
          currentRevisionId: true,
          revisions: { select: { id: true, parentId: true }, orderBy: { id: "asc" } },
        },
      });
      expect(article.currentRevisionId).toBe(article.revisions.at(-1)!.id);
      article.revisions
        .slice(1)
        .forEach((revision, index) => expect(revision.parentId).toBe(article.revisions[index].id));
    }
  });
});
