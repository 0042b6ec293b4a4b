import { ArticleList } from "@/components/article/article-list";
import { listArticles } from "@/lib/articles/read-article";

export const dynamic = "force-dynamic";

// GET / — the home page: what the wiki is and every article in it.
export default async function HomePage() {
  const articles = await listArticles();
  return (
    <div className="content-page">
      <h1 className="page-title">Welcome to the Wiki</h1>
      <p className="page-intro">
        A collaborative encyclopedia for fast-moving, heavily cited articles. Every change is kept as a revision,
        protected articles take proposals for review, and every reference is cited, not copied.
      </p>
      <h2>Articles</h2>
      <ArticleList articles={articles} emptyText="There are no articles yet." />
    </div>
  );
}
