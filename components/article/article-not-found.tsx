import { slugOfTitle, titleProblem } from "@/lib/articles/titles";

/** The helpful 404 of an article: what was asked for, and where to go from here. */
export function ArticleNotFound({ title, message, canCreate }: { title: string; message: string; canCreate: boolean }) {
  const problem = titleProblem(title);
  return (
    <article className="article article-missing">
      <h1 className="article-title">{title}</h1>
      <div className="notice">
        <p>
          <b>{message}</b>
        </p>
        <ul>
          {problem ? (
            <li>{problem}</li>
          ) : (
            <li>
              <a href={`/wiki/${encodeURIComponent(slugOfTitle(title))}/edit`}>Start the article “{title}”</a>
              {canCreate ? "." : " (you will be asked to sign in)."}
            </li>
          )}
          <li>
            <a href={`/search?q=${encodeURIComponent(title)}`}>Search for “{title}”</a> in the titles of existing
            articles.
          </li>
          <li>
            <a href="/">Browse all articles</a>.
          </li>
        </ul>
      </div>
    </article>
  );
}

/**
 * The error of a request about an article that exists: a revision that is not
 * one of its own, a diff of revisions of another article, a malformed
 * parameter. Says what is wrong and leads to the article and its history.
 */
export function ArticleProblem({ title, slug, message }: { title: string; slug: string; message: string }) {
  const path = `/wiki/${encodeURIComponent(slug)}`;
  return (
    <article className="article article-missing">
      <h1 className="article-title">{title}</h1>
      <div className="notice" role="alert">
        <p>
          <b>{message}</b>
        </p>
        <ul>
          <li>
            <a href={path}>Read the current revision of “{title}”</a>.
          </li>
          <li>
            <a href={`${path}/history`}>See its history</a> for the revisions it has.
          </li>
        </ul>
      </div>
    </article>
  );
}
