import type { ReactNode } from "react";
import type { TRecentChangeRow } from "@/lib/contracts/recent-changes";
import { formatTimestamp } from "@/lib/document/format";
import { changePath, describeAction, formatSizeDelta } from "@/lib/recent-changes/describe";

const KIND_LABELS: Partial<Record<TRecentChangeRow["kind"], string>> = {
  create: "new",
  rollback: "rollback",
  proposal: "proposal",
  decision: "decision",
  protection: "protection",
  rights: "rights",
  block: "block",
  "pending-changes": "pending changes",
  patrol: "patrol",
  talk: "talk",
  deletion: "deletion",
  restore: "restore",
  move: "move",
};

/** A size change coloured as MediaWiki's (+ green, − red, large ones bold). */
export function SizeDelta({ delta }: { delta: number }) {
  const tone = delta > 0 ? "size-plus" : delta < 0 ? "size-minus" : "size-zero";
  return (
    <span className={`${tone}${Math.abs(delta) >= 500 ? " size-big" : ""}`} title={`${delta} bytes`}>
      ({formatSizeDelta(delta)})
    </span>
  );
}

/**
 * One line of recent changes or of the log, as MediaWiki lays it out: time, (diff | hist), the article,
 * the size change, the user, what was done and the summary, tags, "!" for an edit awaiting patrol
 * (shown only to patrollers: `row.patrolled` is null for anyone else), and the kind for non-edits.
 * Every user string is React text. `actions`: buttons for patrollers (patrol, rollback).
 */
export function ChangeRow({
  row,
  actions,
  log = false,
}: {
  row: TRecentChangeRow;
  actions?: ReactNode;
  log?: boolean;
}) {
  const slug = row.article ? encodeURIComponent(row.article.slug) : null;
  const revision = row.kind === "edit" || row.kind === "create" || row.kind === "rollback";
  const kind = KIND_LABELS[row.kind];
  return (
    <li className="history-row change-row" data-change-id={row.id}>
      <span className="history-date">{formatTimestamp(new Date(row.createdAt))}</span>
      {!log && slug ? (
        <span className="history-links">
          ({/* A move is a revision too (the title changed), so it has a diff. */}
          {(revision || row.kind === "move") && row.parentRevisionId && row.revisionId ? (
            <a href={`/wiki/${slug}/diff?from=${row.parentRevisionId}&to=${row.revisionId}`}>diff</a>
          ) : (
            <span className="history-link-disabled">diff</span>
          )}{" "}
          | <a href={`/wiki/${slug}/history`}>hist</a>)
        </span>
      ) : null}
      {row.patrolled === false ? (
        <abbr className="unpatrolled" title="This edit has not yet been patrolled">
          !
        </abbr>
      ) : null}
      {kind && !log ? <span className="history-tag change-kind">{kind}</span> : null}
      {/* A rollback's own words name the article (and whose edits). */}
      {revision && row.kind !== "rollback" && row.article ? (
        <a className="change-article" href={`/wiki/${slug}`}>
          {row.article.title}
        </a>
      ) : null}
      {/* A deleted article's changes stay in the journal, marked: their page is the deletion notice now. */}
      {row.article?.deleted && row.kind !== "deletion" ? (
        <span className="history-tag change-deleted">article deleted</span>
      ) : null}
      {row.sizeDelta !== null ? <SizeDelta delta={row.sizeDelta} /> : null}
      <span className="history-sep" aria-hidden="true">
        ..
      </span>
      {row.actor ? (
        <a className="history-author" href={`/user/${encodeURIComponent(row.actor)}`}>
          {row.actor}
        </a>
      ) : (
        <span className="history-author">server</span>
      )}
      {revision && row.kind !== "rollback" ? null : <ChangeAction row={row} />}
      {row.approved ? <span className="history-tag">approved</span> : null}
      {row.summary ? <span className="summary">({row.summary})</span> : null}
      {row.tags.length ? (
        <span className="history-tags">
          {row.tags.length === 1 ? "Tag:" : "Tags:"}{" "}
          {row.tags.map((tag) => (
            <span key={tag} className="history-tag">
              {tag}
            </span>
          ))}
        </span>
      ) : null}
      {actions}
    </li>
  );
}

/** The action of a non-edit row in words, its subject linked (the article, the proposal, the revision). */
function ChangeAction({ row }: { row: TRecentChangeRow }) {
  const slug = row.article ? encodeURIComponent(row.article.slug) : null;
  const text = describeAction(row);
  const link =
    row.kind === "patrol" && slug && row.revisionId
      ? row.parentRevisionId
        ? `/wiki/${slug}/diff?from=${row.parentRevisionId}&to=${row.revisionId}`
        : `/wiki/${slug}?oldid=${row.revisionId}`
      : row.kind === "talk"
        ? changePath(row)
        : row.proposalId
          ? `/proposals/${row.proposalId}`
          : slug
            ? `/wiki/${slug}`
            : row.target
              ? `/user/${encodeURIComponent(row.target)}`
              : null;
  return <span className="change-action">{link ? <a href={link}>{text}</a> : text}</span>;
}
