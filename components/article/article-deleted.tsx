import { deletionMessage, type ArticleDeletion } from "@/lib/articles/read-article";
import { MAX_ADMIN_REASON } from "@/lib/contracts/articles";
import { HtmlPage, type Reader } from "@/components/ui/html-page";

/**
 * The page of a deleted article (status 410): who deleted it, when and why, never "start the article" (the
 * title is the deleted article's, which an administrator may restore). Administrators also get its history and
 * the restore form, a plain form that works without script (`POST /wiki/{slug}/restore`).
 */
export function DeletedArticlePage(props: {
  title: string;
  slug: string;
  currentRevisionId: number;
  deletion: ArticleDeletion;
  reader: Reader | null;
  canRestore: boolean;
}) {
  const path = `/wiki/${encodeURIComponent(props.slug)}`;
  return (
    <HtmlPage title={`${props.title} (deleted)`} reader={props.reader}>
      <article className="article article-missing article-deleted">
        <h1 className="article-title">{props.title}</h1>
        <div className="notice notice-warning" role="alert">
          <p>
            <b>{deletionMessage(props.deletion)}</b>
          </p>
          <ul>
            <li>
              <a href={`/log?type=deletion&article=${encodeURIComponent(props.slug)}`}>See the deletion log</a> for this
              article.
            </li>
            {props.canRestore ? (
              <li>
                <a href={`${path}/history`}>See its history</a> (administrators only while it is deleted).
              </li>
            ) : null}
            <li>
              <a href="/">Browse all articles</a>.
            </li>
          </ul>
        </div>
        {props.canRestore ? <RestoreForm slug={props.slug} /> : null}
      </article>
    </HtmlPage>
  );
}

/** The administrators' restore form: a required reason for the log, posted as a plain form. */
export function RestoreForm(props: { slug: string; reason?: string; error?: string }) {
  return (
    <form className="form admin-article-form" method="post" action={`/wiki/${encodeURIComponent(props.slug)}/restore`}>
      <h2>Restore this article</h2>
      <p className="form-hint">
        Restoring brings the article back exactly as it was deleted: its text, history, protection and talk page.
      </p>
      {props.error ? (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      ) : null}
      <label htmlFor="restore-reason">
        Reason (shown in the public log)
        <input
          id="restore-reason"
          name="reason"
          required
          maxLength={MAX_ADMIN_REASON}
          defaultValue={props.reason ?? ""}
          autoComplete="off"
        />
      </label>
      <button type="submit" className="button-primary">
        Restore the article
      </button>
    </form>
  );
}
