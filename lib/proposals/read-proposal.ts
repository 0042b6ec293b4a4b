import "server-only";
import { loadContent } from "../articles/content-store";
import { mergeContent } from "../articles/merge";
import { effectiveProtection } from "../articles/protection";
import { getDb, type Db } from "../db/client";
import { diffArticles } from "../diff/article-diff";
import { WikiError } from "../errors";
import { loadProposalVersion } from "./proposal-store";
import type { DeclinedPart } from "./decide-proposal";

/**
 * Everything the proposal page shows: the proposal, its versions, discussion
 * and decisions, the diff against its base and against the current revision,
 * and whether it still applies cleanly (rebased section by section).
 */
export async function getProposal(options: { proposalId: number; db?: Db }) {
  const db = options.db ?? getDb();
  const proposal = await db.proposal.findUnique({
    where: { id: options.proposalId },
    include: {
      article: true,
      author: { select: { name: true } },
      versions: { orderBy: { version: "asc" }, select: { version: true, baseRevisionId: true, summary: true, createdAt: true, sizeBytes: true } },
      comments: { orderBy: { id: "asc" }, include: { author: { select: { name: true } } } },
      decisions: { orderBy: { id: "asc" }, include: { reviewer: { select: { name: true } } } },
    },
  });
  if (!proposal) throw new WikiError("not_found", `There is no proposal #${options.proposalId}.`);
  const version = await loadProposalVersion(db, proposal.id, proposal.currentVersion);
  const baseRevision = await db.revision.findUniqueOrThrow({ where: { id: version.baseRevisionId } });
  const base = await loadContent(db, baseRevision);
  const headRevision = await db.revision.findUniqueOrThrow({ where: { id: proposal.article.currentRevisionId! } });
  const head = headRevision.id === baseRevision.id ? base : await loadContent(db, headRevision);
  const rebased = headRevision.id === baseRevision.id ? { ok: true as const, content: version.content } : mergeContent(base, version.content, head);
  return {
    proposal: {
      id: proposal.id,
      status: proposal.status,
      summary: proposal.summary,
      rationale: proposal.rationale,
      currentVersion: proposal.currentVersion,
      createdAt: proposal.createdAt,
      updatedAt: proposal.updatedAt,
      author: proposal.author.name,
      authorId: proposal.authorId,
    },
    article: { slug: proposal.article.slug, title: proposal.article.title, protection: effectiveProtection(proposal.article), currentRevisionId: headRevision.id },
    version: { number: version.version, baseRevisionId: version.baseRevisionId, touchedSections: version.touchedSections, touchedReferences: version.touchedReferences, touchesInfobox: version.touchesInfobox },
    versions: proposal.versions,
    comments: proposal.comments.map((comment) => ({ id: comment.id, author: comment.author.name, body: comment.body, createdAt: comment.createdAt })),
    decisions: proposal.decisions.map((decision) => ({
      id: decision.id,
      version: decision.version,
      reviewer: decision.reviewer.name,
      action: decision.action,
      comment: decision.comment,
      declined: (decision.declined as DeclinedPart[] | null) ?? [],
      revisionId: decision.revisionId,
      createdAt: decision.createdAt,
    })),
    content: { base, proposed: version.content, head },
    diffAgainstBase: diffArticles(base, version.content),
    diffAgainstCurrent: rebased.ok ? diffArticles(head, rebased.content) : null,
    rebase: rebased.ok ? { clean: true as const, stale: headRevision.id !== baseRevision.id } : { clean: false as const, stale: true, conflict: rebased.conflict },
  };
}

export type ProposalDetails = Awaited<ReturnType<typeof getProposal>>;
