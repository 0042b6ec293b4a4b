import "server-only";
import { assertAllowed } from "../authz/assert";
import { decide, type Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import type { ArticleContent } from "../document/model";
import { WikiError } from "../errors";
import { submitProposal } from "../proposals/submit-proposal";
import { loadContent } from "./content-store";
import { mergeContent } from "./merge";
import { effectiveProtection } from "./protection";
import { saveRevision } from "./save-revision";

export type RevertMode = "undo" | "restore";

/** What a revert would produce, without saving it: the content and the automatic summary. */
export async function planRevert(options: { slug: string; revisionId: number; mode: RevertMode; db?: Db }) {
  const db = options.db ?? getDb();
  const article = await db.article.findUnique({ where: { slug: options.slug } });
  if (!article || article.currentRevisionId === null) throw new WikiError("not_found", `There is no article "${options.slug.replace(/_/g, " ")}".`);
  const target = await db.revision.findUnique({ where: { id: options.revisionId }, include: { author: { select: { name: true } } } });
  if (!target || target.articleId !== article.id) throw new WikiError("not_found", `Revision ${options.revisionId} is not a revision of this article.`);
  const head = await db.revision.findUniqueOrThrow({ where: { id: article.currentRevisionId } });
  const current = await loadContent(db, head);
  let content: ArticleContent;
  let summary: string;
  if (options.mode === "restore") {
    if (target.id === head.id) throw new WikiError("bad_request", "This is already the current revision.");
    content = await loadContent(db, target);
    summary = `Restored revision ${target.id} by ${target.author.name}`;
  } else {
    if (target.parentId === null) throw new WikiError("bad_request", "The first revision of an article cannot be undone; restore another revision or edit instead.");
    const [undone, before] = await Promise.all([loadContent(db, target), loadContent(db, await db.revision.findUniqueOrThrow({ where: { id: target.parentId } }))]);
    // Three-way: take the change from the revision back to its parent, and apply it to the current text.
    const merged = mergeContent(undone, before, current);
    if (!merged.ok) {
      const titles = merged.conflict.sectionIds.map((id) => `“${current.sections.find((s) => s.id === id)?.title || before.sections.find((s) => s.id === id)?.title || "lead"}”`);
      const parts = [titles.length ? `section${titles.length > 1 ? "s" : ""} ${titles.join(", ")}` : null, merged.conflict.referenceKeys.length ? `reference${merged.conflict.referenceKeys.length > 1 ? "s" : ""} ${merged.conflict.referenceKeys.join(", ")}` : null, merged.conflict.infobox ? "the infobox" : null].filter(Boolean);
      throw new WikiError("conflict", `Revision ${target.id} cannot be undone automatically: ${parts.join(" and ")} changed again after it. Edit the article by hand, or restore an older revision.`, { conflict: merged.conflict });
    }
    content = merged.content;
    summary = `Undid revision ${target.id} by ${target.author.name}`;
  }
  return { article, head, current, content, summary };
}

/**
 * Undoes one revision (reverting just its change if it still applies) or
 * restores an old revision, as a new revision with an automatic summary; a
 * user who may only propose gets a proposal instead.
 */
export async function revertArticle(options: { actor: Actor | null; slug: string; revisionId: number; mode: RevertMode; reason?: string; db?: Db }) {
  const db = options.db ?? getDb();
  const plan = await planRevert({ ...options, db });
  const decision = decide(options.actor, "edit", { protection: effectiveProtection(plan.article).level });
  if (!decision.allowed && !decision.canPropose) assertAllowed(decision);
  const summary = options.reason?.trim() ? `${plan.summary}: ${options.reason.trim()}` : plan.summary;
  if (!decision.allowed) {
    const { proposalId } = await submitProposal({ db, actor: options.actor, articleId: plan.article.id, baseRevisionId: plan.head.id, base: plan.current, content: plan.content, summary, rationale: options.reason ?? "" });
    return { status: "proposed" as const, proposalId };
  }
  const saved = await saveRevision({ db, slug: options.slug, baseRevisionId: plan.head.id, content: plan.content, authorId: options.actor!.id, summary, tags: [options.mode] });
  if (saved.status === "unchanged") throw new WikiError("bad_request", "Reverting would change nothing: the current text already matches.");
  return { status: "saved" as const, revisionId: saved.revisionId };
}
