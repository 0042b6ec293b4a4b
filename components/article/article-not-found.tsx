/** The helpful 404 of an article: what was asked for, and where to go from here. */
export function ArticleNotFound({ title, message }: { title: string; message: string }) {
  return (
    <article className="article article-missing">
      <h1 className="article-title">{title}</h1>
      <div className="notice">
        <p>
          <b>{message}</b>
        </p>
        <ul>
          <li>
            <a href={`/search?q=${encodeURIComponent(title)}`}>Search for “{title}”</a> in the titles of existing articles.
          </li>
          <li>
            <a href="/">Browse all articles</a>.
          </li>
        </ul>
      </div>
    </article>
  );
}
