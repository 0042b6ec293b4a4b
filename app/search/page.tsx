import { redirect } from "next/navigation";
import { ArticleList } from "@/components/article/article-list";
import { listArticles } from "@/lib/articles/read-article";
import { slugOfTitle } from "@/lib/articles/titles";

export const metadata = { title: "Search" };

// GET /search?q= — title search; an exact title goes straight to its article.
export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 255) ?? "";
  const articles = query ? await listArticles({ query }) : [];
  const exact = articles.find((article) => article.slug === slugOfTitle(query));
  if (exact) redirect(`/wiki/${encodeURIComponent(exact.slug)}`);
  return (
    <div className="content-page">
      <h1 className="page-title">Search</h1>
      <form className="search-form" action="/search" method="get" role="search">
        <input type="search" name="q" defaultValue={query} aria-label="Search articles" placeholder="Search articles" />
        <button type="submit">Search</button>
      </form>
      {query ? (
        <>
          <p className="search-summary">
            {articles.length === 0
              ? `No article title contains “${query}”.`
              : `Articles whose title contains “${query}”:`}
          </p>
          <ArticleList articles={articles} emptyText="" />
        </>
      ) : null}
    </div>
  );
}
