/**
 * The "render only what changed" rows alone (bench/section-render-bench.ts),
 * at full scale on a workload of their own: the 1M and 78k articles, each
 * saved once. For measuring these rows without the whole bench, which
 * runs them too (bench/suite.ts):
 *
 *   NODE_ENV=production node --import tsx --import ./scripts/register.mjs bench/section-render-run.ts [--quick]
 */
import { saveRevision } from "../lib/articles/save-revision";
import { createClient } from "../lib/db/client";
import { createUser } from "../test/factories";
import type { BenchArticles } from "./measure";
import { runRowsOnOwnDatabase } from "./own-database";
import { benchSectionRender } from "./section-render-bench";
import { articleOfChars } from "./workload";

const quick = process.argv.includes("--quick");
await runRowsOnOwnDatabase("section-render", async ({ url, add, servers }) => {
  const db = createClient(url);
  const author = await createUser(db, { name: "bench_author", ageDays: 100, editCount: 1000 });
  // The rows edit and view the current revision only: each article is saved once, without a history.
  const articles: BenchArticles = {};
  for (const [key, chars] of quick
    ? [["L", 20_000] as const, ["View", 8_000] as const]
    : ([
        ["L", 1_000_000],
        ["View", 78_000],
      ] as const)) {
    const slug = `Bench_${key}`;
    const content = articleOfChars(chars, chars, `Bench ${key}`);
    const saved = await saveRevision({ db, slug, baseRevisionId: null, content, authorId: author.id });
    articles[key] = {
      slug,
      chars,
      history: { articleId: saved.articleId, revisionIds: [saved.revisionId], rawBytes: 0, kinds: {} as never },
    };
  }
  await db.$disconnect();
  await benchSectionRender({
    url,
    articles,
    authorId: author.id,
    quick,
    add,
    servers,
  });
});
