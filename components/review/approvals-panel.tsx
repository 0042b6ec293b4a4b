import { formatTimestamp } from "@/lib/document/format";
import type { ProposalOverlap } from "@/lib/proposals/proposal-overlaps";
import { ApprovalCountText, describeOverlap } from "./approvals-queue-cells";

/**
 * Where the version on screen stands towards its required approvals, and the
 * rule that a new version starts the count again (GitHub's "dismiss stale
 * approvals"). Shown on an open proposal.
 */
export function ApprovalStatus({
  version,
  required,
  approvals,
  level,
}: {
  version: number;
  required: number;
  approvals: Array<{ version: number; reviewer: string }>;
  level: string;
}) {
  const approvers = approvals.filter((approval) => approval.version === version).map((approval) => approval.reviewer);
  const earlier = approvals.some((approval) => approval.version < version);
  return (
    <div className="approval-status" role="status" aria-label="Approvals">
      <b>
        <ApprovalCountText approvers={approvers} required={required} />
      </b>{" "}
      <span className="form-hint">
        ({level === "none" ? "unprotected" : `${level} protection`} requires {required} approval
        {required === 1 ? "" : "s"} from distinct reviewers; approvals count for version {version} only
        {earlier ? ", so those of earlier versions no longer count" : ": a new version starts the count again"}.)
      </span>
    </div>
  );
}

/**
 * Proposals that touch the same parts: the open ones ("Overlaps with #12
 * (section History)") and those approved since this one was made, with
 * whether this one still applies after them.
 */
export function OverlapNotice({
  overlaps,
  sectionTitle,
  applies,
}: {
  overlaps: ProposalOverlap[];
  sectionTitle: (id: string) => string;
  applies: boolean;
}) {
  if (!overlaps.length) return null;
  const open = overlaps.filter((overlap) => overlap.status === "open");
  const published = overlaps.filter((overlap) => overlap.status !== "open");
  const link = (overlap: ProposalOverlap) => (
    <a href={`/proposals/${overlap.id}`} title={overlap.summary}>
      #{overlap.id}
    </a>
  );
  return (
    <div className="overlap-notice" role="note" aria-label="Overlapping proposals">
      {open.length ? (
        <p>
          ⚠ Overlaps with{" "}
          {open.map((overlap, index) => (
            <span key={overlap.id}>
              {index ? "; " : ""}
              {link(overlap)} ({describeOverlap(overlap, sectionTitle)})
            </span>
          ))}
          : another open proposal changes the same parts. Whichever is approved first, the other may then need a rebase.
        </p>
      ) : null}
      {published.map((overlap) => (
        <p key={overlap.id}>
          {link(overlap)} was {overlap.status.replace("_", " ")} since this proposal was made
          {overlap.revisionId ? ` (revision ${overlap.revisionId})` : ""} and changed{" "}
          {describeOverlap(overlap, sectionTitle)} too:{" "}
          {applies
            ? "this proposal still applies cleanly on top of it."
            : "this proposal now conflicts; its author can rebase it in the editor (below)."}
        </p>
      ))}
    </div>
  );
}

/** An approval in the discussion that did not publish: it counted towards the version's required approvals. */
export function ApprovalVoteEntry({
  vote,
}: {
  vote: { version: number; reviewer: string; comment: string; createdAt: Date };
}) {
  return (
    <li className="discussion-decision decision-vote">
      <b>
        <a href={`/user/${encodeURIComponent(vote.reviewer)}`}>{vote.reviewer}</a> approved
      </b>{" "}
      version {vote.version} (one of the approvals it needs){" "}
      <span className="form-hint">{formatTimestamp(vote.createdAt)}</span>
      {vote.comment ? <p className="decision-reason">{vote.comment}</p> : null}
    </li>
  );
}
