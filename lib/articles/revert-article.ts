import "server-only";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import type { ArticleContent } from "../document/model";
import { WikiError } from "../errors";
import { loadContent } from "./content-store";
import { mergeContent } from "./merge";
import { commitRevision } from "./commit-on-head";
import { notify } from "../notifications/notify";
import { NotificationType } from "../notifications/types";

export type RevertMode = "undo" | "restore";

export type RevertPlan = Awaited<ReturnType<typeof planRevert>>;

/** What a revert would produce, without saving it: the content and the automatic summary. */
export async function planRevert(options: { slug: string; revisionId: number; mode: RevertMode; db?: Db }) {
  const db = options.db ?? getDb();
  const article = await db.article.findUnique({ where: { slug: options.slug } });
  if (!article || article.currentRevisionId === null)
    throw new WikiError("not_found", `There is no article "${options.slug.replace(/_/g, " ")}".`);
  const target = await db.revision.findUnique({
    where: { id: options.revisionId },
    include: { author: { select: { name: true } } },
  });
  if (!target || target.articleId !== article.id)
    throw new WikiError("not_found", `Revision ${options.revisionId} is not a revision of this article.`);
  const head = await db.revision.findUniqueOrThrow({ where: { id: article.currentRevisionId } });
  const current = await loadContent(db, head);
  let content: ArticleContent;
  let summary: string;
  // Whose edits the revert takes away: the undone revision's author, or for a restore those of every revision after it.
  let undoneAuthorIds = [target.authorId];
  if (options.mode === "restore") {
    // Bounded: the newest 500 revisions after it name whom to tell.
    const later = await db.$queryRaw<Array<{ authorId: number }>>`
      SELECT DISTINCT "authorId" FROM (SELECT "authorId" FROM "Revision" WHERE "articleId" = ${article.id} AND "id" > ${target.id}
        ORDER BY "id" DESC LIMIT 500) later LIMIT 50`;
    undoneAuthorIds = later.map((revision) => revision.authorId);
    if (target.id === head.id) throw new WikiError("bad_request", "This is already the current revision.");
    content = await loadContent(db, target);
    summary = `Restored revision ${target.id} by ${target.author.name}`;
  } else {
    if (target.parentId === null)
      throw new WikiError(
        "bad_request",
        "The first revision of an article cannot be undone; restore another revision or edit instead.",
      );
    const [undone, before] = await Promise.all([
      loadContent(db, target),
      loadContent(db, await db.revision.findUniqueOrThrow({ where: { id: target.parentId } })),
    ]);
    // Three-way: take the change from the revision back to its parent, and apply it to the current text.
    const merged = mergeContent(undone, before, current);
    if (!merged.ok) {
      const titles = merged.conflict.sectionIds.map(
        (id) =>
          `“${current.sections.find((s) => s.id === id)?.title || before.sections.find((s) => s.id === id)?.title || "lead"}”`,
      );
      const parts = [
        titles.length ? `section${titles.length > 1 ? "s" : ""} ${titles.join(", ")}` : null,
        merged.conflict.referenceKeys.length
          ? `reference${merged.conflict.referenceKeys.length > 1 ? "s" : ""} ${merged.conflict.referenceKeys.join(", ")}`
          : null,
        merged.conflict.infobox ? "the infobox" : null,
      ].filter(Boolean);
      throw new WikiError(
        "conflict",
        `Revision ${target.id} cannot be undone automatically: ${parts.join(" and ")} changed again after it. Edit the article by hand, or restore an older revision.`,
        { conflict: merged.conflict },
      );
    }
    content = merged.content;
    summary = `Undid revision ${target.id} by ${target.author.name}`;
  }
  return { article, head, current, content, summary, undoneAuthorIds };
}

/** The summary history shows for a revert: the automatic one, and the reverter's reason if they gave one. */
export function revertSummary(plan: { summary: string }, reason?: string): string {
  return reason?.trim() ? `${plan.summary}: ${reason.trim()}` : plan.summary;
}

/**
 * Saves a planned revert by a user allowed to edit (authorization is the
 * caller's; lib/editing decides save or propose). A revert means "exactly
 * this text", so it is never merged: if the article moved since the plan,
 * it is refused with 409 and can be planned again.
 */
export async function saveRevert(options: {
  editor: Actor;
  plan: RevertPlan;
  mode: RevertMode;
  summary: string;
  db?: Db;
}): Promise<{ status: "saved"; revisionId: number }> {
  const { plan } = options;
  const committed = await commitRevision(options.db ?? getDb(), {
    article: { id: plan.article.id, slug: plan.article.slug, currentRevisionId: plan.head.id },
    base: { revisionId: plan.head.id, content: plan.current },
    content: plan.content,
    meta: { authorId: options.editor.id, summary: options.summary, tags: [options.mode], autoWatch: true },
    onMovedHead: "refuse",
    // The people whose edits the revert takes away are told, in the revert's own transaction.
    alsoInTransaction: (tx, saved) =>
      notify(tx, {
        type: NotificationType.edit_reverted,
        recipients: plan.undoneAuthorIds,
        actorId: options.editor.id,
        articleId: plan.article.id,
        fromRevisionId: saved.parentId,
        toRevisionId: saved.revisionId,
      }).then(() => undefined),
  });
  if (committed.status === "unchanged")
    throw new WikiError("bad_request", "Reverting would change nothing: the current text already matches.");
  if (committed.status !== "saved")
    throw new WikiError(
      "conflict",
      "The article was changed since you chose what to revert; look at its history again.",
      { currentRevisionId: committed.currentRevisionId },
    );
  return { status: "saved", revisionId: committed.revisionId };
}
