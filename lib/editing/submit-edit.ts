import "server-only";
import { enforceRateLimit } from "../abuse-limits";
import { createArticle } from "../articles/create-article";
import { readEdit, saveEdit, type SavedEdit } from "../articles/edit-article";
import type { TEditRequestParsed } from "../contracts/articles";
import { findArticle } from "../articles/read-article";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { submitProposal } from "../proposals/submit-proposal";
import { acceptReviewedEdit } from "../articles/accept-reviewed-edit";
import { assertNoBlacklistedLinks } from "../sources/check-sources";
import { editRight } from "./edit-right";

export type EditOutcome = SavedEdit | { status: "proposed"; proposalId: number };

/**
 * An edit request on the article at `slug`, whoever sends it: a new article
 * is created; an edit by a user allowed to edit is saved (merged onto a moved
 * head: lib/articles/edit-article.ts); a user who may only propose (a
 * protected article) gets a proposal for review instead, on the base the edit
 * was made on. `client` (the requester's address) counts a proposal against
 * the proposal rate limit.
 */
export async function submitEdit(options: {
  actor: Actor | null;
  slug: string;
  request: TEditRequestParsed;
  db?: Db;
  client?: string;
  /** send the change to review as a proposal even where the actor may edit (editRight) */
  proposeOnly?: boolean;
}): Promise<EditOutcome> {
  const db = options.db ?? getDb();
  const { request } = options;
  const article = await findArticle(db, options.slug);
  if (!article) return createArticle({ ...options, db });
  const right = editRight(options.actor, article, { proposeOnly: options.proposeOnly });
  const { base, mine } = await readEdit({ article, request, db });
  await assertNoBlacklistedLinks(db, base.content, mine);
  if (right.mode === "save") {
    const saved = await saveEdit({ editor: right.editor, article, base, mine, request, db });
    if (saved.status === "saved") await acceptReviewedEdit(db, { article, editor: right.editor, ...saved });
    return saved;
  }
  if (options.client !== undefined) await enforceRateLimit(db, "proposal", right.proposer, options.client);
  const proposed = await submitProposal({
    db,
    actor: right.proposer,
    articleId: article.id,
    baseRevisionId: base.revisionId,
    base: base.content,
    content: mine,
    summary: request.summary,
    rationale: request.rationale,
    talkTopicId: request.talkTopicId ?? null,
  });
  return { status: "proposed", proposalId: proposed.proposalId };
}
