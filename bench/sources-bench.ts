import { createElement, type ReactElement } from "react";
import { SourceView } from "../components/sources/source-view";
import { contentHash, encodeContent } from "../lib/articles/content-store";
import type { Db } from "../lib/db/client";
import type { ArticleContent, Reference } from "../lib/document/model";
import { sourceIdentity } from "../lib/sources/identity";
import { readSourcePage } from "../lib/sources/source-index";
import { sourceCitationRows } from "../lib/sources/source-rows";
import { sample } from "./measure";

type LatencyRow = (
  name: string,
  samples: number[],
  target?: string,
  check?: (s: { p50: number; p99: number }) => boolean,
) => unknown;

const REPORT = "https://news.example.org/2024/12/hama-report";

/**
 * Sources across articles (issue 20). The /sources/{id} page for a source
 * cited by the suite's stub articles (1,000 at full scale; rows inserted as
 * the append statement writes them, in three metadata variants), read and
 * rendered as the page does; and what the source index adds to a commit of
 * an article with 500 web references: making its rows (pure, every save) and
 * the index's two statements when nothing changed (the usual edit of text).
 */
export async function benchSources(options: {
  db: Db;
  quick: boolean;
  render: (element: ReactElement) => string;
  latencyRow: LatencyRow;
}) {
  const { db, quick, render, latencyRow } = options;
  const runs = quick ? 5 : 200;
  const citing = quick ? 50 : 1000;
  const source = sourceIdentity({ url: REPORT })!;
  const variants: Reference[] = [
    { key: "report", title: "Hama report", url: REPORT, date: "2024-12-01", work: "Example News" },
    { key: "report", title: "The Hama Report", url: `${REPORT}?utm_source=x`, authors: ["A. Writer"] },
    {
      key: "report",
      title: "Hama report (archived)",
      url: REPORT,
      archiveUrl: `https://web.archive.org/web/2024/${REPORT}`,
    },
  ];
  const hashes = variants.map((reference) => contentHash(reference));
  await db.$executeRawUnsafe(
    `INSERT INTO "ContentBlob" ("hash", "kind", "data") SELECT h, 'reference', d::jsonb FROM unnest($1::text[], $2::text[]) AS v(h, d)
     ON CONFLICT ("hash") DO NOTHING`,
    hashes,
    variants.map((reference) => JSON.stringify(reference)),
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "SourceCitation" ("articleId", "refKey", "sourceKey", "refHash", "domain")
     SELECT a."id", 'report', $1, ($2::text[])[1 + a."id" % 3], 'news.example.org'
     FROM "Article" a WHERE a."slug" LIKE 'Stub\\_%' ORDER BY a."id" LIMIT $3
     ON CONFLICT DO NOTHING`,
    source.key,
    hashes,
    citing,
  );
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "SourceCitation"`);
  const page = async () => {
    const data = await readSourcePage({ db, sourceKey: source.key });
    return render(createElement(SourceView, { label: source.value, kindName: "Web page", ...data }));
  };
  const total = (await readSourcePage({ db, sourceKey: source.key })).total;
  // The first page of citing articles is what the address shows (SourceView pages the table by 100).
  latencyRow(
    `source page (/sources/{id}) for a source cited by ${total.toLocaleString("en")} articles, read and rendered`,
    await sample(runs, page),
    "p50 <= 20 ms",
    (s) => s.p50 <= 20,
  );

  // The commit cost: an article with 500 web references, each its own source. A first save sees every reference
  // for the first time; an edit of text repeats them (the rows are memoized by the reference's content hash).
  const revisionOf = (run: number): ArticleContent => ({
    title: "Sources bench",
    infobox: null,
    sections: [],
    references: Array.from({ length: 500 }, (_, i) => ({
      key: `r${i}`,
      title: `Report ${i} (${run})`,
      url: `https://site${i % 40}.example.com/story/${run}/${i}?utm_medium=feed`,
    })),
  });
  const fresh = Array.from({ length: runs }, (_, run) => encodeContent(revisionOf(run)).blobs);
  latencyRow(
    "source index: rows of a 500-reference revision, every reference new (a first save or import)",
    await sample(runs, (i) => sourceCitationRows(fresh[i])),
    "p50 <= 10 ms",
    (s) => s.p50 <= 10,
  );
  const { blobs } = encodeContent(revisionOf(0));
  latencyRow(
    "source index: rows of a 500-reference revision, references unchanged (an edit of text)",
    await sample(runs, () => sourceCitationRows(blobs)),
    "p50 <= 1 ms",
    (s) => s.p50 <= 1,
  );
  const [stub] = await db.$queryRaw<Array<{ id: number }>>`
    SELECT "id" FROM "Article" WHERE "slug" LIKE 'Stub\\_%' ORDER BY "id" DESC LIMIT 1`;
  const rows = sourceCitationRows(blobs);
  // The index's two statements of the append, as it runs them for an edit that changed no reference.
  const indexStatements = () =>
    db.$executeRawUnsafe(
      `WITH unsourced AS (
         DELETE FROM "SourceCitation" c WHERE c."articleId" = $1 AND c."refKey" <> ALL($2::text[])
       ), sourced AS (
         INSERT INTO "SourceCitation" ("articleId", "refKey", "sourceKey", "refHash", "domain")
         SELECT $1, s."refKey", s."sourceKey", s."refHash", s."domain"
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS s("refKey", "sourceKey", "refHash", "domain")
         ON CONFLICT ("articleId", "refKey") DO UPDATE SET "sourceKey" = EXCLUDED."sourceKey", "refHash" = EXCLUDED."refHash",
           "domain" = EXCLUDED."domain"
         WHERE ("SourceCitation"."sourceKey", "SourceCitation"."refHash") IS DISTINCT FROM (EXCLUDED."sourceKey", EXCLUDED."refHash")
       ) SELECT 1`,
      stub.id,
      rows.refKeys,
      rows.sourceKeys,
      rows.refHashes,
      rows.domains,
    );
  await indexStatements();
  latencyRow(
    "source index: its statements in a commit of a 500-reference article, no reference changed",
    await sample(runs, indexStatements),
    "p50 <= 10 ms",
    (s) => s.p50 <= 10,
  );
}
