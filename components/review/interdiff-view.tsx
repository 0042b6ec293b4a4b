import { DiffView } from "@/components/diff/diff-view";
import { decide, type Actor } from "@/lib/authz/policy";
import { getDb } from "@/lib/db/client";
import { WikiError } from "@/lib/errors";
import { getProposalInterdiff, type ProposalInterdiff } from "@/lib/proposals/interdiff";
import { lastViewedVersion, recordProposalView } from "@/lib/proposals/proposal-views";

/** Which diff the proposal page shows: the full diff against the base, or an interdiff of two versions. */
export type ProposalDiffChoice =
  | { kind: "full"; problem: string | null; sinceReview: { from: number; to: number } | null }
  | {
      kind: "interdiff";
      interdiff: ProposalInterdiff;
      contents: Awaited<ReturnType<ProposalInterdiff["contents"]>>;
      sinceReview: boolean;
    };

const VERSION_PAIR = /^(\d{1,9})\.\.(\d{1,9})$/;

/**
 * What the page shows for `?diff=`: `a..b` the interdiff of versions a and b,
 * `full` the diff against the base; with no parameter, a reviewer who saw an
 * older version gets the changes since their last review. A reviewer's view
 * of the current version is recorded (one upsert, not awaited: the page does
 * not wait on it); an anonymous reader's or the author's never is.
 */
export async function chooseProposalDiff(options: {
  proposal: { id: number; authorId: number };
  currentVersion: number;
  viewer: Actor | null;
  diffParam: string | undefined;
}): Promise<ProposalDiffChoice> {
  const { proposal, currentVersion, viewer, diffParam } = options;
  const reviewer = viewer && decide(viewer, "review", { ownerId: proposal.authorId }).allowed ? viewer : null;
  const lastSeen = reviewer ? await lastViewedVersion(getDb(), proposal.id, reviewer.id) : null;
  if (reviewer)
    void recordProposalView(getDb(), { proposalId: proposal.id, userId: reviewer.id, version: currentVersion }).catch(
      (error) => console.error("Recording a proposal view failed:", error),
    );
  const sinceReview = lastSeen !== null && lastSeen < currentVersion ? { from: lastSeen, to: currentVersion } : null;
  const pair = diffParam === undefined ? null : VERSION_PAIR.exec(diffParam);
  if (diffParam !== undefined && !pair)
    return {
      kind: "full",
      sinceReview,
      problem: diffParam === "full" ? null : "diff: give two versions as ?diff=1..2 (or ?diff=full).",
    };
  const wanted = pair ? { from: Number(pair[1]), to: Number(pair[2]) } : sinceReview;
  if (!wanted) return { kind: "full", sinceReview, problem: null };
  try {
    const interdiff = await getProposalInterdiff({ proposalId: proposal.id, ...wanted });
    return {
      kind: "interdiff",
      interdiff,
      contents: await interdiff.contents(),
      sinceReview: !pair,
    };
  } catch (error) {
    if (error instanceof WikiError && (error.code === "bad_request" || error.code === "not_found"))
      return { kind: "full", sinceReview, problem: error.message };
    throw error;
  }
}

/** The interdiff of two versions, headed by what it compares, with the way back to the full diff. */
export function InterdiffView({
  choice,
  proposalId,
}: {
  choice: Extract<ProposalDiffChoice, { kind: "interdiff" }>;
  proposalId: number;
}) {
  const { interdiff, contents } = choice;
  const { from, to } = interdiff;
  const amendedBy = to.authorId !== from.authorId ? to.author : null;
  return (
    <section className="interdiff" aria-labelledby="interdiff-title">
      <h2 id="interdiff-title">
        {choice.sinceReview ? "Changes since your last review" : "Changes between versions"} (version {from.version} →{" "}
        {to.version})
      </h2>
      <p className="interdiff-meta">
        Version {from.version} by {from.author}; version {to.version} by {to.author}
        {amendedBy ? " (an amendment)" : ""}.{" "}
        <a href={`/proposals/${proposalId}?diff=full`}>Show the full diff against the base</a>
      </p>
      {interdiff.baseMoved ? (
        <p className="notice" role="note">
          The base moved: version {from.version} was based on revision {from.baseRevisionId}, version {to.version} on
          revision {to.baseRevisionId}. This compares the two proposed texts, so it also shows what changed in the
          article between those revisions.
        </p>
      ) : null}
      {interdiff.summary.sections.length === 0 &&
      interdiff.summary.references.added +
        interdiff.summary.references.removed +
        interdiff.summary.references.changed ===
        0 &&
      !interdiff.summary.infobox.changed ? (
        <p className="form-hint">The two versions propose the same text.</p>
      ) : null}
      <DiffView diff={interdiff.diff} from={contents[0]} to={contents[1]} mode="inline" />
    </section>
  );
}

/** The offer to see only the interdiff, shown above the full diff when the reviewer last saw an older version. */
export function SinceReviewOffer({ proposalId, since }: { proposalId: number; since: { from: number; to: number } }) {
  return (
    <p className="interdiff-offer">
      <a href={`/proposals/${proposalId}?diff=${since.from}..${since.to}`}>
        Changes since your last review (version {since.from} → {since.to})
      </a>
    </p>
  );
}
