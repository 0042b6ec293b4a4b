import { effectiveProtection, type StoredProtection } from "@/lib/articles/protection";
import { formatDate } from "@/lib/document/format";
import { Padlock } from "./protection-notice";

interface ArticleSummary extends StoredProtection {
  slug: string;
  title: string;
  currentRevision: { createdAt: Date; sizeBytes: number } | null;
}

/** A list of articles with protection padlocks, last edit dates and sizes. */
export function ArticleList({ articles, emptyText }: { articles: ArticleSummary[]; emptyText: string }) {
  if (articles.length === 0) return emptyText ? <p>{emptyText}</p> : null;
  return (
    <ul className="article-list">
      {articles.map((article) => {
        const protection = effectiveProtection(article);
        return (
          <li key={article.slug}>
            <a href={`/wiki/${encodeURIComponent(article.slug)}`}>{article.title}</a>
            {protection.level !== "none" ? <Padlock level={protection.level} /> : null}
            {article.currentRevision ? (
              <span className="article-list-meta">
                last edited {formatDate(article.currentRevision.createdAt.toISOString().slice(0, 10))} ·{" "}
                {article.currentRevision.sizeBytes.toLocaleString("en")} bytes
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
