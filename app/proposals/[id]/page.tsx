import { notFound } from "next/navigation";
import { idFromText } from "@/lib/contracts/ids";
import { DiffView } from "@/components/diff/diff-view";
import { urlsToRate } from "@/lib/diff/review-alerts";
import { rateUrls } from "@/lib/sources/reliability";
import { AuthorActions, CommentForm, ReviewActions, type DecidablePart } from "@/components/review/proposal-actions";
import { decide } from "@/lib/authz/policy";
import { describeProtection } from "@/lib/authz/rules";
import { getViewer } from "@/lib/auth/viewer";
import { getReadDb } from "@/lib/db/replicas";
import { blockTokens } from "@/lib/diff/tokens";
import { formatTimestamp } from "@/lib/document/format";
import { WikiError } from "@/lib/errors";
import { describePart, partDependencies } from "@/lib/proposals/part-dependencies";
import { getProposal } from "@/lib/proposals/read-proposal";
import { ProposalStatus } from "@/lib/proposals/status";
import { Tokens } from "@/components/diff/tokens-view";
import { decisionVerb } from "@/components/review/decision-words";
import { decidableBlocks } from "@/components/review/blocks-decidable";
import { DeclinedBlock } from "@/components/review/blocks-declined";
import { blockPlans } from "@/lib/proposals/block-parts";
import { AmendmentNote } from "@/components/review/interdiff-amendment-note";
import { chooseProposalDiff, InterdiffView, SinceReviewOffer } from "@/components/review/interdiff-view";
import { ChangeKeys } from "@/components/review/approvals-keys";
import { ApprovalStatus, ApprovalVoteEntry, OverlapNotice } from "@/components/review/approvals-panel";
import { listApprovals } from "@/lib/proposals/approval-votes";
import { listProposalOverlaps } from "@/lib/proposals/proposal-overlaps";
import { proposalThreads, threadViewer } from "@/components/review/threads-panel";
import { getProposalThreads } from "@/lib/review-threads/read-threads";

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<{ diff?: string | string[] }> };

export async function generateMetadata({ params }: Props) {
  return { title: `Proposal #${(await params).id}` };
}

const STATUS_TEXT: Record<string, string> = {
  open: "Open for review",
  changes_requested: "Changes requested",
  approved: "Approved",
  partially_approved: "Partially approved",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
} satisfies Record<ProposalStatus, string>;

// GET /proposals/{id} — one proposal: its diffs, rebase state, discussion and decision. Public.
export default async function ProposalPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const proposalId = idFromText(raw);
  if (proposalId === null) notFound();
  const details = await getProposal({ proposalId }).catch((error) => {
    if (error instanceof WikiError && error.code === "not_found") notFound();
    // The diff workers' line is full: say so rather than fail the page.
    if (error instanceof WikiError && error.code === "overloaded") return error;
    throw error;
  });
  if (details instanceof WikiError) {
    return (
      <div className="content-page wide proposal-page">
        <h1 className="page-title">Proposal #{raw}</h1>
        <div className="notice" role="status">
          {details.message}
        </div>
      </div>
    );
  }
  const viewer = await getViewer();
  const { proposal, article, version, rebase, content } = details;
  const diffParam = (await searchParams)?.diff;
  const diffChoice = await chooseProposalDiff({
    proposal,
    currentVersion: version.number,
    viewer,
    diffParam: Array.isArray(diffParam) ? diffParam[0] : diffParam,
  });
  const slug = encodeURIComponent(article.slug);
  const isOpen = proposal.status === ProposalStatus.open;
  const canReview = Boolean(viewer && isOpen && decide(viewer, "review", { ownerId: proposal.authorId }).allowed);
  const isAuthor = viewer?.id === proposal.authorId;
  const [previous, next, { requirements, approvals }, overlaps] = await Promise.all([
    getReadDb().proposal.findFirst({
      where: { status: ProposalStatus.open, id: { lt: proposal.id } },
      orderBy: { id: "desc" },
      select: { id: true },
    }),
    getReadDb().proposal.findFirst({
      where: { status: ProposalStatus.open, id: { gt: proposal.id } },
      orderBy: { id: "asc" },
      select: { id: true },
    }),
    listApprovals({ proposalId: proposal.id }),
    listProposalOverlaps({ proposalId: proposal.id }),
  ]);
  const sectionTitle = (id: string) =>
    (content.proposed.sections.find((s) => s.id === id) ?? content.base.sections.find((s) => s.id === id))?.title ||
    "Lead";
  // Only a reviewer's form needs the changed blocks of each changed section (an alignment per section).
  const blocks = canReview ? blockPlans(content.base, content.proposed, version.touchedSections) : new Map();
  const parts: DecidablePart[] = [
    ...version.touchedSections.map((id) => ({ kind: "section" as const, id, label: `Section: ${sectionTitle(id)}` })),
    ...version.touchedReferences.map((key) => ({
      kind: "reference" as const,
      id: key,
      label: `Reference: ${(content.proposed.references.find((r) => r.key === key) ?? content.base.references.find((r) => r.key === key))?.title ?? key}`,
    })),
    ...(version.touchesInfobox ? [{ kind: "infobox" as const, id: "infobox", label: "Infobox" }] : []),
    ...decidableBlocks(blocks),
  ].map((part) => ({ ...part, name: describePart(part, content.base, content.proposed, blocks) }));
  // The server decides again when the decision is applied; this only spares the reviewer a refusal.
  const approval = viewer
    ? decide(viewer, "approve", { protection: article.protection.level, ownerId: proposal.authorId })
    : null;
  const approveBlocked = !rebase.clean
    ? "This proposal conflicts with the current revision; it can be approved once the author resolves it."
    : approval && !approval.allowed
      ? approval.reason
      : approvals.some((vote) => vote.version === version.number && vote.reviewer === viewer?.name)
        ? `You approved version ${version.number}; an approval counts once, so another reviewer must approve it.`
        : null;
  const dependencies = canReview
    ? partDependencies(
        content.base,
        content.proposed,
        {
          sections: version.touchedSections,
          references: version.touchedReferences,
          infobox: version.touchesInfobox,
        },
        blocks,
      )
    : [];
  const timeline = [
    ...details.comments.map((comment) => ({ at: comment.createdAt, kind: "comment" as const, comment })),
    ...details.decisions.map((decision) => ({ at: decision.createdAt, kind: "decision" as const, decision })),
    // Approvals that did not publish (the one that did is its decision, above).
    ...approvals
      .filter((vote) => !details.decisions.some((d) => d.version === vote.version && d.reviewer === vote.reviewer))
      .map((vote) => ({ at: vote.createdAt, kind: "vote" as const, vote })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const threads = proposalThreads({
    threads: await getProposalThreads({ proposalId, newest: { version: version.number, content: content.proposed } }),
    context: {
      proposalId,
      version: version.number,
      proposalAuthorId: proposal.authorId,
      viewer: threadViewer(viewer, proposal.authorId),
    },
    // The interdiff is shown without threads beside its text: the panel lists them all then.
    diff: diffChoice.kind === "interdiff" ? null : details.diffAgainstBase,
    proposed: content.proposed,
  });
  // The reliability list's word on the sources the proposal cites anew, for its review alerts (one statement, none if none).
  const ratings = await rateUrls(getReadDb(), urlsToRate(details.diffAgainstBase));
  const lookup = (key: string) =>
    content.proposed.references.find((r) => r.key === key) ?? content.head.references.find((r) => r.key === key);
  // People read a reference by its title; the key is internal (a removed one is found in the base).
  const referenceTitle = (key: string) =>
    (lookup(key) ?? content.base.references.find((r) => r.key === key))?.title || key;

  return (
    <div className="content-page wide proposal-page">
      <h1 className="page-title">
        Proposal #{proposal.id}: {proposal.summary || "(no summary)"}
      </h1>
      <div className="proposal-meta">
        <span className={`status-badge status-${proposal.status}`}>
          {STATUS_TEXT[proposal.status] ?? proposal.status}
        </span>{" "}
        to <a href={`/wiki/${slug}`}>{article.title}</a> by{" "}
        <a href={`/user/${encodeURIComponent(proposal.author)}`}>{proposal.author}</a>,{" "}
        {formatTimestamp(proposal.createdAt)} · version {version.number} · based on{" "}
        <a href={`/wiki/${slug}?oldid=${version.baseRevisionId}`}>revision {version.baseRevisionId}</a> ·{" "}
        <a href={`/wiki/${slug}/proposals`}>all proposals for this article</a>
      </div>
      {isOpen ? (
        <ApprovalStatus
          version={version.number}
          required={requirements[article.protection.level]}
          approvals={approvals}
          level={article.protection.level}
        />
      ) : null}
      {isOpen || proposal.status === "changes_requested" ? (
        <OverlapNotice overlaps={overlaps} sectionTitle={sectionTitle} applies={rebase.clean} />
      ) : null}
      {proposal.talkTopic ? (
        <p className="proposal-consensus">
          Consensus:{" "}
          <a href={`/wiki/${encodeURIComponent(article.slug)}/talk#topic-${proposal.talkTopic.id}`}>
            {proposal.talkTopic.title}
          </a>{" "}
          <span className="form-hint">(talk page)</span>
        </p>
      ) : null}
      {proposal.rationale ? (
        <blockquote className="proposal-rationale">
          <b>Rationale:</b> {proposal.rationale}
        </blockquote>
      ) : null}
      {isOpen || proposal.status === "changes_requested" ? (
        <div className={`rebase-state ${rebase.clean ? "rebase-clean" : "rebase-conflict"}`} role="status">
          {rebase.clean
            ? rebase.stale
              ? `The article changed since revision ${version.baseRevisionId}, but not where this proposal does: it applies cleanly to the current revision.`
              : "Based on the current revision: it applies cleanly."
            : `The article changed in the same places since this proposal was made (${rebase.conflict.sectionIds.map(sectionTitle).join(", ") || ""}${rebase.conflict.referenceKeys.length ? ` references ${rebase.conflict.referenceKeys.join(", ")}` : ""}${rebase.conflict.infobox ? " infobox" : ""}). The author must resolve it before it can be approved.`}
        </div>
      ) : null}
      {!rebase.clean && (isOpen || proposal.status === "changes_requested") ? (
        <section className="conflict-sections" aria-label="Conflicting sections">
          {rebase.conflict.sectionIds.map((id) => (
            <div key={id} className="conflict-pair">
              <h3>{sectionTitle(id)}</h3>
              <div className="conflict-columns">
                <div>
                  <div className="diff-revision-label">Current article</div>
                  {(content.head.sections.find((s) => s.id === id)?.body.content ?? []).map((block, index) => (
                    <p key={index}>
                      <Tokens tokens={blockTokens(block)} lookup={lookup} />
                    </p>
                  ))}
                </div>
                <div>
                  <div className="diff-revision-label">This proposal</div>
                  {(content.proposed.sections.find((s) => s.id === id)?.body.content ?? []).map((block, index) => (
                    <p key={index}>
                      <Tokens tokens={blockTokens(block)} lookup={lookup} />
                    </p>
                  ))}
                </div>
              </div>
            </div>
          ))}
        </section>
      ) : null}

      {diffChoice.kind === "interdiff" ? (
        <InterdiffView choice={diffChoice} proposalId={proposal.id} />
      ) : (
        <>
          {diffChoice.problem ? (
            <p className="notice notice-warning" role="alert">
              {diffChoice.problem}
            </p>
          ) : null}
          {diffChoice.sinceReview ? <SinceReviewOffer proposalId={proposal.id} since={diffChoice.sinceReview} /> : null}
          <h2>Changes proposed (against revision {version.baseRevisionId})</h2>
          <ChangeKeys />
          <DiffView
            diff={details.diffAgainstBase}
            from={content.base}
            to={content.proposed}
            mode="inline"
            blockAside={threads.blockAside}
            ratings={ratings}
          />
        </>
      )}
      {(isOpen || proposal.status === "changes_requested") &&
      rebase.clean &&
      rebase.stale &&
      details.diffAgainstCurrent ? (
        <details className="diff-against-current">
          <summary>What approving it would change in the current revision</summary>
          <DiffView diff={details.diffAgainstCurrent} from={content.head} to={content.proposed} mode="inline" />
        </details>
      ) : null}

      {canReview ? (
        <ReviewActions
          proposalId={proposal.id}
          version={version.number}
          parts={parts}
          dependencies={dependencies}
          nextId={next?.id ?? null}
          previousId={previous?.id ?? null}
          approveBlocked={approveBlocked}
        />
      ) : null}
      {canReview && approval?.allowed ? (
        <p className="amend-tools">
          <a className="button-secondary" href={`/wiki/${slug}/edit?proposal=${proposal.id}`}>
            Amend in the editor
          </a>{" "}
          <span className="form-hint">Your change becomes a new version, written by you; approve it afterwards.</span>
        </p>
      ) : null}
      {isAuthor &&
      viewer &&
      decide(viewer, "propose").allowed &&
      (isOpen || proposal.status === "changes_requested") ? (
        <div className="author-tools">
          <a className="button-primary" href={`/wiki/${slug}/edit?proposal=${proposal.id}`}>
            {rebase.clean ? "Revise in the editor" : "Resolve the conflict in the editor"}
          </a>
          <AuthorActions proposalId={proposal.id} />
        </div>
      ) : null}

      {threads.panel}

      <h2>Discussion</h2>
      {timeline.length === 0 ? <p className="form-hint">No comments yet.</p> : null}
      <ol className="discussion">
        {timeline.map((entry) =>
          entry.kind === "vote" ? (
            <ApprovalVoteEntry key={`v${entry.vote.version}:${entry.vote.reviewer}`} vote={entry.vote} />
          ) : entry.kind === "comment" ? (
            <li key={`c${entry.comment.id}`} className="discussion-comment">
              <b>
                <a href={`/user/${encodeURIComponent(entry.comment.author)}`}>{entry.comment.author}</a>
              </b>{" "}
              <span className="form-hint">{formatTimestamp(entry.comment.createdAt)}</span>
              <p>{entry.comment.body}</p>
            </li>
          ) : (
            <li key={`d${entry.decision.id}`} className={`discussion-decision decision-${entry.decision.action}`}>
              <b>
                <a href={`/user/${encodeURIComponent(entry.decision.reviewer)}`}>{entry.decision.reviewer}</a>{" "}
                {decisionVerb(entry.decision.action)}
              </b>{" "}
              version {entry.decision.version}
              {entry.decision.protectionLevel ? (
                <> while the article was {describeProtection(entry.decision.protectionLevel).name}</>
              ) : null}{" "}
              <span className="form-hint">{formatTimestamp(entry.decision.createdAt)}</span>
              {entry.decision.revisionId ? (
                <>
                  {" "}
                  →{" "}
                  <a href={`/wiki/${slug}?oldid=${entry.decision.revisionId}`}>revision {entry.decision.revisionId}</a>
                </>
              ) : null}
              {entry.decision.amendedFromVersion ? (
                <AmendmentNote
                  proposalId={proposal.id}
                  reviewer={entry.decision.reviewer}
                  from={entry.decision.amendedFromVersion}
                  to={entry.decision.version}
                />
              ) : null}
              {entry.decision.comment ? <p className="decision-reason">{entry.decision.comment}</p> : null}
              {entry.decision.declined.length ? (
                <ul className="declined-parts">
                  {entry.decision.declined.map((part) => (
                    <li key={`${part.kind}:${part.id}`}>
                      {part.kind === "block" ? (
                        <DeclinedBlock part={part} />
                      ) : (
                        <>
                          Declined{" "}
                          {part.kind === "section"
                            ? `section “${sectionTitle(part.id)}”`
                            : part.kind === "reference"
                              ? `reference “${referenceTitle(part.id)}”`
                              : "the infobox change"}
                          : {part.reason}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ),
        )}
      </ol>
      {viewer && decide(viewer, "comment").allowed ? (
        <CommentForm proposalId={proposal.id} />
      ) : viewer ? (
        <p className="form-hint">Your account is blocked, so you cannot comment here (see the notice above).</p>
      ) : (
        <p className="form-hint">
          <a href={`/login?returnTo=/proposals/${proposal.id}`}>Sign in</a> to comment.
        </p>
      )}

      <h2>Versions</h2>
      <ul className="history-list">
        {details.versions.map((entry) => (
          <li key={entry.version}>
            Version {entry.version}
            {entry.author !== proposal.author ? <> (amended by {entry.author})</> : null},{" "}
            {formatTimestamp(entry.createdAt)}, based on revision {entry.baseRevisionId}{" "}
            {entry.version > 1 ? (
              <a href={`/proposals/${proposal.id}?diff=${entry.version - 1}..${entry.version}`}>
                changes from version {entry.version - 1}
              </a>
            ) : null}{" "}
            {entry.summary ? <span className="summary">({entry.summary})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
