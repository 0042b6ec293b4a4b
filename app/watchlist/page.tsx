import { WatchlistManager } from "@/components/notifications/watchlist-manager";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { formatTimestamp } from "@/lib/document/format";
import { readWatchlist, WATCHLIST_DAYS, type WatchlistEntry } from "@/lib/watchlist/read-watchlist";
import { listWatchedArticles } from "@/lib/watchlist/watched-articles";
import { DECISION_WORDS, logWords, watchlistEntryPath } from "@/lib/watchlist/watchlist-feed";

export const metadata = { title: "Watchlist" };

/** What one change says, with its links: the diff of an edit, the proposal of a proposal or decision. */
function Change({ entry }: { entry: WatchlistEntry }) {
  const slug = encodeURIComponent(entry.articleSlug);
  const user = <a href={`/user/${encodeURIComponent(entry.userName)}`}>{entry.userName}</a>;
  const article = <a href={`/wiki/${slug}`}>{entry.articleTitle}</a>;
  if (entry.kind === "edit")
    return (
      <>
        {entry.parentId ? (
          <a href={`/wiki/${slug}/diff?from=${entry.parentId}&to=${entry.revisionId}`}>diff</a>
        ) : (
          <span>new</span>
        )}{" "}
        | {article} edited by {user}
        {entry.approverName ? <> (approved by {entry.approverName})</> : null}
        {entry.summary ? <span className="change-summary"> ({entry.summary})</span> : null}
      </>
    );
  if (entry.kind === "talk")
    return (
      <>
        <a href={watchlistEntryPath(entry)}>talk</a> | {user} {entry.action === "reply" ? "replied in" : "started"} “
        {entry.summary}” on the talk page of {article}
      </>
    );
  if (entry.kind === "log")
    return (
      <>
        <a href={watchlistEntryPath(entry)}>log</a> | {user} {logWords(entry.action)} {article}
        {entry.summary ? <span className="change-summary"> ({entry.summary})</span> : null}
      </>
    );
  if (entry.kind === "proposal")
    return (
      <>
        <a href={`/proposals/${entry.proposalId}`}>proposal #{entry.proposalId}</a> | {user} proposed a change to{" "}
        {article}
        {entry.summary ? <span className="change-summary"> ({entry.summary})</span> : null}
      </>
    );
  return (
    <>
      <a href={`/proposals/${entry.proposalId}`}>proposal #{entry.proposalId}</a> | {user}{" "}
      {DECISION_WORDS[entry.action ?? ""] ?? "decided on"} a proposal to {article}
      {entry.summary ? <span className="change-summary"> ({entry.summary})</span> : null}
    </>
  );
}

// GET /watchlist — changes to the articles one watches in the last 30 days, newest first, those since the last visit
// marked (the visit marks them seen), and the list of watched articles with unwatch. Signed-in users.
export default async function WatchlistPage() {
  const viewer = await getViewer();
  if (!viewer)
    return (
      <div className="content-page">
        <h1 className="page-title">Watchlist</h1>
        <p>
          <a href="/login?returnTo=/watchlist">Sign in</a> to see the changes to the articles you watch.
        </p>
      </div>
    );
  const [watchlist, watched] = await Promise.all([
    readWatchlist({ actor: viewer, markSeen: true }),
    listWatchedArticles(getDb(), viewer.id),
  ]);
  const fresh = watchlist.entries.filter((entry) => entry.isNew).length;
  return (
    <div className="content-page">
      <h1 className="page-title">Watchlist</h1>
      <p>
        Changes in the last {WATCHLIST_DAYS} days to the {watchlist.watchedCount} article
        {watchlist.watchedCount === 1 ? "" : "s"} you watch, newest first.{" "}
        {watchlist.lastVisit
          ? `Your last visit: ${formatTimestamp(watchlist.lastVisit)}.`
          : "This is your first visit."}{" "}
        <a href="/notifications">Notifications</a>
      </p>
      {watchlist.entries.length ? (
        <>
          <p role="status">
            {fresh
              ? `${fresh} change${fresh === 1 ? "" : "s"} new since your last visit.`
              : "Nothing new since your last visit."}
          </p>
          <ul className="watchlist">
            {watchlist.entries.map((entry) => (
              <li key={`${entry.kind}-${entry.id}`} className={entry.isNew ? "watchlist-new" : undefined}>
                <time dateTime={entry.createdAt.toISOString()}>{formatTimestamp(entry.createdAt)}</time>{" "}
                {entry.isNew ? <b className="new-badge">new since your last visit</b> : null} <Change entry={entry} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>No changes to the articles you watch in the last {WATCHLIST_DAYS} days.</p>
      )}
      <h2 id="manage">Manage watchlist</h2>
      <WatchlistManager
        items={watched.map((item) => ({
          slug: item.slug,
          title: item.title,
          until: item.expiresAt ? `until ${formatTimestamp(item.expiresAt)}` : null,
        }))}
      />
    </div>
  );
}
