/**
 * Issue 22's rows alone, at full scale (about 4
 * minutes), on a workload of their own that is smaller than the full bench's:
 * the 5k, 40k (2,000 revisions rather than 45,000), 200k and 78k articles the
 * rows read, and the same 200 users. For measuring these rows without the
 * whole bench; the full bench runs them too (bench/suite.ts):
 *
 *   NODE_ENV=production node --import tsx --import ./scripts/register.mjs bench/perf22-run.ts [--quick]
 */
import { createClient } from "../lib/db/client";
import { createUser } from "../test/factories";
import type { BenchArticles } from "./measure";
import { runRowsOnOwnDatabase } from "./own-database";
import { benchPerf22 } from "./perf22-bench";
import { articleOfChars, bulkHistory } from "./workload";

const quick = process.argv.includes("--quick");
await runRowsOnOwnDatabase("perf22", async ({ url, add, servers }) => {
  const db = createClient(url);
  const users = [];
  for (let i = 0; i < 200; i++)
    users.push(await createUser(db, { name: `bench_user_${i}`, ageDays: 10 + (i % 100), editCount: i * 7 }));
  const groups = ["reviewer", "extendedconfirmed", "admin"];
  await db.userGroup.createMany({
    data: users.slice(0, 30).map((user, i) => ({ userId: user.id, group: groups[i % 3] })),
  });
  const authorIds = users.slice(30, 60).map((user) => user.id);
  const articles: BenchArticles = {};
  const plan: Array<[string, number, number]> = quick
    ? [
        ["S", 5_000, 20],
        ["M", 8_000, 120],
        ["XL", 12_000, 40],
        ["View", 8_000, 20],
      ]
    : [
        ["S", 5_000, 20],
        ["M", 40_000, 2_000],
        ["XL", 200_000, 1_000],
        ["View", 78_000, 20],
      ];
  for (const [key, chars, revisions] of plan) {
    const slug = `Bench_${key}`;
    const history = await bulkHistory(db, {
      slug,
      first: articleOfChars(chars, chars, `Bench ${key}`),
      chars,
      revisions,
      authorIds,
      seed: chars,
    });
    articles[key] = { slug, chars, history };
  }
  await db.$executeRawUnsafe(`VACUUM (ANALYZE)`);
  await db.$disconnect();
  await benchPerf22({
    url,
    articles,
    users,
    scale: quick ? { seconds: 1, mixedSeconds: 2, view: 8_000 } : { seconds: 10, mixedSeconds: 60, view: 78_000 },
    quick,
    add,
    servers,
  });
});
