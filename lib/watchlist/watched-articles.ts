import "server-only";
import type { Db } from "../db/client";

/** The articles a user watches now, by title, for "manage watchlist" (bounded: a watchlist this long is paged by letter elsewhere). */
export async function listWatchedArticles(
  db: Db,
  userId: number,
  limit = 2000,
): Promise<Array<{ slug: string; title: string; expiresAt: Date | null }>> {
  const rows = await db.watch.findMany({
    where: { userId, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    select: { expiresAt: true, article: { select: { slug: true, title: true } } },
    orderBy: { article: { title: "asc" } },
    take: limit,
  });
  return rows.map((row) => ({ slug: row.article.slug, title: row.article.title, expiresAt: row.expiresAt }));
}
