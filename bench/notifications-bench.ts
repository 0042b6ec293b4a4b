import { readArticleRevision } from "../lib/articles/read-article";
import { saveRevision } from "../lib/articles/save-revision";
import type { Db } from "../lib/db/client";
import { docFromMarkup } from "../lib/document/markup";
import type { ArticleContent } from "../lib/document/model";
import { expandPendingFanouts } from "../lib/notifications/fanout-jobs";
import { inlineMax } from "../lib/notifications/notify";
import { submitProposal } from "../lib/proposals/submit-proposal";
import { loadActor } from "../lib/users/load-actor";
import { readWatchlist } from "../lib/watchlist/read-watchlist";
import { articleOfChars } from "./workload";
import { sample } from "./measure";

type LatencyRow = (
  name: string,
  samples: number[],
  target?: string,
  check?: (s: { p50: number; p99: number }) => boolean,
) => { p50: number };
type AddRow = (name: string, result: string, target?: string, met?: boolean | null) => void;

const ms = (value: number) => `${value.toFixed(2)} ms`;

/**
 * The watchlist and notification rows (issue 18), on the suite's generated
 * site after everything else has run (its long histories, open proposals and
 * 20,000 articles):
 * - the watchlist page's read (readWatchlist, in process) for a user watching
 *   1,000 articles, the suite's busiest ones among them;
 * - the fan-out of a save: a proposal submitted on an article watched by
 *   10,000 users, against the same save on an article nobody watches, in the
 *   same run and interleaved, so the difference is what notify() adds. Two
 *   audiences: 1% of the watchers reviewers (100 rows, written in the save's
 *   transaction), and all of them reviewers (10,000 rows: more than
 *   notify()'s inline limit, so the save stores the event once and the rows
 *   are written just after its commit, in the background, while the next
 *   saves are measured).
 */
export async function benchNotifications(options: {
  db: Db;
  quick: boolean;
  userId: number;
  proposerId: number;
  latencyRow: LatencyRow;
  add: AddRow;
}) {
  const { db, quick, latencyRow, add } = options;
  const watchers = quick ? 300 : 10_000;
  const watched = quick ? 50 : 1_000;

  // ---- Watchlist read --------------------------------------------------------
  // The busiest articles first (by revisions), then others, up to `watched`.
  await db.$executeRawUnsafe(
    `INSERT INTO "Watch" ("userId", "articleId")
     SELECT ${options.userId}, a."id" FROM "Article" a
     LEFT JOIN LATERAL (SELECT count(*) AS n FROM (SELECT 1 FROM "Revision" r WHERE r."articleId" = a."id" LIMIT 100) x) busy ON true
     ORDER BY busy.n DESC, a."id" LIMIT ${watched}
     ON CONFLICT DO NOTHING`,
  );
  const actor = await loadActor(db, options.userId);
  const read = await readWatchlist({ db, actor });
  const samples = await sample(quick ? 5 : 100, () => readWatchlist({ db, actor }));
  latencyRow(
    `watchlist page read, a user watching ${read.watchedCount.toLocaleString("en")} articles (${read.entries.length} changes shown)`,
    samples,
    "p50 <= 20 ms",
    (s) => s.p50 <= 20,
  );

  // ---- Fan-out of a save -------------------------------------------------------
  const first = await db.user.aggregate({ _max: { id: true } });
  await db.$executeRawUnsafe(
    `INSERT INTO "User" ("name", "nameKey", "passwordHash", "createdAt")
     SELECT 'watcher_' || n, 'watcher_' || n, 'x', now() - interval '1 year' FROM generate_series(1, ${watchers}) AS n`,
  );
  const from = (first._max.id ?? 0) + 1;
  const slugs = ["Fanout_none", "Fanout_some", "Fanout_all"];
  for (const slug of slugs)
    await saveRevision({
      db,
      slug,
      baseRevisionId: null,
      content: articleOfChars(quick ? 3_000 : 20_000, 20_000, slug.replace(/_/g, " ")),
      authorId: options.proposerId,
    });
  const ids = Object.fromEntries(
    await Promise.all(
      slugs.map(async (slug) => [slug, (await db.article.findUniqueOrThrow({ where: { slug } })).id] as const),
    ),
  );
  for (const slug of ["Fanout_some", "Fanout_all"])
    await db.$executeRawUnsafe(
      `INSERT INTO "Watch" ("userId", "articleId") SELECT "id", ${ids[slug]} FROM "User" WHERE "id" >= ${from}`,
    );
  // Every watcher is a reviewer; for Fanout_some all but 1% are blocked while it is measured (below).
  await db.$executeRawUnsafe(
    `INSERT INTO "UserGroup" ("userId", "group") SELECT "id", 'reviewer' FROM "User" WHERE "id" >= ${from}`,
  );
  // On Fanout_some only every 100th watcher is still a reviewer who may review: the others are blocked (the
  // statement reads groups and blocks alike, so this is the cost of 10,000 candidates and 100 rows).
  const blocked = new Date(Date.now() + 86_400_000);
  const someWatchers = `"id" >= ${from} AND ("id" - ${from}) % 100 <> 0`;
  const heads = Object.fromEntries(
    await Promise.all(slugs.map(async (slug) => [slug, await readArticleRevision({ db, slug })] as const)),
  );
  const proposer = await loadActor(db, options.proposerId);
  const propose = (slug: string, i: number) => {
    const head = heads[slug];
    const index = 1 + (i % (head.content.sections.length - 1));
    const content: ArticleContent = {
      ...head.content,
      sections: head.content.sections.map((section, j) =>
        j === index ? { ...section, body: docFromMarkup(`Fan-out ${i}.`) } : section,
      ),
    };
    return submitProposal({
      db,
      actor: proposer,
      articleId: head.article.id,
      baseRevisionId: head.revision.id,
      base: head.content,
      content,
      summary: `fan-out ${i}`,
      rationale: "",
    });
  };
  const runs = quick ? 2 : 40;
  const none: number[] = [];
  const some: number[] = [];
  const all: number[] = [];
  // Interleaved, so drift over the run (autovacuum, caches) hits all three alike; a few warm-ups first.
  const warmups = quick ? 1 : 3;
  /** Lets the background finish writing the previous deferred fan-out, so it does not share the machine with the saves timed next. */
  const settle = async () => {
    while (
      (await expandPendingFanouts({ db })) > 0 ||
      (await db.notificationFanout.count({ where: { doneAt: null } })) > 0
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
  };
  for (let i = 0; i < runs + warmups; i++) {
    await settle();
    const t0 = performance.now();
    await propose("Fanout_none", i);
    const t1 = performance.now();
    await db.$executeRawUnsafe(
      `UPDATE "User" SET "blockedAt" = now(), "blockExpiresAt" = '${blocked.toISOString()}' WHERE ${someWatchers}`,
    );
    const t2 = performance.now();
    await propose("Fanout_some", i);
    const t3 = performance.now();
    await db.$executeRawUnsafe(`UPDATE "User" SET "blockedAt" = NULL, "blockExpiresAt" = NULL WHERE ${someWatchers}`);
    const t4 = performance.now();
    await propose("Fanout_all", i);
    const t5 = performance.now();
    if (i < warmups) continue;
    none.push(t1 - t0);
    some.push(t3 - t2);
    all.push(t5 - t4);
  }
  const base = latencyRow("proposal save, article watched by nobody (fan-out baseline)", none);
  const few = latencyRow(
    `proposal save, article watched by ${watchers.toLocaleString("en")} users, ${watchers / 100} of them reviewers (notified)`,
    some,
  );
  const every = latencyRow(
    `proposal save, article watched by ${watchers.toLocaleString("en")} users, all reviewers (${watchers.toLocaleString("en")} notifications)`,
    all,
  );
  add(
    `fan-out cost: ${watchers.toLocaleString("en")} watchers, ${watchers / 100} notified, added to the save's p50`,
    ms(few.p50 - base.p50),
    "<= 10 ms",
    few.p50 - base.p50 <= 10,
  );
  add(
    `fan-out cost: ${watchers.toLocaleString("en")} watchers, all notified, added to the save's p50`,
    ms(every.p50 - base.p50),
    "<= 10 ms",
    every.p50 - base.p50 <= 10,
  );
  // Whatever the background expansion has not written yet is written now, and timed.
  const drainStart = performance.now();
  // The background expansion may hold a job (SKIP LOCKED): wait for it too.
  await settle();
  const drain = performance.now() - drainStart;
  const written = await db.notification.count({ where: { articleId: ids.Fanout_all } });
  add(
    `all-reviewers fan-out: notifications written after the commits (inline limit ${inlineMax()})`,
    `${written.toLocaleString("en")} of ${(watchers * (runs + warmups)).toLocaleString("en")}; the last jobs drained in ${ms(drain)}`,
  );
}
