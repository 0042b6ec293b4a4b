import { performance } from "node:perf_hooks";
import type { Db } from "../lib/db/client";
import { docFromMarkup } from "../lib/document/markup";
import { saveRevision } from "../lib/articles/save-revision";
import { loadActor } from "../lib/users/load-actor";
import { countNewerChanges, readRecentChanges } from "../lib/recent-changes/read-recent-changes";
import { recordRevisionsInBulk } from "../lib/recent-changes/record-revisions";
import { createUser } from "../test/factories";
import { sample, type AddRow } from "./measure";

/**
 * Makes the generated site as large as issue 18's target: revisions on the suite's stub articles until
 * the site holds `total` revisions (a few new users among their authors, a tenth of the stubs
 * semi-protected), written in one INSERT … SELECT with real content roots; then every revision without a
 * row in recent changes (these and the suite's bulk histories) gets one, by the same rules as a save.
 * Prints the real counts.
 */
export async function fillSiteRevisions(options: {
  db: Db;
  total: number;
  authorIds: number[];
  log: (line: string) => void;
  add: AddRow;
}) {
  const { db } = options;
  const started = performance.now();
  const newUsers = [];
  for (let i = 0; i < 5; i++) newUsers.push((await createUser(db, { name: `bench_newcomer_${i}`, ageDays: 1 })).id);
  // One real content for every filler revision: its blobs exist and it reads like a stub.
  const filler = await saveRevision({
    db,
    slug: "Bench_filler",
    baseRevisionId: null,
    authorId: options.authorIds[0],
    content: {
      title: "Bench filler",
      infobox: null,
      sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("A stub of the generated site.") }],
      references: [],
    },
  });
  const roots = await db.revision.findUniqueOrThrow({ where: { id: filler.revisionId } });
  await db.$executeRawUnsafe(
    `UPDATE "Article" SET "protectionLevel" = 'semi', "protectionReason" = 'bench' WHERE "slug" LIKE 'Stub\\_%' AND "id" % 10 = 0`,
  );
  const [{ existing }] = await db.$queryRawUnsafe<Array<{ existing: number }>>(
    `SELECT count(*)::int AS "existing" FROM "Revision"`,
  );
  const [{ stubs }] = await db.$queryRawUnsafe<Array<{ stubs: number }>>(
    `SELECT count(*)::int AS "stubs" FROM "Article" WHERE "slug" LIKE 'Stub\\_%' AND "currentRevisionId" IS NULL`,
  );
  const perStub = Math.max(1, Math.ceil((options.total - existing) / Math.max(1, stubs)));
  if (options.total > existing && stubs > 0) {
    const authors = [...options.authorIds, ...newUsers];
    // Ids drawn as one block, so each stub's chain is consecutive ids and its parent is the id before.
    const [{ start }] = await db.$queryRawUnsafe<Array<{ start: number }>>(
      `SELECT nextval(pg_get_serial_sequence('"Revision"', 'id'))::int AS "start"`,
    );
    await db.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"Revision"', 'id'), ${start + stubs * perStub})`);
    await db.$executeRawUnsafe(`
      WITH stubs AS (
        SELECT "id", "title", row_number() OVER (ORDER BY "id") - 1 AS "n" FROM "Article"
        WHERE "slug" LIKE 'Stub\\_%' AND "currentRevisionId" IS NULL
      ), authors AS (SELECT a, ordinality - 1 AS "i" FROM unnest(ARRAY[${authors.join(",")}]::int[]) WITH ORDINALITY AS t(a))
      INSERT INTO "Revision" ("id", "articleId", "parentId", "authorId", "summary", "createdAt", "sizeBytes", "schemaVersion",
        "title", "sectionsRoot", "referencesRoot", "infoboxHash")
      SELECT ${start} + s."n" * ${perStub} + k, s."id", CASE WHEN k = 0 THEN NULL ELSE ${start} + s."n" * ${perStub} + k - 1 END,
        authors.a, 'stub edit ' || k, TIMESTAMP '2025-06-01' + (k * ${stubs} + s."n") * INTERVAL '1 second',
        ${roots.sizeBytes} + (k % 7) * 40, ${roots.schemaVersion}, s."title", '${roots.sectionsRoot}', '${roots.referencesRoot}', NULL
      FROM stubs s CROSS JOIN generate_series(0, ${perStub - 1}) AS k
      JOIN authors ON authors."i" = (s."n" * 31 + k * 7) % ${authors.length}`);
    await db.$executeRawUnsafe(`
      UPDATE "Article" a SET "currentRevisionId" = ${start} + s."n" * ${perStub} + ${perStub - 1}
      FROM (SELECT "id", row_number() OVER (ORDER BY "id") - 1 AS "n" FROM "Article" WHERE "slug" LIKE 'Stub\\_%' AND "currentRevisionId" IS NULL) s
      WHERE a."id" = s."id"`);
  }
  const recorded = await recordRevisionsInBulk(db);
  const [{ revisions, changes }] = await db.$queryRawUnsafe<Array<{ revisions: number; changes: number }>>(
    `SELECT (SELECT count(*)::int FROM "Revision") AS "revisions", (SELECT count(*)::int FROM "RecentChange") AS "changes"`,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  options.log(
    `[bench] site filled to ${revisions.toLocaleString("en")} revisions (${recorded.toLocaleString("en")} recorded in recent changes) in ${seconds} s`,
  );
  options.add(
    "site-wide revisions (recent changes rows)",
    `${revisions.toLocaleString("en")} revisions, ${changes.toLocaleString("en")} rows, filled in ${seconds} s`,
  );
}

/**
 * Recent changes as /recent-changes and its JSON read them (readRecentChanges, in process) over the
 * whole generated site: the first page anonymously, unpatrolled for a reviewer, semi-protected only,
 * new users' edits, a page deep by cursor, and the freshness poll.
 */
export async function benchRecentChanges(options: {
  db: Db;
  quick: boolean;
  reviewerId: number;
  latencyRow: (name: string, samples: number[], target: string, check: (s: { p50: number }) => boolean) => unknown;
}) {
  const { db, quick } = options;
  const runs = quick ? 5 : 200;
  const reviewer = await loadActor(db, options.reviewerId);
  const [{ revisions }] = await db.$queryRawUnsafe<Array<{ revisions: number }>>(
    `SELECT count(*)::int AS "revisions" FROM "Revision"`,
  );
  const label = `${revisions.toLocaleString("en")} revisions site-wide`;
  const first = await readRecentChanges({ db, viewer: null });
  const deep = await readRecentChanges({ db, viewer: null, cursor: first.changes.at(-1)?.id, limit: 50 });
  const cases: Array<[string, Parameters<typeof readRecentChanges>[0]]> = [
    ["first page", { db, viewer: null }],
    ["unpatrolled, as a reviewer", { db, viewer: reviewer, unpatrolled: "1" }],
    ["semi-protected articles", { db, viewer: null, level: "semi" }],
    ["new users", { db, viewer: null, group: "user" }],
    ["page 3 by cursor", { db, viewer: null, cursor: deep.changes.at(-1)?.id }],
  ];
  for (const [name, query] of cases) {
    const samples = await sample(runs, () => readRecentChanges(query));
    options.latencyRow(`recent changes (${name}), ${label}`, samples, "p50 <= 10 ms", (s) => s.p50 <= 10);
  }
  const since = first.changes[10]?.id ?? 1;
  const poll = await sample(runs, () => countNewerChanges({ db, viewer: null, since }));
  options.latencyRow(`recent changes "N new changes" poll, ${label}`, poll, "p50 <= 10 ms", (s) => s.p50 <= 10);
}
