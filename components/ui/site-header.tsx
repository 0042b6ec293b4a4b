import type { ReactNode } from "react";
import { formatTimestamp } from "@/lib/document/format";
/** The signed-in reader as every reader view's header shows them: name, and the review queue's size for reviewers. */
export interface Reader {
  name: string;
  /** open proposals, for reviewers; null for everyone else */
  reviewCount: number | null;
  /** unread notifications, counted up to UNREAD_CAP (lib/notifications/read-notifications.ts) */
  unreadCount?: number;
  /** may change rights and blocks: the header links to the admin pages */
  isAdmin?: boolean;
  /** the block in force on this account, shown on every page before anything it stops (ISO end, or null: indefinite) */
  block?: { until: string | null; reason: string } | null;
}

/**
 * The site header: a skip link, name, title search and the account links.
 * Plain HTML; on App Router pages the search box suggests titles (components/ui/search-suggest.tsx).
 */
export function SiteHeader({
  reader,
  query,
  searchBox,
}: {
  reader: Reader | null;
  query?: string;
  /** the search box with suggestions (App Router pages, which run script); script-free views keep the plain input */
  searchBox?: ReactNode;
}) {
  const userName = reader?.name;
  const reviewCount = reader?.reviewCount;
  return (
    <header className="site-header">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <a className="site-logo" href="/">
        <span className="site-logo-mark" aria-hidden="true">
          W
        </span>
        <span className="site-logo-text">Wiki</span>
      </a>
      <form className="site-search" role="search" action="/search" method="get">
        {searchBox ?? (
          <input
            type="search"
            name="q"
            placeholder="Search articles"
            aria-label="Search articles"
            defaultValue={query}
            autoComplete="off"
          />
        )}
        <button type="submit">Search</button>
      </form>
      <nav className="site-tools" aria-label="Site">
        <a href="/recent-changes">Recent changes</a>
        <a href="/log">Log</a>
        <a href="/worklists">Worklists</a>
      </nav>
      <nav className="site-account" aria-label="Account">
        {typeof reviewCount === "number" ? (
          // The accessible name starts with what is shown ("Review 3"), as WCAG's label-in-name asks.
          <a href="/review" className="review-count">
            Review <span className="count-badge">{reviewCount}</span>
            <span className="visually-hidden"> open proposals</span>
          </a>
        ) : null}
        {userName ? (
          <>
            <NotificationsLink unread={reader?.unreadCount ?? 0} />
            <a href="/watchlist">Watchlist</a>
            {reader?.isAdmin ? <a href="/admin">Admin</a> : null}
            <a href={`/user/${encodeURIComponent(userName)}`}>{userName}</a>
            <a href="/logout">Sign out</a>
          </>
        ) : (
          <>
            <a href="/register">Create account</a>
            <a href="/login">Sign in</a>
          </>
        )}
      </nav>
    </header>
  );
}

/** The most unread notifications the header shows as a number; more is "99+". */
const SHOWN_UNREAD = 99;

/**
 * The header's link to the inbox with the unread count. The accessible name
 * starts with what is shown ("Notifications 3") and says what the number is.
 */
function NotificationsLink({ unread }: { unread: number }) {
  const shown = unread > SHOWN_UNREAD ? `${SHOWN_UNREAD}+` : String(unread);
  return (
    <a href="/notifications" className="notifications-count">
      Notifications
      {unread > 0 ? (
        <>
          {" "}
          <span className="count-badge">{shown}</span>
          <span className="visually-hidden"> unread</span>
        </>
      ) : null}
    </a>
  );
}

/**
 * Says up front that the signed-in account is blocked, with its end and
 * reason, on every page: a blocked user learns of it before trying to edit,
 * propose or comment, not after (the pages also stop offering those).
 */
export function BlockNotice({ reader }: { reader: Reader | null }) {
  const block = reader?.block;
  if (!block || !reader) return null;
  return (
    <div className="notice notice-warning block-notice" role="note" aria-label="Your account is blocked">
      <b>Your account is blocked</b> from editing, proposing and commenting{" "}
      {block.until ? `until ${formatTimestamp(new Date(block.until))}` : "indefinitely"}
      {block.reason ? `: ${block.reason}` : "."} You can still read every page.{" "}
      <a href={`/user/${encodeURIComponent(reader.name)}`}>Your account</a>
    </div>
  );
}

/** The site footer, with the colour scheme switch (a plain form: no script, and the page HTML stays the same for all). */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Text is available under the Creative Commons Attribution-ShareAlike License. Every change is kept in the page
        history.
      </p>
      <form className="theme-switch" method="post" action="/api/preferences/theme">
        <label htmlFor="theme-choice">Colours</label>
        <select id="theme-choice" name="theme" defaultValue="auto">
          <option value="auto">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
        <button type="submit">Apply</button>
      </form>
    </footer>
  );
}
