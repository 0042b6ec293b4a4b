import "server-only";
import { loadContent } from "../articles/content-store";
import { mergeContent } from "../articles/merge";
import { saveRevision } from "../articles/save-revision";
import { effectiveProtection } from "../articles/protection";
import { RevisionTag } from "../articles/revision-tags";
import { assertAllowed } from "../authz/assert";
import { decide, decidePublication, type Actor } from "../authz/policy";
import { getDb, type Db, type Tx } from "../db/client";
import { diffArticles } from "../diff/article-diff";
import type { ArticleContent } from "../document/model";
import { WikiError } from "../errors";
import { loadActor } from "../users/load-actor";
import { lockProposal } from "./change-proposal";
import { brokenDependencies, describePart, explainBrokenDependency, partDependencies, partKey, type ProposalPart } from "./part-dependencies";
import { acceptedContent } from "./proposal-content";
import { loadProposalVersion } from "./proposal-store";
import { ReviewDecisionAction } from "./review-action";
import { ProposalStatus } from "./status";

export type ReviewAction = Exclude<ReviewDecisionAction, "partial">;

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
  /** the proposal version the reviewer saw: a decision on any other version is refused */
  version: number;
  /** approval comment, rejection reason, or what to change */
  comment: string;
  /** partial approval: the parts declined; everything else the proposal changes is accepted */
  declined?: DeclinedPart[];
  db?: Db;
}

const STATUS_AFTER: Record<ReviewAction, ProposalStatus> = {
  approve: ProposalStatus.approved,
  reject: ProposalStatus.rejected,
  request_changes: ProposalStatus.changes_requested,
};

/**
 * A reviewer's decision on the version of an open proposal they saw. It is
 * pinned: if the author posted a newer version since, nothing is decided and
 * the answer (409) carries what changed. Inside the transaction, with the
 * proposal and the article locked, everything the decision rests on is read
 * again: the article's protection now, the reviewer's rights now and, for an
 * approval, whether the proposer may still publish (not blocked since); the
 * protection that applied is recorded on the decision. Approval writes the
 * revision through the same save path as direct editing (authored by the
 * proposer, approved by the reviewer), rebased section by section on the
 * current revision; it is refused with 409 if the proposal no longer applies
 * cleanly. A partial approval must not keep a part that needs a declined one
 * (part-dependencies.ts). The decision row is unique per proposal version, so
 * the same approval twice makes one revision.
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
    const outcome = await db.$transaction(
      async (tx) => {
        const proposal = await lockProposal(tx, options.proposalId);
        if (proposal.status !== ProposalStatus.open) {
          throw new WikiError("conflict", `This proposal is ${proposal.status.replace("_", " ")}; it can no longer be decided.`, { status: proposal.status });
        }
        if (options.version > proposal.currentVersion) {
          throw new WikiError("bad_request", `version: proposal #${proposal.id} has no version ${options.version}; its latest is version ${proposal.currentVersion}.`);
        }
        // Nothing is written: the reviewer is shown what changed, outside the locks.
        if (options.version !== proposal.currentVersion) return { stale: true as const, currentVersion: proposal.currentVersion };

        // What an approval would publish, worked out before the article is
        // locked (the proposal's lock already pins the version), so concurrent
        // approvals of one article hold its lock only to re-check and save.
        const prepared = options.action === "approve" ? await prepareApproval(tx, proposal.id, proposal.currentVersion, declined) : null;

        // Lock the article, then read its protection and head: a concurrent
        // approval or protection change either landed already or waits for us.
        await tx.$queryRaw`SELECT id FROM "Article" WHERE id = ${proposal.articleId} FOR UPDATE`;
        const article = await tx.article.findUniqueOrThrow({ where: { id: proposal.articleId } });
        const protection = effectiveProtection(article).level;
        const reviewer = await loadActor(tx, options.actor!.id);
        assertAllowed(decide(reviewer, options.action === "approve" ? "approve" : "review", { protection, ownerId: proposal.authorId }));
        const record = (revisionId: number | null) =>
          tx.reviewDecision.create({
            data: {
              proposalId: proposal.id,
              version: proposal.currentVersion,
              reviewerId: reviewer!.id,
              action: options.action === "approve" && declined.length ? ReviewDecisionAction.partial : options.action,
              comment,
              declined: declined.length ? (declined as unknown as object) : undefined,
              protectionLevel: protection,
              revisionId,
            },
          });
        if (!prepared) {
          await record(null);
          await tx.proposal.update({ where: { id: proposal.id }, data: { status: STATUS_AFTER[options.action], updatedAt: new Date() } });
          return { proposalId: proposal.id, status: STATUS_AFTER[options.action], revisionId: null as number | null, protection };
        }
        assertAllowed(decidePublication(await loadActor(tx, proposal.authorId), protection));

        const { version, base, accepted } = prepared;
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
              { status: ProposalStatus.open, conflict: merged.conflict, currentRevisionId: article.currentRevisionId },
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
          approvedById: reviewer!.id,
          summary: proposal.summary || `Proposal #${proposal.id}`,
          tags: declined.length ? [RevisionTag["partially approved"]] : [],
        });
        const revisionId = saved.status === "saved" ? saved.revisionId : null;
        const status = declined.length ? ProposalStatus.partially_approved : ProposalStatus.approved;
        await record(revisionId);
        await tx.proposal.update({ where: { id: proposal.id }, data: { status, updatedAt: new Date() } });
        return { proposalId: proposal.id, status, revisionId, protection };
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
    if (outcome.stale) throw await staleVersionError(db, options.proposalId, options.version, outcome.currentVersion);
    return outcome;
  } catch (error) {
    // A duplicate decision that slipped past the row lock is stopped by the unique key.
    if ((error as { code?: string }).code === "P2002") {
      const proposal = await db.proposal.findUnique({ where: { id: options.proposalId }, select: { status: true } });
      throw new WikiError("conflict", "This proposal was already decided.", { status: proposal?.status });
    }
    throw error;
  }
}

/** Loads the version and its base and applies the accepted parts (refused with 400 when the choice of parts cannot stand). */
async function prepareApproval(tx: Tx, proposalId: number, versionNumber: number, declined: DeclinedPart[]) {
  const version = await loadProposalVersion(tx, proposalId, versionNumber);
  const base = await loadContent(tx, await tx.revision.findUniqueOrThrow({ where: { id: version.baseRevisionId } }));
  return { version, base, accepted: acceptedContent(base, version.content, acceptedParts(base, version, declined)) };
}

/**
 * The parts of a version a partial approval accepts: everything it changes
 * but the declined parts. Refused (400, naming the parts) when a declined part
 * is not one the version changes, when everything is declined, or when an
 * accepted part needs a declined one.
 */
function acceptedParts(base: ArticleContent, version: { version: number; content: ArticleContent; touchedSections: string[]; touchedReferences: string[]; touchesInfobox: boolean }, declined: DeclinedPart[]) {
  const changed = { sections: version.touchedSections, references: version.touchedReferences, infobox: version.touchesInfobox };
  const changedKeys = new Set([...changed.sections.map((id) => `section:${id}`), ...changed.references.map((key) => `reference:${key}`), ...(changed.infobox ? ["infobox:infobox"] : [])]);
  const declinedKeys = new Set(declined.map(partKey));
  const describe = (part: ProposalPart) => describePart(part, base, version.content);
  declined.forEach((part, index) => {
    if (!changedKeys.has(partKey(part))) throw new WikiError("bad_request", `declined[${index}]: version ${version.version} does not change ${describe(part)}.`);
  });
  if (declined.length && [...changedKeys].every((key) => declinedKeys.has(key))) {
    throw new WikiError("bad_request", "declined: every part of the proposal is declined; reject it instead.");
  }
  const broken = brokenDependencies(partDependencies(base, version.content, changed), declinedKeys);
  if (broken.length) {
    throw new WikiError("bad_request", `declined: ${broken.map((edge) => explainBrokenDependency(edge, describe)).join(" ")}`, {
      field: "declined",
      dependencies: broken.map((edge) => ({ part: edge.dependant, needs: edge.dependency, via: edge.via })),
    });
  }
  return {
    sections: new Set(changed.sections.filter((id) => !declinedKeys.has(`section:${id}`))),
    references: new Set(changed.references.filter((key) => !declinedKeys.has(`reference:${key}`))),
    infobox: changed.infobox && !declinedKeys.has("infobox:infobox"),
  };
}

/** The 409 for a decision on an outdated version: the version now current and what changed since the one the reviewer saw. */
async function staleVersionError(db: Db, proposalId: number, seenVersion: number, currentVersion: number): Promise<WikiError> {
  const [seen, current] = await Promise.all([loadProposalVersion(db, proposalId, seenVersion), loadProposalVersion(db, proposalId, currentVersion)]);
  return new WikiError(
    "conflict",
    `The author changed the proposal since you opened it: you saw version ${seenVersion}, it is now version ${currentVersion}. Nothing was decided; review the new version and decide again.`,
    { status: ProposalStatus.open, reason: "stale_version", seenVersion, currentVersion, diff: diffArticles(seen.content, current.content) },
  );
}
