import "server-only";
import type { Actor } from "../authz/policy";
import { getDb, type Db, type Tx } from "../db/client";
import { WikiError } from "../errors";
import type { TMoveArticleResult } from "../contracts/articles";
import { acceptReviewedEdit } from "./accept-reviewed-edit";
import { assertExpectedHead, authorizeArticleAdmin, touchLinkersOf } from "./article-admin-store";
import {
  appendRevision,
  checkContent,
  deletedArticleConflict,
  isTransactionConflict,
  lockArticle,
  SAVE_TRANSACTION_LIMITS,
} from "./commit-on-head";
import { loadContent } from "./content-store";
import { findArticle, missingArticle } from "./read-article";
import { normalizeTitle, slugOfTitle, titleProblem, titleSkeleton } from "./titles";

/** The summary of a move's revision, as history and recent changes show it. */
export function moveSummary(from: string, to: string, reason: string): string {
  return `Moved “${from}” to “${to}”: ${reason}`.slice(0, 600);
}

/**
 * Moves (renames) an article to `title` (administrators). The same row keeps its history, talk page,
 * protection and watchers under the new slug; the move is a revision of its own whose content differs from the
 * head only in its title (every revision's content names its article's title, and the save path checks it
 * against the slug, so the title must change in a revision), recorded as kind `move` by the save's own
 * statement; the old slug becomes a redirect (`ArticleRedirect`). Title rules are creation's: a malformed
 * title or one that looks like another article's is a 400/409 naming `title`; an existing article (deleted or
 * not) at the new title is a 409 naming `title`; a redirect there is replaced (one back to this same article
 * is the usual case: moving back). Links to both titles are recoloured. One transaction under the row lock.
 */
export async function moveArticle(options: {
  actor: Actor | null;
  slug: string;
  title: string;
  reason: string;
  expectedHeadId?: number;
  db?: Db;
}): Promise<TMoveArticleResult> {
  const admin = authorizeArticleAdmin(options.actor, "move");
  const db = options.db ?? getDb();
  const problem = titleProblem(options.title);
  if (problem) throw new WikiError("bad_request", `title: ${problem}`, { field: "title" });
  const title = normalizeTitle(options.title);
  const slug = slugOfTitle(title);
  const skeleton = titleSkeleton(title);
  const moved = await db
    .$transaction(async (tx: Tx) => {
      const found = await findArticle(tx, options.slug);
      if (!found) throw await missingArticle(tx, options.slug);
      const article = await lockArticle(tx, found.id);
      if (article.deletedAt) throw deletedArticleConflict(article.title);
      const head = article.currentRevisionId!;
      assertExpectedHead(head, options.expectedHeadId, article.title);
      if (slug === article.slug)
        throw new WikiError("bad_request", `title: the article is already titled “${article.title}”.`, {
          field: "title",
        });
      await assertTitleFree(tx, { id: article.id, slug, title, skeleton });
      const headRow = await tx.revision.findUniqueOrThrow({ where: { id: head } });
      const checked = checkContent(slug, { ...(await loadContent(tx, headRow)), title });
      // A redirect at the new title (back to this article, or to another) gives way to the article.
      await tx.articleRedirect.deleteMany({ where: { slug } });
      await tx.article.update({ where: { id: article.id }, data: { slug, titleSkeleton: skeleton } });
      const appended = await appendRevision(tx, {
        articleId: article.id,
        headRevisionId: head,
        checked,
        meta: {
          authorId: admin.id,
          summary: moveSummary(article.title, title, options.reason),
          change: {
            kind: "move",
            details: { from: article.title, to: title, fromSlug: article.slug, toSlug: slug, reason: options.reason },
          },
        },
      });
      // Unreachable while the row is locked (and not deleted): appendRevision moves only the locked head.
      if (!appended) throw new WikiError("conflict", `“${article.title}” changed while it was being moved; try again.`);
      await tx.articleRedirect.upsert({
        where: { slug: article.slug },
        create: { slug: article.slug, articleId: article.id },
        update: { articleId: article.id, createdAt: new Date() },
      });
      await touchLinkersOf(tx, [article.slug, slug]);
      return {
        result: { slug, title, from: { slug: article.slug, title: article.title }, revisionId: appended.revisionId },
        parentId: head,
      };
    }, SAVE_TRANSACTION_LIMITS)
    .catch((error: unknown) => {
      if (isTransactionConflict(error))
        throw new WikiError("conflict", `title: “${title}” was taken while the article was being moved.`, {
          field: "title",
        });
      throw error;
    });
  // Under pending changes an administrator's move of an accepted head is accepted at once (nothing to review).
  const article = await findArticle(db, slug);
  if (article)
    await acceptReviewedEdit(db, {
      article,
      editor: admin,
      revisionId: moved.result.revisionId,
      parentId: moved.parentId,
    });
  return moved.result;
}

/** Refuses (409 naming `title`) a new title held by another article, deleted or not, or looking like one's. */
async function assertTitleFree(
  tx: Tx,
  target: { id: number; slug: string; title: string; skeleton: string },
): Promise<void> {
  const holder = await tx.article.findFirst({
    where: { OR: [{ slug: target.slug }, { titleSkeleton: target.skeleton }], NOT: { id: target.id } },
    select: { slug: true, title: true, deletedAt: true },
  });
  if (!holder) return;
  const deleted = holder.deletedAt ? " (deleted; an administrator may restore it)" : "";
  const message =
    holder.slug === target.slug
      ? `title: an article titled “${holder.title}” already exists${deleted}.`
      : `title: “${target.title}” looks like the existing article “${holder.title}”${deleted}.`;
  throw new WikiError("conflict", message, { field: "title", existing: { slug: holder.slug, title: holder.title } });
}
