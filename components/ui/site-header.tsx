/** The site header: name, title search and the account link. Plain HTML, no client script. */
export function SiteHeader({
  userName,
  query,
  reviewCount,
}: {
  userName?: string | null;
  query?: string;
  reviewCount?: number | null;
}) {
  return (
    <header className="site-header">
      <a className="site-logo" href="/">
        <span className="site-logo-mark" aria-hidden="true">
          W
        </span>
        <span className="site-logo-text">Wiki</span>
      </a>
      <form className="site-search" role="search" action="/search" method="get">
        <input
          type="search"
          name="q"
          placeholder="Search articles"
          aria-label="Search articles"
          defaultValue={query}
          autoComplete="off"
        />
        <button type="submit">Search</button>
      </form>
      <nav className="site-account" aria-label="Account">
        {typeof reviewCount === "number" ? (
          <a href="/review" className="review-count" aria-label={`${reviewCount} open proposals to review`}>
            Review <span className="count-badge">{reviewCount}</span>
          </a>
        ) : null}
        {userName ? (
          <>
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

/** The site footer. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>
        Text is available under the Creative Commons Attribution-ShareAlike License. Every change is kept in the page
        history.
      </p>
    </footer>
  );
}
