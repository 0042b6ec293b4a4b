import { formatDate } from "@/lib/document/format";
import { ProposalStatus } from "@/lib/proposals/status";
import { ApprovalCountText, OverlapFlags } from "./approvals-queue-cells";

export interface ProposalRow {
  id: number;
  summary: string;
  status: string;
  createdAt: Date;
  article: { slug: string; title: string };
  author: { name: string; editCount: number; groups: string[] };
  sizeChange: number;
  sectionsTouched: number;
  appliesCleanly: boolean;
  /** the queue's extra columns (lib/proposals/review-queue.ts): approvals of the current version, overlapping open proposals */
  approvals?: { approvers: string[]; required: number };
  overlaps?: Array<{ id: number; sections: string[]; references: string[]; infobox: boolean }>;
  /** review threads nobody has resolved yet */
  unresolvedThreads?: number;
  /** the talk topic cited as where consensus was reached (lib/talk) */
  talkTopic?: { id: number; title: string } | null;
}

function age(date: Date): string {
  const hours = Math.floor((Date.now() - date.getTime()) / 3_600_000);
  if (hours < 1) return "under an hour";
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  return `${Math.floor(hours / 24)} days`;
}

/** A table of proposals with what a reviewer weighs at a glance. */
export function ProposalTable({ proposals, showArticle = true }: { proposals: ProposalRow[]; showArticle?: boolean }) {
  if (proposals.length === 0) return <p className="form-hint">Nothing here.</p>;
  return (
    <table className="data-table proposal-table">
      <thead>
        <tr>
          <th>Proposal</th>
          {showArticle ? <th>Article</th> : null}
          <th>Author</th>
          <th>Waiting</th>
          <th>Size</th>
          <th>Applies cleanly</th>
          {proposals[0]?.approvals ? <th>Approvals</th> : null}
          {proposals[0]?.overlaps ? <th>Overlaps</th> : null}
          {proposals[0]?.unresolvedThreads !== undefined ? <th>Open threads</th> : null}
        </tr>
      </thead>
      <tbody>
        {proposals.map((proposal) => (
          <tr key={proposal.id} data-proposal-id={proposal.id}>
            <td>
              <a href={`/proposals/${proposal.id}`}>#{proposal.id}</a>{" "}
              {proposal.summary || <span className="form-hint">(no summary)</span>}
              {proposal.status !== ProposalStatus.open ? (
                <span className={`status-badge status-${proposal.status}`}> {proposal.status.replace("_", " ")}</span>
              ) : null}
              {proposal.talkTopic ? (
                <div className="form-hint proposal-consensus">
                  Consensus:{" "}
                  <a href={`/wiki/${encodeURIComponent(proposal.article.slug)}/talk#topic-${proposal.talkTopic.id}`}>
                    {proposal.talkTopic.title}
                  </a>
                </div>
              ) : null}
            </td>
            {showArticle ? (
              <td>
                <a href={`/wiki/${encodeURIComponent(proposal.article.slug)}`}>{proposal.article.title}</a>
              </td>
            ) : null}
            <td>
              <a href={`/user/${encodeURIComponent(proposal.author.name)}`}>{proposal.author.name}</a>
              <div className="form-hint">
                {proposal.author.groups.filter((group) => group !== "user").join(", ") || "new user"} ·{" "}
                {proposal.author.editCount.toLocaleString("en")} edits
              </div>
            </td>
            <td title={formatDate(proposal.createdAt.toISOString().slice(0, 10))}>{age(proposal.createdAt)}</td>
            <td>
              <span className={proposal.sizeChange >= 0 ? "size-plus" : "size-minus"}>
                {proposal.sizeChange >= 0 ? "+" : "−"}
                {Math.abs(proposal.sizeChange).toLocaleString("en")}
              </span>{" "}
              <span className="form-hint">
                {proposal.sectionsTouched} section{proposal.sectionsTouched === 1 ? "" : "s"}
              </span>
            </td>
            <td>
              {proposal.appliesCleanly ? (
                <span className="clean-yes">✓ yes</span>
              ) : (
                <span className="clean-no">✗ conflicts</span>
              )}
            </td>
            {proposal.approvals ? (
              <td>
                {/* A decided proposal's count would read as still wanting approvals. */}
                {proposal.status === ProposalStatus.open ? <ApprovalCountText {...proposal.approvals} /> : "—"}
              </td>
            ) : null}
            {proposal.overlaps ? (
              <td>
                <OverlapFlags overlaps={proposal.overlaps} />
              </td>
            ) : null}
            {proposal.unresolvedThreads !== undefined ? (
              <td>
                {proposal.unresolvedThreads ? (
                  <a
                    href={`/proposals/${proposal.id}#threads`}
                    aria-label={`${proposal.unresolvedThreads} unresolved thread${proposal.unresolvedThreads === 1 ? "" : "s"} on #${proposal.id}`}
                  >
                    {proposal.unresolvedThreads} unresolved
                  </a>
                ) : (
                  <span className="form-hint">none</span>
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
