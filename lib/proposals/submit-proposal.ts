import "server-only";
import { RecentChangeKind } from "../recent-changes/kinds";
import { recordChange } from "../recent-changes/record-change";
import { authorize } from "../authz/assert";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import type { ArticleContent } from "../document/model";
import { WikiError } from "../errors";
import { writeProposalVersion } from "./proposal-store";
import { touchedParts } from "./proposal-content";
import { notify } from "../notifications/notify";
import { NotificationType } from "../notifications/types";
import { autoWatch } from "../watchlist/auto-watch";

/**
 * Records a proposed change to a protected article, for review: its base
 * revision, the full proposed content, the summary and a rationale for
 * reviewers, and optionally the talk topic (of the same article) where it
 * was agreed. Called by lib/editing when the user may only propose.
 */
export async function submitProposal(options: {
  db?: Db;
  actor: Actor | null;
  articleId: number;
  baseRevisionId: number;
  base: ArticleContent;
  content: ArticleContent;
  summary: string;
  rationale: string;
  /** the talk topic where consensus was reached: must be on the same article (400 naming talkTopicId) */
  talkTopicId?: number | null;
}): Promise<{ proposalId: number }> {
  const proposer = authorize(options.actor, "propose");
  const db = options.db ?? getDb();
  const talkTopicId = options.talkTopicId ?? null;
  if (talkTopicId !== null) {
    const topic = await db.talkTopic.findUnique({ where: { id: talkTopicId }, select: { articleId: true } });
    if (!topic || topic.articleId !== options.articleId)
      throw new WikiError("bad_request", `talkTopicId: topic #${talkTopicId} is not on this article's talk page.`, {
        field: "talkTopicId",
      });
  }
  const touched = touchedParts(options.base, options.content);
  if (!touched.sections.length && !touched.references.length && !touched.infobox) {
    throw new WikiError("bad_request", "Your proposal changes nothing in the article.");
  }
  return db.$transaction(async (tx) => {
    const proposal = await tx.proposal.create({
      data: {
        articleId: options.articleId,
        authorId: proposer.id,
        summary: options.summary,
        rationale: options.rationale.trim(),
        talkTopicId,
      },
    });
    await writeProposalVersion(tx, {
      proposalId: proposal.id,
      version: 1,
      authorId: proposer.id,
      baseRevisionId: options.baseRevisionId,
      base: options.base,
      content: options.content,
      summary: options.summary,
    });
    await recordChange(tx, {
      kind: RecentChangeKind.proposal,
      actorId: proposer.id,
      articleId: options.articleId,
      proposalId: proposal.id,
      parentRevisionId: options.baseRevisionId,
      summary: options.summary,
    });
    // The proposer follows the article from now on; the reviewers who watch it learn of new work.
    await autoWatch(tx, { userId: proposer.id, articleId: options.articleId });
    await notify(tx, {
      type: NotificationType.proposal_new,
      watchersOf: { articleId: options.articleId, reviewersOnly: true },
      actorId: proposer.id,
      proposalId: proposal.id,
    });
    return { proposalId: proposal.id };
  });
}
