import "server-only";
import { queryPrepared, type Db, type Tx } from "../db/client";
import { getReadDb } from "../db/replicas";

/**
 * Moves on the link epoch of every article whose current revision links to
 * `slug`, in the caller's transaction (the creation of `slug`, or its
 * deletion). The epoch is part of those articles' page keys
 * (lib/views/rendered-revisions.ts), so their next view is assembled again
 * with the link's new colour: one UPDATE over the links table's index,
 * nothing rendered here. Rows are locked in id order so that two creations
 * linked from the same articles cannot deadlock.
 */
export async function touchArticlesLinkingTo(tx: Tx, slug: string): Promise<number> {
  return tx.$executeRaw`
    WITH linking AS (
      SELECT a."id" FROM "Article" a JOIN "ArticleLink" l ON l."sourceId" = a."id"
      WHERE l."targetSlug" = ${slug} ORDER BY a."id" FOR UPDATE OF a
    )
    UPDATE "Article" SET "linkEpoch" = "Article"."linkEpoch" + 1 FROM linking WHERE "Article"."id" = linking."id"`;
}

/**
 * Which of `slugs` lead to an article (one statement over two unique indexes): what colours a page's wiki
 * links. A deleted article's title is red; an old title of a moved article (a redirect to one not deleted) is
 * blue, as on Wikipedia, since following it reaches the article.
 */
export async function existingSlugs(db: Db | Tx, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set();
  const rows = await queryPrepared<{ slug: string }>(db, {
    name: "wiki-existing-slugs",
    text: `SELECT "slug" FROM "Article" WHERE "slug" = ANY($1::text[]) AND "currentRevisionId" IS NOT NULL AND "deletedAt" IS NULL
      UNION ALL
      SELECT r."slug" FROM "ArticleRedirect" r JOIN "Article" a ON a."id" = r."articleId"
      WHERE r."slug" = ANY($1::text[]) AND a."deletedAt" IS NULL`,
    values: [slugs],
  });
  return new Set(rows.map((row) => row.slug));
}

export const LINKS_HERE_PAGE = 100;

/**
 * "What links here": the articles whose current revision links to `slug`
 * (which need not exist), deleted ones left out, by slug, a page of LINKS_HERE_PAGE after `after`.
 */
export async function readLinksHere(options: {
  slug: string;
  after?: string;
  db?: Db;
}): Promise<{ articles: Array<{ slug: string; title: string }>; next: string | null }> {
  const db = options.db ?? getReadDb();
  const rows = await db.$queryRaw<Array<{ slug: string; title: string }>>`
    SELECT a."slug", a."title" FROM "ArticleLink" l JOIN "Article" a ON a."id" = l."sourceId"
    WHERE l."targetSlug" = ${options.slug} AND a."currentRevisionId" IS NOT NULL AND a."deletedAt" IS NULL AND a."slug" > ${options.after ?? ""}
    ORDER BY a."slug" LIMIT ${LINKS_HERE_PAGE + 1}`;
  const articles = rows.slice(0, LINKS_HERE_PAGE);
  return { articles, next: rows.length > LINKS_HERE_PAGE ? articles[articles.length - 1].slug : null };
}
