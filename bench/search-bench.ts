import { renderRevisionParts } from "../components/article/article-page";
import { existingSlugs } from "../lib/articles/links";
import { findArticle, readRevisionOf } from "../lib/articles/read-article";
import { saveRevision } from "../lib/articles/save-revision";
import type { Db } from "../lib/db/client";
import { docFromMarkup } from "../lib/document/markup";
import { staticRenderer } from "../lib/http/html";
import { searchArticles, suggestTitles } from "../lib/search/search-articles";
import { renderCacheStats, renderedRevision } from "../lib/views/rendered-revisions";
import { colouredPieces } from "../lib/views/wiki-links";
import { sample } from "./measure";

type LatencyRow = (
  name: string,
  samples: number[],
  target?: string,
  check?: (s: { p50: number; p99: number }) => boolean,
) => unknown;

const VOCABULARY = 3_000;

/**
 * Search rows (issue 18) on the suite's generated site. The suite's stub
 * articles (20,000, inserted by SQL without revisions) get search documents
 * here, 40 words each from a Zipf-like vocabulary of 3,000 (so some words are
 * in most documents, some in a handful), some with real sentences; then
 * searches of four shapes are timed as the search page runs them (the ranked
 * page with snippets), and title suggestions as the header's box asks.
 * Then red links: N articles each link to 10 missing titles; each title is
 * created through the ordinary save path and the save timed; renders during
 * the saves are counted (must be none), and the linking pages, assembled as
 * the article route does, must show the new title blue.
 */
export async function benchSearch(options: {
  db: Db;
  quick: boolean;
  authorId: number;
  latencyRow: LatencyRow;
  add: (name: string, result: string, target?: string, met?: boolean | null) => void;
}) {
  const { db, quick, latencyRow, add } = options;
  const runs = quick ? 5 : 200;
  await db.$executeRawUnsafe(`
    INSERT INTO "SearchDocument" ("articleId", "revisionId", "body", "document", "titleDocument")
    SELECT a."id", 0, t.body, wiki_search_document(a."title", t.body, ''), to_tsvector('wiki_search', a."title")
    FROM "Article" a
    CROSS JOIN LATERAL (
      SELECT CASE WHEN a."id" % 10 = 0 THEN 'The river town of Salamiyah lies east of Hama, on the road to Homs. ' ELSE '' END
        || string_agg('w' || floor(power(((a."id" * 7919 + g * 104729) % 10007) / 10007.0, 3) * ${VOCABULARY})::int || 'x', ' ') AS body
      FROM generate_series(1, 40) g
    ) t
    WHERE a."slug" LIKE 'Stub\\_%' AND NOT EXISTS (SELECT 1 FROM "SearchDocument" d WHERE d."articleId" = a."id")`);
  // As after an import: vacuumed, so the GIN indexes hold every document (not a pending list each search reads).
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "SearchDocument"`);
  const documents = await db.searchDocument.count();
  const shapes: Array<[string, (i: number) => string]> = [
    ["common word", (i) => `w${i % 3}x`],
    ["rare word", (i) => `w${2_000 + (i % 900)}x`],
    ["two words", (i) => `w${i % 40}x w${100 + (i % 200)}x`],
    ["phrase of real text", (i) => (i % 2 ? '"river town"' : "salamiyah hama")],
  ];
  for (const [shape, queryOf] of shapes) {
    const samples = await sample(runs, (i) => searchArticles({ db, query: queryOf(i) }));
    latencyRow(
      `search page (${shape}), ${documents.toLocaleString("en")} documents`,
      samples,
      "p50 <= 20 ms, p99 <= 100 ms",
      (s) => s.p50 <= 20 && s.p99 <= 100,
    );
  }
  const prefixes = await sample(runs, (i) => suggestTitles({ db, prefix: `Stub ${1 + (i % 9)}${i % 10}`, limit: 8 }));
  latencyRow("title suggestions (prefix)", prefixes, "p50 <= 20 ms, p99 <= 100 ms", (s) => s.p50 <= 20 && s.p99 <= 100);

  // ---- Red links: a title linked from N articles is created ------------------------------------
  const linking = quick ? 20 : 1_000;
  const targets = quick ? 3 : 10;
  const targetTitle = (t: number) => `Bench red target ${t}`;
  const lead = Array.from({ length: targets }, (_, t) => `[[wiki:${targetTitle(t)}]]`).join(", ");
  const slugs: string[] = [];
  for (let i = 0; i < linking; i++) {
    const title = `Bench linking ${i}`;
    await saveRevision({
      db,
      slug: title.replace(/ /g, "_"),
      baseRevisionId: null,
      authorId: options.authorId,
      content: {
        title,
        infobox: null,
        references: [],
        sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup(`Links to ${lead}.`) }],
      },
    });
    slugs.push(title.replace(/ /g, "_"));
  }
  const checked = slugs.filter((_, i) => i % Math.max(1, Math.floor(linking / 20)) === 0);
  const render = await staticRenderer();
  const assemble = async (slug: string) => {
    const article = (await findArticle(db, slug))!;
    const rendered = await renderedRevision(article.currentRevisionId, true, async () =>
      renderRevisionParts({ ...(await readRevisionOf(db, article)), isCurrent: true }, render),
    );
    return Buffer.concat(colouredPieces(rendered.body, await existingSlugs(db, rendered.body.slugs))).toString();
  };
  for (const slug of checked) await assemble(slug); // the render cache holds them, as after readers' views
  const rendersBefore = renderCacheStats().misses;
  const saves = await sample(targets, (t) =>
    saveRevision({
      db,
      slug: targetTitle(t).replace(/ /g, "_"),
      baseRevisionId: null,
      authorId: options.authorId,
      content: {
        title: targetTitle(t),
        infobox: null,
        references: [],
        sections: [{ id: "lead", title: "", level: 0, body: docFromMarkup("Created.") }],
      },
    }),
  );
  const rendersOnSave = renderCacheStats().misses - rendersBefore;
  latencyRow(
    `create a title linked from ${linking.toLocaleString("en")} articles (the save)`,
    saves,
    "p50 <= 100 ms",
    (s) => s.p50 <= 100,
  );
  let stillRed = 0;
  for (const slug of checked) if ((await assemble(slug)).includes('class="new"')) stillRed++;
  const rendersAfter = renderCacheStats().misses - rendersBefore;
  const epochs = await db.article.findMany({ where: { slug: { in: checked } }, select: { linkEpoch: true } });
  add(
    `red links turn blue: renders on the save path, and of ${checked.length} linking pages viewed after`,
    `${rendersOnSave} renders on the save path; ${rendersAfter - rendersOnSave} renders to view them again; ${stillRed} still red; link epochs moved to ${Math.min(...epochs.map((e) => e.linkEpoch))}`,
    "0 renders on the save path, 0 still red",
    rendersOnSave === 0 && stillRed === 0 && epochs.every((e) => e.linkEpoch === targets),
  );
}
