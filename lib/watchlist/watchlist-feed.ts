import "server-only";
import type { Actor } from "../authz/policy";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";
import { type AtomFeed, tagUri } from "../http/atom";
import { loadActor } from "../users/load-actor";
import { readWatchlist, type WatchlistEntry } from "./read-watchlist";

/** How a decision reads in the watchlist, page and feed alike. */
export const DECISION_WORDS: Record<string, string> = {
  approve: "approved",
  partial: "partially approved",
  reject: "rejected",
  request_changes: "sent back for changes",
};

/** What a log entry on the watchlist says was done to the article (its `action`: kind[:action]). Pure. */
export function logWords(action: string | null): string {
  switch (action) {
    case "deletion":
      return "deleted";
    case "restore":
      return "restored";
    case "pending-changes:enable":
      return "turned on pending changes for";
    case "pending-changes:disable":
      return "turned off pending changes for";
    case "pending-changes:accept":
      return "accepted pending changes to";
    case "protection:protect":
      return "protected";
    case "protection:unprotect":
      return "unprotected";
    default:
      return "changed the protection of";
  }
}

/** Where a watchlist entry leads: an edit's diff, a proposal, a talk post. Pure. */
export function watchlistEntryPath(entry: WatchlistEntry): string {
  const slug = encodeURIComponent(entry.articleSlug);
  if (entry.kind === "edit")
    return entry.parentId
      ? `/wiki/${slug}/diff?from=${entry.parentId}&to=${entry.revisionId}`
      : `/wiki/${slug}?oldid=${entry.revisionId}`;
  if (entry.kind === "talk") return `/wiki/${slug}/talk#post-${entry.id}`;
  if (entry.kind === "log") return `/log?type=${(entry.action ?? "").split(":")[0]}&article=${slug}`;
  return `/proposals/${entry.proposalId}`;
}

/** One line for a watchlist entry in the feed, as plain text (the Atom serializer escapes it). Pure. */
export function watchlistEntryText(entry: WatchlistEntry): string {
  const title = `“${entry.articleTitle}”`;
  switch (entry.kind) {
    case "edit":
      return `${entry.userName} edited ${title}${entry.approverName ? ` (approved by ${entry.approverName})` : ""}`;
    case "proposal":
      return `${entry.userName} proposed a change (#${entry.proposalId}) to ${title}`;
    case "decision":
      return `${entry.userName} ${DECISION_WORDS[entry.action ?? ""] ?? "decided on"} proposal #${entry.proposalId} to ${title}`;
    case "talk":
      return `${entry.userName} ${entry.action === "reply" ? "replied in" : "started"} “${entry.summary}” on the talk page of ${title}`;
    case "log":
      return `${entry.userName} ${logWords(entry.action)} ${title}${entry.summary ? ` (${entry.summary})` : ""}`;
  }
}

/**
 * A user's watchlist as a private Atom feed, found by the feed token alone
 * (feed readers send no session cookie). The token is 256 random bits, looked
 * up by its unique index; an unknown or rotated token is a 404, the same as a
 * feed that never existed, so a guess learns nothing. Reading the feed does
 * not mark the watchlist seen (only the page's visit does).
 */
export async function readWatchlistFeed(options: {
  token: string;
  site: { origin: string; host: string };
  db?: Db;
}): Promise<AtomFeed> {
  const db = options.db ?? getDb();
  const owner = await db.user.findUnique({ where: { feedToken: options.token }, select: { id: true, name: true } });
  const actor: Actor | null = owner ? await loadActor(db, owner.id) : null;
  if (!owner || !actor) throw new WikiError("not_found", "token: there is no watchlist feed with this token.");
  const { entries } = await readWatchlist({ actor, db });
  const { origin, host } = options.site;
  return {
    id: tagUri(host, `watchlist/${owner.id}`),
    title: `Watchlist of ${owner.name}`,
    subtitle: "Changes to the articles you watch, newest first",
    self: `${origin}/watchlist/feed?token=${encodeURIComponent(options.token)}`,
    link: `${origin}/watchlist`,
    updated: entries[0]?.createdAt ?? new Date(0),
    entries: entries.map((entry) => ({
      id: tagUri(host, `watchlist/${owner.id}/${entry.kind}/${entry.id}`),
      title: watchlistEntryText(entry),
      updated: entry.createdAt,
      link: `${origin}${watchlistEntryPath(entry)}`,
      author: entry.userName,
      summary: entry.kind === "talk" ? undefined : entry.summary || undefined,
      categories: [entry.kind],
    })),
  };
}
