import "server-only";
import { planRevert, revertSummary, saveRevert, type RevertMode } from "../articles/revert-article";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { submitProposal } from "../proposals/submit-proposal";
import { acceptReviewedEdit } from "../articles/accept-reviewed-edit";
import { assertNoBlacklistedLinks } from "../sources/check-sources";
import { editRight } from "./edit-right";

/**
 * Undoes one revision (reverting just its change if it still applies) or
 * restores an old revision, as a new revision with an automatic summary; a
 * user who may only propose gets a proposal instead. A revert is an edit like
 * any other to the checks on its content (the spam blacklist included).
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
  // As for any edit: a link the revert brings back whose domain was blacklisted since is refused (400 naming it),
  // whether it would be saved or proposed. (Rollback, a reviewer's tool, is exempt, as MediaWiki's is.)
  await assertNoBlacklistedLinks(db, plan.current, plan.content);
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
