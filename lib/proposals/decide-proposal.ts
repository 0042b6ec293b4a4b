import "server-only";
import { loadContent } from "../articles/content-store";
import { mergeContent } from "../articles/merge";
import { saveRevision } from "../articles/save-revision";
import { assertAllowed } from "../authz/assert";
import { decide, type Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { lockProposal } from "./change-proposal";
import { acceptedContent } from "./proposal-content";
import { loadProposalVersion } from "./proposal-store";

export type ReviewAction = "approve" | "reject" | "request_changes";

/** A part of a proposal a reviewer declines, with the reason the author will read. */
export interface DeclinedPart {
  kind: "section" | "reference" | "infobox";
  id: string;
  reason: string;
}

export interface DecisionOptions {
  actor: Actor | null;
  proposalId: number;
  action: ReviewAction;
  /** approval comment, rejection reason, or what to change */
  comment: string;
  /** partial approval: the parts declined; everything else the proposal changes is accepted */
  declined?: DeclinedPart[];
  db?: Db;
}

const STATUS_AFTER: Record<ReviewAction, string> = { approve: "approved", reject: "rejected", request_changes: "changes_requested" };

/**
 * A reviewer's decision on the latest version of an open proposal. Approval
 * writes the revision through the same save path as direct editing (authored
 * by the proposer, approved by the reviewer), rebased section by section on
 * the current revision; it is refused with 409 if the proposal no longer
 * applies cleanly. The decision row is unique per proposal version, so the
 * same approval twice makes one revision. Decisions on a proposal that is no
 * longer open get 409 with its state.
 */
export async function decideProposal(options: DecisionOptions) {
  const db = options.db ?? getDb();
  const comment = options.comment.trim();
  const found = await db.proposal.findUnique({ where: { id: options.proposalId }, select: { authorId: true } });
  if (!found) throw new WikiError("not_found", `There is no proposal #${options.proposalId}.`);
  assertAllowed(decide(options.actor, "review", { ownerId: found.authorId }));
  if (options.action === "reject" && !comment) throw new WikiError("bad_request", "A rejection needs a reason; the author will read it.");
  if (options.action === "request_changes" && !comment) throw new WikiError("bad_request", "Say what should change; the author will read it.");
  const declined = (options.declined ?? []).map((part) => ({ ...part, reason: part.reason.trim() }));
  if (declined.some((part) => !part.reason)) throw new WikiError("bad_request", "Each declined part needs a reason.");

  try {
    return await db.$transaction(
      async (tx) => {
        const proposal = await lockProposal(tx, options.proposalId);
        if (proposal.status !== "open") {
          throw new WikiError("conflict", `This proposal is ${proposal.status.replace("_", " ")}; it can no longer be decided.`, { status: proposal.status });
        }
        const decision = await tx.reviewDecision.create({
          data: {
            proposalId: proposal.id,
            version: proposal.currentVersion,
            reviewerId: options.actor!.id,
            action: options.action === "approve" && declined.length ? "partial" : options.action,
            comment,
            declined: declined.length ? (declined as unknown as object) : undefined,
          },
        });
        if (options.action !== "approve") {
          await tx.proposal.update({ where: { id: proposal.id }, data: { status: STATUS_AFTER[options.action], updatedAt: new Date() } });
          return { proposalId: proposal.id, status: STATUS_AFTER[options.action], revisionId: null as number | null };
        }

        const version = await loadProposalVersion(tx, proposal.id, proposal.currentVersion);
        const baseRevision = await tx.revision.findUniqueOrThrow({ where: { id: version.baseRevisionId } });
        const base = await loadContent(tx, baseRevision);
        const declinedSet = (kind: DeclinedPart["kind"]) => new Set(declined.filter((part) => part.kind === kind).map((part) => part.id));
        const accepted = acceptedContent(base, version.content, {
          sections: new Set(version.touchedSections.filter((id) => !declinedSet("section").has(id))),
          references: new Set(version.touchedReferences.filter((key) => !declinedSet("reference").has(key))),
          infobox: version.touchesInfobox && !declinedSet("infobox").has("infobox"),
        });
        // Lock the article, then read its head: a concurrent approval either
        // landed already (and we rebase on it) or waits for us.
        await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${proposal.articleId} FOR UPDATE`;
        const article = await tx.article.findUniqueOrThrow({ where: { id: proposal.articleId } });
        let content = accepted;
        let headContent = base;
        if (article.currentRevisionId !== version.baseRevisionId) {
          const head = await tx.revision.findUniqueOrThrow({ where: { id: article.currentRevisionId! } });
          headContent = await loadContent(tx, head);
          const merged = mergeContent(base, accepted, headContent);
          if (!merged.ok) {
            throw new WikiError(
              "conflict",
              "The article changed in the same places since this proposal was made; it must be resolved in the editor before it can be approved.",
              { status: "open", conflict: merged.conflict, currentRevisionId: article.currentRevisionId },
            );
          }
          content = merged.content;
        }
        const saved = await saveRevision({
          tx,
          head: { articleId: article.id, currentRevisionId: article.currentRevisionId!, currentContent: headContent },
          slug: article.slug,
          baseRevisionId: article.currentRevisionId,
          content,
          authorId: proposal.authorId,
          approvedById: options.actor!.id,
          summary: proposal.summary || `Proposal #${proposal.id}`,
          tags: declined.length ? ["partially approved"] : [],
        });
        const revisionId = saved.status === "saved" ? saved.revisionId : null;
        const status = declined.length ? "partially_approved" : "approved";
        if (revisionId) await tx.reviewDecision.update({ where: { id: decision.id }, data: { revisionId } });
        await tx.proposal.update({ where: { id: proposal.id }, data: { status, updatedAt: new Date() } });
        return { proposalId: proposal.id, status, revisionId };
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    // A duplicate decision that slipped past the row lock is stopped by the unique key.
    if ((error as { code?: string }).code === "P2002") {
      const proposal = await db.proposal.findUnique({ where: { id: options.proposalId }, select: { status: true } });
      throw new WikiError("conflict", "This proposal was already decided.", { status: proposal?.status });
    }
    throw error;
  }
}
