import type { Db } from "../lib/db/client";
import { readSiteWorklist } from "../lib/worklists/read-worklist";
import { sample } from "./measure";

type LatencyRow = (
  name: string,
  samples: number[],
  target?: string,
  check?: (s: { p50: number; p99: number }) => boolean,
) => unknown;

/**
 * The site-wide worklist (issue 20) over the suite's stub articles (20,000 at
 * full scale, inserted by SQL): each gets work items as a save would write
 * them (a tag dated over fifteen years on most, an uncited paragraph on some,
 * reference items on all), then the worklist's first page and a page deep in
 * the tags are read as /worklists reads them.
 */
export async function benchWorklists(options: { db: Db; quick: boolean; latencyRow: LatencyRow }) {
  const { db, quick, latencyRow } = options;
  const runs = quick ? 5 : 200;
  await db.$executeRawUnsafe(`
    INSERT INTO "WorkItem" ("articleId", "revisionId", "kind", "sectionId", "label", "refKey", "date", "excerpt")
    SELECT a."id", 0, k.kind, 'sec-history',
      CASE WHEN k.kind = 'tag' THEN 'citation needed' ELSE 'Reference ' || a."id" END,
      CASE WHEN k.kind IN ('no-access-date', 'no-archive') THEN 'r' || a."id" END,
      CASE WHEN k.kind = 'tag' AND a."id" % 7 <> 0
        THEN to_char(DATE '2010-01-01' + ((a."id" * 7919) % 5500), 'YYYY-MM') END,
      'A claim in article ' || a."id"
    FROM "Article" a
    CROSS JOIN LATERAL (VALUES ('tag'), ('uncited-paragraph'), ('no-access-date'), ('no-archive')) AS k(kind)
    WHERE a."slug" LIKE 'Stub\\_%' AND (k.kind <> 'uncited-paragraph' OR a."id" % 3 = 0)
      AND NOT EXISTS (SELECT 1 FROM "WorkItem" w WHERE w."articleId" = a."id")`);
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "WorkItem"`);
  const items = await db.workItem.count();
  const tags = await db.workItem.count({ where: { kind: "tag" } });
  const first = await sample(runs, () => readSiteWorklist({ db, kind: "tag" }));
  latencyRow(
    `site-wide worklist, first page of tags (${tags.toLocaleString("en")} tags, ${items.toLocaleString("en")} items)`,
    first,
    "p50 <= 50 ms",
    (s) => s.p50 <= 50,
  );
  // A page deep in the list: the keyset cursor of the row half way down, oldest-first order.
  const [middle] = await db.$queryRaw<Array<{ date: string | null; id: number }>>`
    SELECT "date", "id" FROM "WorkItem" WHERE "kind" = 'tag' ORDER BY "date" ASC NULLS LAST, "id" OFFSET ${Math.floor(tags / 2)} LIMIT 1`;
  const deep = await sample(runs, () => readSiteWorklist({ db, kind: "tag", after: middle ?? null }));
  latencyRow("site-wide worklist, a page half way down the tags", deep, "p50 <= 50 ms", (s) => s.p50 <= 50);
  const references = await sample(runs, () => readSiteWorklist({ db, kind: "no-access-date" }));
  latencyRow(
    "site-wide worklist, first page of references without an access date",
    references,
    "p50 <= 50 ms",
    (s) => s.p50 <= 50,
  );
}
