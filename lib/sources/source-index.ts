import "server-only";
import { encodeContent, loadContent } from "../articles/content-store";
import type { Db } from "../db/client";
import { getReadDb } from "../db/replicas";
import type { Reference } from "../document/model";
import { rateUrls } from "./reliability";
import { sourceCitationRows } from "./source-rows";

/**
 * The source index (issue 20): which articles cite which source, as rows of
 * (article, reference key) → source key and the reference's content hash.
 * The append statement (lib/articles/commit-on-head.ts) keeps them with the
 * head (with the rows of ./source-rows.ts); this module fills articles saved
 * before the index existed and reads a source's page.
 */

/**
 * Fills the SourceCitation rows of articles whose current revision has none
 * yet (saved before the index existed): the start script calls it once the
 * schema is up to date, as it does for work items. Each article is claimed by
 * a compare-and-set on its head, so a save racing it wins. With nothing to
 * fill it is one query.
 */
export async function backfillSourceIndex(db: Db, log?: (line: string) => void): Promise<number> {
  let filled = 0;
  for (;;) {
    const batch = await db.$queryRaw<Array<{ id: number; currentRevisionId: number }>>`
      SELECT "id", "currentRevisionId" FROM "Article"
      WHERE "currentRevisionId" IS NOT NULL AND "sourcesRevisionId" IS DISTINCT FROM "currentRevisionId"
      ORDER BY "id" LIMIT 50`;
    if (batch.length === 0) break;
    for (const article of batch) {
      const revision = await db.revision.findUniqueOrThrow({ where: { id: article.currentRevisionId } });
      const rows = sourceCitationRows(encodeContent(await loadContent(db, revision)).blobs);
      await db.$transaction(async (tx) => {
        const claimed = await tx.$executeRaw`
          UPDATE "Article" SET "sourcesRevisionId" = ${article.currentRevisionId}
          WHERE "id" = ${article.id} AND "currentRevisionId" = ${article.currentRevisionId}`;
        if (claimed === 0) return; // saved meanwhile: the save wrote its own rows
        await tx.sourceCitation.deleteMany({ where: { articleId: article.id } });
        await tx.sourceCitation.createMany({
          data: rows.refKeys.map((refKey, index) => ({
            articleId: article.id,
            refKey,
            sourceKey: rows.sourceKeys[index],
            refHash: rows.refHashes[index],
            domain: rows.domains[index],
          })),
        });
      });
      filled += 1;
    }
  }
  if (filled) log?.(`sources: indexed the references of ${filled} article${filled === 1 ? "" : "s"}`);
  return filled;
}

/** One article's reference to a source, as the source page lists it. */
export interface SourceCitation {
  articleId: number;
  slug: string;
  title: string;
  revisionId: number;
  protectionLevel: string;
  protectionExpiresAt: Date | null;
  refKey: string;
  reference: Reference;
}

/** At most this many citing references are read for one page (the count says how many there are). */
export const SOURCE_PAGE_LIMIT = 2000;

/**
 * Every current reference to a source, by article title: one statement on the
 * (sourceKey, articleId) index, each reference's metadata read from its
 * content blob (no article is loaded). Deleted articles are skipped.
 */
export async function readSourceCitations(options: {
  sourceKey: string;
  limit?: number;
  db?: Db;
}): Promise<{ citations: SourceCitation[]; total: number }> {
  const db = options.db ?? getReadDb();
  const limit = Math.min(options.limit ?? SOURCE_PAGE_LIMIT, SOURCE_PAGE_LIMIT);
  const citations = await db.$queryRaw<Array<SourceCitation & { total: number }>>`
    SELECT a."id" AS "articleId", a."slug", a."title", a."sourcesRevisionId" AS "revisionId", a."protectionLevel",
      a."protectionExpiresAt", c."refKey", b."data" AS "reference", (count(*) OVER ())::int AS "total"
    FROM "SourceCitation" c
    JOIN "Article" a ON a."id" = c."articleId"
    JOIN "ContentBlob" b ON b."hash" = c."refHash"
    WHERE c."sourceKey" = ${options.sourceKey} AND a."deletedAt" IS NULL
    ORDER BY a."title", c."refKey"
    LIMIT ${limit}`;
  return {
    citations: citations.map(({ total: _total, ...citation }) => citation),
    total: citations[0]?.total ?? 0,
  };
}

/** The sources on a domain with how many articles cite each, most cited first (the reliability list links here). */
export async function readDomainSources(options: { domain: string; db?: Db }) {
  const db = options.db ?? getReadDb();
  return db.$queryRaw<Array<{ sourceKey: string; articles: number }>>`
    SELECT c."sourceKey", count(DISTINCT c."articleId")::int AS "articles"
    FROM "SourceCitation" c JOIN "Article" a ON a."id" = c."articleId"
    WHERE c."domain" = ${options.domain} AND a."deletedAt" IS NULL
    GROUP BY c."sourceKey" ORDER BY "articles" DESC, c."sourceKey" LIMIT 200`;
}

/** The fields of a reference that "fix once" may correct, in the order the page shows them. */
export const SOURCE_FIELDS = [
  "title",
  "authors",
  "date",
  "work",
  "publisher",
  "language",
  "url",
  "archiveUrl",
  "archiveDate",
  "accessDate",
] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

/** How each field reads to people. */
export const SOURCE_FIELD_NAMES: Record<SourceField, string> = {
  title: "Title",
  authors: "Authors",
  date: "Date",
  work: "Work",
  publisher: "Publisher",
  language: "Language",
  url: "URL",
  archiveUrl: "Archive URL",
  archiveDate: "Archive date",
  accessDate: "Access date",
};

/** A field's value as one comparable string (authors joined by "; "), empty when absent. */
export function fieldText(reference: Partial<Reference>, field: SourceField): string {
  const value = reference[field];
  return Array.isArray(value) ? value.join("; ") : (value ?? "");
}

/** One value a field takes across the citing references, with how many articles use it. */
export interface FieldVariant {
  value: string;
  articles: number;
  /** a few of the articles using it, for the page */
  examples: Array<{ slug: string; title: string; refKey: string }>;
}

/**
 * The variants of a source's metadata: for each field, the distinct values the
 * citing references use, most used first. Pure.
 */
export function sourceVariants(citations: readonly SourceCitation[]): Record<SourceField, FieldVariant[]> {
  const out = {} as Record<SourceField, FieldVariant[]>;
  for (const field of SOURCE_FIELDS) {
    const byValue = new Map<string, { articles: Set<number>; examples: FieldVariant["examples"] }>();
    for (const citation of citations) {
      const value = fieldText(citation.reference, field);
      let entry = byValue.get(value);
      if (!entry) byValue.set(value, (entry = { articles: new Set(), examples: [] }));
      if (!entry.articles.has(citation.articleId) && entry.examples.length < 3)
        entry.examples.push({ slug: citation.slug, title: citation.title, refKey: citation.refKey });
      entry.articles.add(citation.articleId);
    }
    out[field] = [...byValue]
      .map(([value, entry]) => ({ value, articles: entry.articles.size, examples: entry.examples }))
      .sort((a, b) => b.articles - a.articles || a.value.localeCompare(b.value));
  }
  return out;
}

/** Everything /sources/{id} shows: the source, its citing references, their variants, its rating and recent fixes. */
export async function readSourcePage(options: { sourceKey: string; db?: Db }) {
  const db = options.db ?? getReadDb();
  const [{ citations, total }, fixes] = await Promise.all([
    readSourceCitations({ sourceKey: options.sourceKey, db }),
    db.$queryRaw<Array<{ id: number; createdAt: Date; actor: string | null; changes: Record<string, unknown> }>>`
      SELECT f."id", f."createdAt", u."name" AS "actor", f."changes" FROM "SourceFix" f
      LEFT JOIN "User" u ON u."id" = f."actorId"
      WHERE f."sourceKey" = ${options.sourceKey} ORDER BY f."id" DESC LIMIT 10`,
  ]);
  const variants = sourceVariants(citations);
  const urls = variants.url.map((variant) => variant.value).filter(Boolean);
  const ratings = await rateUrls(db, urls);
  const rating = urls.map((url) => ratings.get(url)).find(Boolean) ?? null;
  return { citations, total, variants, rating, fixes };
}
