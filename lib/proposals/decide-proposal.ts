import "server-only";
import { RecentChangeKind } from "../recent-changes/kinds";
import { recordChange } from "../recent-changes/record-change";
import { commitOnHead, SAVE_TRANSACTION_LIMITS, type CommitOutcome } from "../articles/commit-on-head";
import { loadContent } from "../articles/content-store";
import { effectiveProtection, type ProtectionLevel } from "../articles/protection";
import { assertAllowed, authorize } from "../authz/assert";
import { decidePublication, type Actor } from "../authz/policy";
import { getDb, type Db, type Tx } from "../db/client";
import { diffArticles } from "../diff/article-diff";
import type { ArticleContent, Section } from "../document/model";
import { WikiError } from "../errors";
import { loadActor } from "../users/load-actor";
import {
  brokenDependencies,
  describePart,
  explainBrokenDependency,
  partDependencies,
  partKey,
  splitBlockId,
  withDeclinedBlocks,
  type ProposalPart,
} from "./part-dependencies";
import { blockPlans, blockText, globalBlockId, mergeSectionBlocks, type SectionBlocks } from "./block-parts";
import { amendedFromVersion } from "./amendments";
import { assertCountStands, castApprovalVote, lostRaceError } from "./approval-votes";
import { assertNoBlacklistedLinks } from "../sources/check-sources";
import { acceptedContent } from "./proposal-content";
import { loadProposalVersion } from "./proposal-store";
import { acceptReviewedEdit } from "../articles/accept-reviewed-edit";
import { RevisionTag } from "../articles/revision-tags";
import { ProposalStatus } from "./status";
import { ReviewDecisionAction } from "./review-action";
import { notifyDecision, notifyOutdated } from "./proposal-notifications";

export type ReviewAction = "approve" | "reject" | "request_changes";

/**
 * A part of a proposal a reviewer declines, with the reason the author will
 * read. A declined block is recorded with how it reads (`label`, "paragraph 3
 * of “History”") and its text, so the decision log never shows internal keys
 * and the author can carry the declined text into a new proposal.
 */
export interface DeclinedPart {
  kind: "section" | "reference" | "infobox" | "block";
  id: string;
  reason: string;
  label?: string;
  text?: string;
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
 * the answer (409) carries what changed. An approval re-reads, with the
 * article locked (commitOnHead), everything it rests on: the article's
 * protection now, the reviewer's rights now and whether the proposer may
 * still publish (not blocked since); the protection that applied is recorded
 * on the decision. It writes the revision through the same commit as direct
 * editing (authored by the proposer, approved by the reviewer), merged section
 * by section onto the current revision; it is refused with 409 if the
 * proposal no longer applies cleanly. A partial approval must not keep a part
 * that needs a declined one (part-dependencies.ts). The proposal moves on by
 * a compare-and-set on its version and status (no lock on it): a decision
 * that lost a race with a new version, a withdrawal or another decision
 * writes nothing. The decision row is unique per proposal version besides.
 * An approval is first counted towards the approvals the article's protection
 * requires (approval-votes.ts): below that count it is recorded as a vote and
 * the proposal stays open; the approval that completes it publishes.
 */
export async function decideProposal(options: DecisionOptions) {
  const db = options.db ?? getDb();
  const comment = options.comment.trim();
  const found = await db.proposal.findUnique({ where: { id: options.proposalId }, select: { authorId: true } });
  if (!found) throw new WikiError("not_found", `There is no proposal #${options.proposalId}.`);
  const reviewer = authorize(options.actor, "review", { ownerId: found.authorId });
  if (options.action === "reject" && !comment)
    throw new WikiError("bad_request", "A rejection needs a reason; the author will read it.");
  if (options.action === "request_changes" && !comment)
    throw new WikiError("bad_request", "Say what should change; the author will read it.");
  const declined = (options.declined ?? []).map((part) => ({ ...part, reason: part.reason.trim() }));
  if (declined.some((part) => !part.reason)) throw new WikiError("bad_request", "Each declined part needs a reason.");

  try {
    const outcome = await db.$transaction(async (tx) => {
      const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: options.proposalId } });
      const refusal = await undecidable(proposal, options.version);
      if (refusal) return refusal;
      const status =
        options.action !== "approve"
          ? STATUS_AFTER[options.action]
          : declined.length
            ? ProposalStatus.partially_approved
            : ProposalStatus.approved;
      const decision = {
        tx,
        proposal,
        reviewerId: reviewer.id,
        action: options.action === "approve" && declined.length ? ReviewDecisionAction.partial : options.action,
        comment,
        declined,
        status,
      };
      if (options.action !== "approve") {
        // Publishes nothing, so it needs no lock on the article: the protection and rights read now are what it rests on.
        const article = await tx.article.findUniqueOrThrow({ where: { id: proposal.articleId } });
        const protection = effectiveProtection(article).level;
        authorize(await loadActor(tx, reviewer.id), "review", { protection, ownerId: proposal.authorId });
        return {
          kind: "decided" as const,
          ...(await recordDecision({ ...decision, protection, revisionId: null, parentRevisionId: null })),
        };
      }
      // Approvals count per version towards the article's requirement; only the one completing it publishes (approval-votes.ts).
      const count = await castApprovalVote(tx, { proposal, reviewerId: reviewer.id, comment });
      if (!count.counted.includes(reviewer.id))
        authorize(await loadActor(tx, reviewer.id), "approve", {
          protection: count.protection,
          ownerId: proposal.authorId,
        });
      if (!count.complete) {
        if (declined.length)
          throw new WikiError(
            "bad_request",
            `declined: parts are declined by the approval that publishes; this is approval ${count.counted.length} of ${count.required}. Approve the whole version, or request changes.`,
          );
        return { kind: "voted" as const, count };
      }
      // What the approval publishes is worked out before the article is locked,
      // so concurrent approvals of one article hold its lock only to re-check and commit.
      const { version, base, accepted, recorded } = await prepareApproval(
        tx,
        proposal.id,
        proposal.currentVersion,
        declined,
      );
      // A link blacklisted since the proposal was made is refused now, as any save adding it would be.
      await assertNoBlacklistedLinks(tx, base, accepted);
      let protection: ProtectionLevel = "none";
      const committed = await commitOnHead(tx, {
        articleId: proposal.articleId,
        base: { revisionId: version.baseRevisionId, content: base },
        content: accepted,
        meta: {
          authorId: proposal.authorId,
          approvedById: reviewer.id,
          summary: proposal.summary || `Proposal #${proposal.id}`,
          tags: declined.length ? [RevisionTag["partially approved"]] : [],
        },
        onMovedHead: "merge",
        underLock: async (article) => {
          protection = effectiveProtection(article).level;
          assertCountStands(count, protection);
          authorize(await loadActor(tx, reviewer.id), "approve", { protection, ownerId: proposal.authorId });
          assertAllowed(decidePublication(await loadActor(tx, proposal.authorId), protection));
        },
      });
      if (committed.status === "conflict" || committed.status === "moved") {
        await notifyOutdated(tx, proposal, reviewer.id);
        return { kind: "not_applicable" as const, conflict: committed };
      }
      const versions = await tx.proposalVersion.findMany({
        where: { proposalId: proposal.id },
        select: { version: true, authorId: true },
      });
      return {
        kind: "decided" as const,
        approvals: { count: count.counted.length, required: count.required },
        ...(await recordDecision({
          ...decision,
          declined: recorded,
          amendedFromVersion: amendedFromVersion(versions, reviewer.id, proposal.currentVersion),
          protection,
          revisionId: committed.status === "saved" ? committed.revisionId : null,
          parentRevisionId: committed.status === "saved" ? committed.parentId : null,
        })),
      };
    }, SAVE_TRANSACTION_LIMITS);
    // Refusals found before anything was written are answered here, outside the transaction.
    if (outcome.kind === "stale_version")
      throw await staleVersionError(db, options.proposalId, options.version, outcome.currentVersion);
    if (outcome.kind === "not_applicable") throw notApplicable(outcome.conflict);
    if (outcome.kind === "voted")
      return {
        proposalId: options.proposalId,
        status: ProposalStatus.open,
        revisionId: null,
        protection: outcome.count.protection,
        approvals: { count: outcome.count.counted.length, required: outcome.count.required },
      };
    if (outcome.revisionId !== null) await acceptApprovedRevision(db, outcome.revisionId, reviewer.id);
    return {
      proposalId: outcome.proposalId,
      status: outcome.status,
      revisionId: outcome.revisionId,
      protection: outcome.protection,
      ...("approvals" in outcome ? { approvals: outcome.approvals } : {}),
    };
  } catch (error) {
    // A duplicate decision that slipped past the compare-and-set is stopped by the unique key.
    if ((error as { code?: string }).code === "P2002") {
      const proposal = await db.proposal.findUnique({ where: { id: options.proposalId }, select: { status: true } });
      throw new WikiError("conflict", "This proposal was already decided.", { status: proposal?.status });
    }
    throw error;
  }
}

/**
 * Under pending changes, the revision an approval published is accepted as a
 * reviewer's own edit would be (lib/articles/accept-reviewed-edit.ts): the
 * approving reviewer has read all of it, so readers need not wait for a second
 * review, unless other edits were already pending before it.
 */
async function acceptApprovedRevision(db: Db, revisionId: number, reviewerId: number): Promise<void> {
  const revision = await db.revision.findUniqueOrThrow({
    where: { id: revisionId },
    select: { parentId: true, article: true },
  });
  const editor = await loadActor(db, reviewerId);
  if (editor)
    await acceptReviewedEdit(db, { article: revision.article, editor, revisionId, parentId: revision.parentId });
}

/**
 * Why the version a reviewer saw cannot be decided, if it cannot: the
 * proposal is no longer open (409), has no such version (400), or moved on to
 * a newer version (returned, so the 409 can show what changed).
 */
async function undecidable(
  proposal: { id: number; status: string; currentVersion: number },
  seen: number,
): Promise<{ kind: "stale_version"; currentVersion: number } | null> {
  if (proposal.status !== ProposalStatus.open) {
    throw new WikiError(
      "conflict",
      `This proposal is ${proposal.status.replace("_", " ")}; it can no longer be decided.`,
      { status: proposal.status },
    );
  }
  if (seen > proposal.currentVersion) {
    throw new WikiError(
      "bad_request",
      `version: proposal #${proposal.id} has no version ${seen}; its latest is version ${proposal.currentVersion}.`,
    );
  }
  return seen === proposal.currentVersion ? null : { kind: "stale_version", currentVersion: proposal.currentVersion };
}

/**
 * Moves the proposal to its new status, only if it is still open at the
 * version decided (compare-and-set; a concurrent new version, withdrawal or
 * decision that got in first makes this one write nothing: the transaction
 * is rolled back with a 409), and records the decision.
 */
async function recordDecision(decision: {
  tx: Tx;
  proposal: { id: number; currentVersion: number; authorId: number; articleId: number };
  reviewerId: number;
  action: string;
  comment: string;
  declined: DeclinedPart[];
  status: string;
  protection: ProtectionLevel;
  revisionId: number | null;
  /** the revision the published one follows, for the author's notification's diff link */
  parentRevisionId: number | null;
  /** an approval of the reviewer's own amendment: the version it starts from */
  amendedFromVersion?: number | null;
}) {
  const { tx, proposal } = decision;
  const moved = await tx.proposal.updateMany({
    where: { id: proposal.id, status: ProposalStatus.open, currentVersion: proposal.currentVersion },
    data: { status: decision.status, updatedAt: new Date() },
  });
  if (moved.count === 0) throw await lostRaceError(tx, proposal);
  await tx.reviewDecision.create({
    data: {
      proposalId: proposal.id,
      version: proposal.currentVersion,
      reviewerId: decision.reviewerId,
      action: decision.action,
      comment: decision.comment,
      declined: decision.declined.length ? (decision.declined as unknown as object) : undefined,
      protectionLevel: decision.protection,
      revisionId: decision.revisionId,
      amendedFromVersion: decision.amendedFromVersion ?? null,
    },
  });
  const { articleId, authorId } = await tx.proposal.findUniqueOrThrow({
    where: { id: proposal.id },
    select: { articleId: true, authorId: true },
  });
  await recordChange(tx, {
    kind: RecentChangeKind.decision,
    action: decision.action,
    actorId: decision.reviewerId,
    articleId,
    proposalId: proposal.id,
    targetUserId: authorId,
    revisionId: decision.revisionId,
    summary: decision.comment,
    details: { version: proposal.currentVersion, amendedFromVersion: decision.amendedFromVersion ?? null },
  });
  await notifyDecision(tx, { ...decision, proposal });
  return {
    proposalId: proposal.id,
    status: decision.status,
    revisionId: decision.revisionId,
    protection: decision.protection,
  };
}

/** The 409 for an approval that no longer applies: the article changed in the same places since the proposal was made. */
function notApplicable(outcome: Extract<CommitOutcome, { status: "conflict" | "moved" }>): WikiError {
  return new WikiError(
    "conflict",
    "The article changed in the same places since this proposal was made; it must be resolved in the editor before it can be approved.",
    {
      status: ProposalStatus.open,
      conflict: outcome.status === "conflict" ? outcome.conflict : undefined,
      currentRevisionId: outcome.currentRevisionId,
    },
  );
}

/** Loads the version and its base and applies the accepted parts (refused with 400 when the choice of parts cannot stand). */
async function prepareApproval(tx: Tx, proposalId: number, versionNumber: number, declined: DeclinedPart[]) {
  const version = await loadProposalVersion(tx, proposalId, versionNumber);
  const base = await loadContent(tx, await tx.revision.findUniqueOrThrow({ where: { id: version.baseRevisionId } }));
  return { version, base, ...acceptedChoice(base, version, declined) };
}

/**
 * What a partial approval publishes: the version with the declined parts
 * (sections, references, the infobox, single blocks of a section) undone, and
 * the declined parts as the decision records them. Refused (400, naming the
 * parts) when a declined part is not one the version changes, when an
 * accepted part needs a declined one, or when nothing would be published.
 */
function acceptedChoice(
  base: ArticleContent,
  version: {
    version: number;
    content: ArticleContent;
    touchedSections: string[];
    touchedReferences: string[];
    touchesInfobox: boolean;
  },
  declined: DeclinedPart[],
) {
  const changed = {
    sections: version.touchedSections,
    references: version.touchedReferences,
    infobox: version.touchesInfobox,
  };
  const blocks = blockPlans(base, version.content, changed.sections);
  const changedKeys = new Set([
    ...changed.sections.map((id) => `section:${id}`),
    ...changed.references.map((key) => `reference:${key}`),
    ...(changed.infobox ? ["infobox:infobox"] : []),
    ...[...blocks].flatMap(([id, plan]) => plan.parts.map((part) => `block:${globalBlockId(id, part.id)}`)),
  ]);
  const describe = (part: ProposalPart) => describePart(part, base, version.content, blocks);
  declined.forEach((part, index) => {
    if (!changedKeys.has(partKey(part)))
      throw new WikiError(
        "bad_request",
        `declined[${index}]: version ${version.version} does not change ${describe(part)}.`,
      );
  });
  const dependencies = partDependencies(base, version.content, changed, blocks);
  const declinedKeys = withDeclinedBlocks(dependencies, new Set(declined.map(partKey)));
  const broken = brokenDependencies(dependencies, declinedKeys);
  if (broken.length) {
    throw new WikiError(
      "bad_request",
      `declined: ${broken.map((edge) => explainBrokenDependency(edge, describe)).join(" ")}`,
      {
        field: "declined",
        dependencies: broken.map((edge) => ({ part: edge.dependant, needs: edge.dependency, via: edge.via })),
      },
    );
  }
  const merged = mergedSections(base, version.content, blocks, declinedKeys);
  const accepted = acceptedContent(base, version.content, {
    sections: new Set(changed.sections.filter((id) => !declinedKeys.has(`section:${id}`))),
    references: new Set(changed.references.filter((key) => !declinedKeys.has(`reference:${key}`))),
    infobox: changed.infobox && !declinedKeys.has("infobox:infobox"),
    merged,
  });
  if (declined.length && publishesNothing(base, accepted))
    throw new WikiError("bad_request", "declined: every part of the proposal is declined; reject it instead.");
  return { accepted, recorded: declined.map((part) => recordedPart(part, base, version.content, blocks)) };
}

/** The accepted sections some of whose blocks are declined, put back together block by block (block-parts.ts). */
function mergedSections(
  base: ArticleContent,
  proposed: ArticleContent,
  blocks: Map<string, SectionBlocks>,
  declinedKeys: Set<string>,
): Map<string, Section> {
  const merged = new Map<string, Section>();
  for (const [id, plan] of blocks) {
    if (declinedKeys.has(`section:${id}`)) continue;
    const local = new Set(
      plan.parts.filter((part) => declinedKeys.has(`block:${globalBlockId(id, part.id)}`)).map((part) => part.id),
    );
    if (!local.size) continue;
    const before = base.sections.find((section) => section.id === id)!;
    const after = proposed.sections.find((section) => section.id === id)!;
    merged.set(id, mergeSectionBlocks(before, after, plan, local));
  }
  return merged;
}

/** Whether a choice of parts leaves the base as it was (acceptedContent keeps the base's own objects where nothing is taken). */
function publishesNothing(base: ArticleContent, accepted: ArticleContent): boolean {
  return (
    accepted.infobox === base.infobox &&
    accepted.sections.length === base.sections.length &&
    accepted.sections.every((section, index) => section === base.sections[index]) &&
    accepted.references.length === base.references.length &&
    accepted.references.every((reference, index) => reference === base.references[index])
  );
}

/** A declined part as the decision records it: a block with how it reads and its text (never only its key). */
function recordedPart(
  part: DeclinedPart,
  base: ArticleContent,
  proposed: ArticleContent,
  blocks: Map<string, SectionBlocks>,
): DeclinedPart {
  if (part.kind !== "block") return part;
  const [sectionId, blockId] = splitBlockId(part.id);
  const block = blocks.get(sectionId)?.parts.find((candidate) => candidate.id === blockId);
  const section = proposed.sections.find((s) => s.id === sectionId) ?? base.sections.find((s) => s.id === sectionId);
  const where = section?.title ? `“${section.title}”` : "the lead";
  return {
    ...part,
    label: `${block?.label ?? "a block"} of ${where}`,
    text: blockText(block?.to ?? block?.from ?? null).slice(0, MAX_RECORDED_TEXT),
  };
}

/** Enough of a declined block's text for its author to carry it into a new proposal, bounded. */
const MAX_RECORDED_TEXT = 5000;

/** The 409 for a decision on an outdated version: the version now current and what changed since the one the reviewer saw. */
async function staleVersionError(
  db: Db | Tx,
  proposalId: number,
  seenVersion: number,
  currentVersion: number,
): Promise<WikiError> {
  const [seen, current] = await Promise.all([
    loadProposalVersion(db, proposalId, seenVersion),
    loadProposalVersion(db, proposalId, currentVersion),
  ]);
  return new WikiError(
    "conflict",
    `The author changed the proposal since you opened it: you saw version ${seenVersion}, it is now version ${currentVersion}. Nothing was decided; review the new version and decide again.`,
    {
      status: ProposalStatus.open,
      reason: "stale_version",
      seenVersion,
      currentVersion,
      diff: diffArticles(seen.content, current.content),
    },
  );
}
