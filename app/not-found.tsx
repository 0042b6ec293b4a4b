import type { Metadata } from "next";

export const metadata: Metadata = { title: "No such page", robots: { index: false } };

/**
 * The site's own "not found" page for every page that calls `notFound()` (an unknown user, proposal,
 * notification or talk page) and every address nothing answers: in the site's frame (header, search, footer)
 * with a way on, never the framework's bare page. The reader views (articles, history, diffs) answer a missing
 * article themselves, with the offer to start it.
 */
export default function NotFound() {
  return (
    <div className="content-page narrow">
      <h1 className="page-title">No such page</h1>
      <p>There is nothing at this address. It may have been mistyped, or what it named may have been removed.</p>
      <ul>
        <li>
          <a href="/search">Search the wiki</a> for what you were looking for.
        </li>
        <li>
          <a href="/">Browse all articles</a>, or see <a href="/recent-changes">recent changes</a>.
        </li>
      </ul>
    </div>
  );
}
