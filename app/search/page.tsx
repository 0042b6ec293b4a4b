import { redirect } from "next/navigation";
import { SearchResults } from "@/components/search/search-results";
import { findArticle } from "@/lib/articles/read-article";
import { slugOfTitle, titleOfSlug, titleProblem } from "@/lib/articles/titles";
import { ZSearchPageQuery } from "@/lib/contracts/search";
import { getReadDb } from "@/lib/db/replicas";
import { nearestTitle, SEARCH_PAGE_SIZE, searchArticles } from "@/lib/search/search-articles";

export const metadata = { title: "Search" };

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function pageUrl(query: string, page: number): string {
  return `/search?${new URLSearchParams({ q: query, fulltext: "1", ...(page > 1 ? { page: String(page) } : {}) })}`;
}

// GET /search?q=&page=&fulltext=1 — full-text search; an exact title goes straight to its article unless fulltext=1.
export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const raw = await searchParams;
  const parsed = ZSearchPageQuery.safeParse({ q: first(raw.q), page: first(raw.page), fulltext: first(raw.fulltext) });
  const problem = parsed.success ? null : parsed.error.issues[0].message;
  const query = parsed.success ? (parsed.data.q ?? "") : (first(raw.q) ?? "").slice(0, 300);
  const page = parsed.success ? (parsed.data.page ?? 1) : 1;
  const slug = query ? slugOfTitle(query) : "";
  const exact = query && !problem && !titleProblem(query) ? await findArticle(getReadDb(), slug) : null;
  if (exact && parsed.success && !parsed.data.fulltext) redirect(`/wiki/${encodeURIComponent(exact.slug)}`);
  const answer = query && !problem ? await searchArticles({ query, page }) : null;
  const suggestion = answer && answer.total < 3 && page === 1 ? await nearestTitle({ query }) : null;
  const canCreate = query && !problem && !exact && !titleProblem(query);
  const pages = answer ? Math.ceil(answer.total / SEARCH_PAGE_SIZE) : 0;
  return (
    <div className="content-page">
      <h1 className="page-title">Search</h1>
      <form className="search-form" action="/search" method="get" role="search">
        <input type="search" name="q" defaultValue={query} aria-label="Search articles" placeholder="Search articles" />
        <input type="hidden" name="fulltext" value="1" />
        <button type="submit">Search</button>
      </form>
      {problem ? (
        <p className="notice" role="alert">
          {problem}
        </p>
      ) : null}
      {canCreate ? (
        <p className="search-create">
          There is no article titled “{titleOfSlug(slug)}”.{" "}
          <a className="new" href={`/wiki/${encodeURIComponent(slug)}/edit`}>
            Create the article “{titleOfSlug(slug)}”
          </a>
          .
        </p>
      ) : exact ? (
        <p className="search-create">
          There is an article titled <a href={`/wiki/${encodeURIComponent(exact.slug)}`}>{exact.title}</a>.
        </p>
      ) : null}
      {suggestion ? (
        <p className="search-did-you-mean">
          Did you mean: <a href={`/wiki/${encodeURIComponent(suggestion.slug)}`}>{suggestion.title}</a>?
        </p>
      ) : null}
      {answer ? (
        <>
          <p className="search-summary" role="status">
            {answer.total === 0
              ? `No article contains “${query}”.`
              : `${answer.capped ? "More than " : ""}${answer.total.toLocaleString("en")} ${answer.total === 1 ? "result" : "results"} for “${query}”${
                  pages > 1 ? ` (page ${page} of ${pages})` : ""
                }.${answer.capped ? " The best of them are listed; add words to narrow the search." : ""}`}
          </p>
          <SearchResults results={answer.results} />
          {pages > 1 ? (
            <nav className="search-paging" aria-label="Result pages">
              {page > 1 ? <a href={pageUrl(query, page - 1)}>Previous {SEARCH_PAGE_SIZE}</a> : null}
              {page < pages && page < 50 ? <a href={pageUrl(query, page + 1)}>Next {SEARCH_PAGE_SIZE}</a> : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
