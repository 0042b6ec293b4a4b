import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRevision } from "../../../lib/articles/save-revision";
import { docFromMarkup } from "../../../lib/document/markup";
import type { ArticleContent } from "../../../lib/document/model";
import { useTestDatabase } from "../../db";
import { makeUser } from "../../factories";
import { httpRequest, startAppServer, type AppServer } from "../../server";

// Admission control (lib/http/admission.ts): a full line is answered at once with 503 and Retry-After, per kind,
// so that diffs and writes refused do not touch views. Lines of size zero make "full" deterministic.

const content = (lead: string): ArticleContent => ({
  title: "Admitted",
  infobox: null,
  sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup(lead) }],
  references: [],
});

describe("admission control", () => {
  const database = useTestDatabase();
  let server: AppServer;
  let author: { id: number; name: string };
  const ids: number[] = [];

  beforeAll(async () => {
    author = await makeUser(database.db, { name: "Admitted_author", role: "autoconfirmed" });
    let base: number | null = null;
    for (const lead of ["One.", "Two.", "Three."]) {
      base = (
        await saveRevision({
          db: database.db,
          slug: "Admitted",
          baseRevisionId: base,
          content: content(lead),
          authorId: author.id,
        })
      ).revisionId;
      ids.push(base);
    }
    server = await startAppServer({
      databaseUrl: database.url,
      env: { WIKI_ADMISSION: "diffs=0/0/0,writes=0/0/0", WIKI_RATE_LIMITS: "off" },
    });
  });
  afterAll(async () => server?.stop());

  it("sheds diffs with the 503 page and Retry-After while views and history are served", async () => {
    const diff = await httpRequest(server, "GET", `/wiki/Admitted/diff?from=${ids[0]}&to=${ids[1]}`);
    expect(diff.status).toBe(503);
    expect(Number(diff.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(diff.headers.get("content-type")).toContain("text/html");
    expect(diff.headers.get("cache-control")).toBe("no-store");
    expect(diff.text).toContain("The server is busy");
    for (const path of ["/wiki/Admitted", "/wiki/Admitted/history", `/wiki/Admitted?oldid=${ids[0]}`]) {
      expect((await httpRequest(server, "GET", path)).status, path).toBe(200);
    }
  });

  it("sheds writes with the API's error shape and Retry-After, before anything is saved", async () => {
    const response = await httpRequest(server, "POST", "/api/articles/Admitted/edits", {
      user: author,
      body: { baseRevisionId: ids[2], summary: "shed", content: content("Four.") },
    });
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe("overloaded");
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const article = await database.db.article.findUniqueOrThrow({ where: { slug: "Admitted" } });
    expect(article.currentRevisionId).toBe(ids[2]);
  });
});

describe("admission control off", () => {
  const database = useTestDatabase();
  let server: AppServer;
  beforeAll(async () => {
    const author = await makeUser(database.db, { name: "Unlimited", role: "autoconfirmed" });
    const first = await saveRevision({
      db: database.db,
      slug: "Admitted",
      baseRevisionId: null,
      content: content("One."),
      authorId: author.id,
    });
    await saveRevision({
      db: database.db,
      slug: "Admitted",
      baseRevisionId: first.revisionId,
      content: content("Two."),
      authorId: author.id,
    });
    server = await startAppServer({ databaseUrl: database.url, env: { WIKI_ADMISSION: "off" } });
  });
  afterAll(async () => server?.stop());

  it("admits everything with WIKI_ADMISSION=off", async () => {
    const history = await httpRequest(server, "GET", "/wiki/Admitted/history");
    expect(history.status).toBe(200);
  });
});
