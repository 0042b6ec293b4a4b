import type { TRecentChangeRow } from "../contracts/recent-changes";

/**
 * Plain-text wording of recent changes and log rows, shared by the pages and the Atom feeds so both
 * say the same thing. Pure; returns text (React and the Atom serializer escape it), never HTML.
 */

const LEVEL_NAMES: Record<string, string> = {
  none: "unprotected",
  semi: "semi-protected",
  extended: "extended-confirmed protected",
  full: "fully protected",
};

const DECISION_VERBS: Record<string, string> = {
  approve: "approved",
  partial: "partially approved",
  reject: "rejected",
  request_changes: "requested changes to",
};

/** What was done, without who did it ("patrolled revision 12 of Foo"); revisions say "edited Foo". */
export function describeAction(row: TRecentChangeRow): string {
  const title = row.article?.title ?? "an article";
  const details = row.details ?? {};
  const until =
    typeof details.expiresAt === "string" ? ` until ${details.expiresAt.slice(0, 16).replace("T", " ")} UTC` : "";
  switch (row.kind) {
    case "edit":
      return row.approved ? `published an approved change to ${title}` : `edited ${title}`;
    case "create":
      return `created ${title}`;
    case "rollback":
      return `rolled back edits by ${row.target ?? "a user"} to ${title}${typeof details.restoredUser === "string" ? ` (restored the last revision by ${details.restoredUser})` : ""}`;
    case "proposal":
      return `proposed a change (#${row.proposalId}) to ${title}`;
    case "decision":
      return `${DECISION_VERBS[row.action ?? ""] ?? row.action ?? "decided on"} proposal #${row.proposalId}${row.target ? ` by ${row.target}` : ""} to ${title}`;
    case "protection":
      return row.action === "unprotect"
        ? `removed the protection of ${title}`
        : `set ${title} to ${LEVEL_NAMES[String(details.level ?? row.protectionLevel)] ?? "protected"}${until}`;
    case "rights":
      return `${row.action === "revoke" ? "removed" : "granted"} the group ${String(details.group ?? "")} ${row.action === "revoke" ? "from" : "to"} ${row.target ?? "a user"}`;
    case "block":
      return row.action === "unblock"
        ? `unblocked ${row.target ?? "a user"}`
        : `blocked ${row.target ?? "a user"}${until || " indefinitely"}`;
    case "pending-changes":
      if (row.action === "accept") return `accepted pending changes to ${title} up to revision ${row.revisionId}`;
      return `turned pending changes ${row.action === "enable" ? "on" : "off"} for ${title}${until}`;
    case "patrol":
      return `marked revision ${row.revisionId} of ${title}${row.target ? ` by ${row.target}` : ""} as patrolled`;
    case "talk": {
      const topic = typeof details.topicTitle === "string" ? `“${details.topicTitle}”` : "a topic";
      return row.action === "reply"
        ? `replied in ${topic} on the talk page of ${title}`
        : `started ${topic} on the talk page of ${title}`;
    }
    case "deletion":
      return `deleted ${typeof details.title === "string" ? details.title : title}`;
    case "restore":
      return `restored ${typeof details.title === "string" ? details.title : title}`;
    case "move": {
      const from = typeof details.from === "string" ? details.from : "an article";
      const to = typeof details.to === "string" ? details.to : title;
      return `moved ${from} to ${to}`;
    }
  }
}

/** One line for a feed entry's title or a log line: who did what. */
export function describeChange(row: TRecentChangeRow): string {
  return `${row.actor ?? "The server"} ${describeAction(row)}`;
}

/** A size change as MediaWiki shows it: "+12", "−40" (a real minus sign), "0". */
export function formatSizeDelta(delta: number): string {
  if (delta > 0) return `+${delta.toLocaleString("en")}`;
  if (delta < 0) return `\u2212${Math.abs(delta).toLocaleString("en")}`;
  return "0";
}

/** The address of a change on the site (path and query): its diff, the proposal, or the log entry's subject. */
export function changePath(row: TRecentChangeRow): string {
  const slug = row.article ? encodeURIComponent(row.article.slug) : null;
  if (
    slug &&
    row.revisionId &&
    (row.kind === "edit" || row.kind === "rollback" || row.kind === "patrol" || row.kind === "move")
  ) {
    return row.parentRevisionId
      ? `/wiki/${slug}/diff?from=${row.parentRevisionId}&to=${row.revisionId}`
      : `/wiki/${slug}?oldid=${row.revisionId}`;
  }
  if (slug && row.kind === "create" && row.revisionId) return `/wiki/${slug}?oldid=${row.revisionId}`;
  if (slug && row.kind === "talk") return talkPostPath(slug, row);
  if (row.proposalId) return `/proposals/${row.proposalId}`;
  if (slug) return row.kind === "protection" || row.kind === "pending-changes" ? `/wiki/${slug}/log` : `/wiki/${slug}`;
  if (row.target) return `/user/${encodeURIComponent(row.target)}`;
  return "/log";
}

/** A talk post's address on its talk page (the slug already encoded). */
function talkPostPath(slug: string, row: TRecentChangeRow): string {
  const postId = row.details?.postId;
  return `/wiki/${slug}/talk${typeof postId === "number" ? `#post-${postId}` : ""}`;
}
