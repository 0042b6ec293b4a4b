import "server-only";
import type { Tx } from "../db/client";
import { searchTextOf } from "../document/search-text";
import { WikiError } from "../errors";
import { decideArticleAdmin, type ArticleAdminAction } from "../authz/article-admin";
import type { Actor } from "../authz/policy";
import { assertAllowed } from "../authz/assert";
import { loadContent } from "./content-store";
import { touchArticlesLinkingTo } from "./links";

/**
 * What deleting, restoring and moving an article share (lib/articles/{delete,restore,move}-article.ts): the
 * rights check, the head check, the link colours of every title that leads to the article, and the search
 * document, which is derived data (dropped on deletion, rebuilt from the head on restoration), not content.
 */

/** The administrator, if `actor` may do `action` (lib/authz/article-admin.ts); else the 401 or 403. */
export function authorizeArticleAdmin(actor: Actor | null, action: ArticleAdminAction): Actor {
  assertAllowed(decideArticleAdmin(actor, action));
  return actor as Actor;
}

/** Refuses (409) when the caller saw another head than the article has now: they decided on what they saw. */
export function assertExpectedHead(head: number | null, expectedHeadId: number | undefined, title: string): void {
  if (expectedHeadId === undefined || head === expectedHeadId) return;
  throw new WikiError(
    "conflict",
    `expectedHeadId: “${title}” was edited since you looked at it (revision ${head} is now current, not ${expectedHeadId}). Look at it again.`,
    { field: "expectedHeadId", currentRevisionId: head },
  );
}

/** The old titles (slugs) that redirect to the article, each a title whose links show the article. */
export async function redirectSlugsOf(tx: Tx, articleId: number): Promise<string[]> {
  const rows = await tx.articleRedirect.findMany({
    where: { articleId },
    select: { slug: true },
    orderBy: { slug: "asc" },
  });
  return rows.map((row) => row.slug);
}

/**
 * Moves on the link epoch of every article linking to one of `slugs` (lib/articles/links.ts), so their pages
 * colour those links anew at the next view: red once the article is deleted, blue once restored or moved there.
 */
export async function touchLinkersOf(tx: Tx, slugs: readonly string[]): Promise<void> {
  for (const slug of [...new Set(slugs)].sort()) await touchArticlesLinkingTo(tx, slug);
}

/** Writes the article's search document from its head revision again (a restoration, after deletion dropped it). */
export async function rebuildSearchDocument(tx: Tx, articleId: number, headRevisionId: number): Promise<void> {
  const head = await tx.revision.findUniqueOrThrow({
    where: { id: headRevisionId },
    select: { title: true, sectionsRoot: true, referencesRoot: true, infoboxHash: true },
  });
  const search = searchTextOf(await loadContent(tx, head));
  await tx.$executeRaw`
    INSERT INTO "SearchDocument" ("articleId", "revisionId", "body", "document", "titleDocument")
    VALUES (${articleId}, ${headRevisionId}, ${search.body}, wiki_search_document(${head.title}, ${search.body}, ${search.refs}),
      to_tsvector('wiki_search', ${head.title}))
    ON CONFLICT ("articleId") DO UPDATE SET "revisionId" = EXCLUDED."revisionId", "body" = EXCLUDED."body",
      "document" = EXCLUDED."document", "titleDocument" = EXCLUDED."titleDocument"`;
}
