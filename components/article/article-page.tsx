import type { RevisionView } from "@/lib/articles/read-article";
import { HtmlPage } from "@/components/ui/html-page";
import { ArticleNotFound } from "./article-not-found";
import { ArticleView } from "./article-view";

/** The full HTML page of an article revision. */
export function ArticlePage({ view, viewer }: { view: RevisionView; viewer: { name: string; canProtect: boolean; canEdit: boolean; reviewCount: number | null } | null }) {
  const title = view.isCurrent ? view.content.title : `${view.content.title} (old revision ${view.revision.id})`;
  return (
    <HtmlPage title={title} userName={viewer?.name} reviewCount={viewer?.reviewCount}>
      <ArticleView view={view} canProtect={viewer?.canProtect ?? false} editLabel={!viewer || viewer.canEdit ? "Edit" : "Propose changes"} />
    </HtmlPage>
  );
}

/** The full HTML page for an article or revision that does not exist. */
export function MissingArticlePage({ title, message, userName }: { title: string; message: string; userName?: string }) {
  return (
    <HtmlPage title={title} userName={userName}>
      <ArticleNotFound title={title} message={message} canCreate={Boolean(userName)} />
    </HtmlPage>
  );
}
