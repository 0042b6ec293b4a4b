import "server-only";
import { planRevert, revertSummary, saveRevert, type RevertMode } from "../articles/revert-article";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { submitProposal } from "../proposals/submit-proposal";
import { acceptReviewedEdit } from "../articles/accept-reviewed-edit";
import { editRight } from "./edit-right";

/**
 * Undoes one revision (reverting just its change if it still applies) or
 * restores an old revision, as a new revision with an automatic summary; a
 * user who may only propose gets a proposal instead.
 */
export async function revertArticle(options: {
  actor: Actor | null;
  slug: string;
  revisionId: number;
  mode: RevertMode;
  reason?: string;
  db?: Db;
}) {
  const db = options.db ?? getDb();
  const plan = await planRevert({ ...options, db });
  const right = editRight(options.actor, plan.article);
  const summary = revertSummary(plan, options.reason);
  if (right.mode === "save") {
    const saved = await saveRevert({ editor: right.editor, plan, mode: options.mode, summary, db });
    const edit = { article: plan.article, editor: right.editor, revisionId: saved.revisionId, parentId: plan.head.id };
    await acceptReviewedEdit(db, edit);
    return saved;
  }
  const { proposalId } = await submitProposal({
    db,
    actor: right.proposer,
    articleId: plan.article.id,
    baseRevisionId: plan.head.id,
    base: plan.current,
    content: plan.content,
    summary,
    rationale: options.reason ?? "",
  });
  return { status: "proposed" as const, proposalId };
}
