import { HtmlPage, type Reader } from "@/components/ui/html-page";
import { MAX_ADMIN_REASON } from "@/lib/contracts/articles";
import { MAX_TITLE_LENGTH } from "@/lib/articles/titles";
import { RestoreForm } from "./article-deleted";

/**
 * The administrators' pages of an article's deletion and move (`/wiki/{slug}/delete`, `/wiki/{slug}/move`):
 * plain forms posted without script (`POST /wiki/{slug}/delete` | `move`, components/ui/form-action.ts), each
 * naming the head revision seen (`expectedHeadId`), so a change made meanwhile is refused rather than deleted
 * or moved unseen. A refusal comes back as the same page with the message and the fields as typed.
 */

interface AdminFormProps {
  slug: string;
  title: string;
  /** the head the administrator saw; null when the form came back with an error and none was sent */
  headId: number | null;
  reader: Reader | null;
  /** why the viewer may not do it (not an administrator, blocked), instead of the form */
  refusal?: string | null;
  error?: string;
  fields?: Record<string, string>;
}

function ArticleLinks({ slug }: { slug: string }) {
  const path = `/wiki/${encodeURIComponent(slug)}`;
  return (
    <p>
      <a href={path}>Back to the article</a> · <a href={`${path}/history`}>History</a> ·{" "}
      <a href={`${path}/links`}>What links here</a>
    </p>
  );
}

function Refusal({ reason, slug, action }: { reason: string; slug: string; action: string }) {
  return (
    <div className="notice" role="note">
      <p>{reason}</p>
      <p>
        <a href={`/login?returnTo=${encodeURIComponent(`/wiki/${slug}/${action}`)}`}>Sign in</a> as an administrator to
        continue.
      </p>
    </div>
  );
}

function FormError({ error }: { error?: string }) {
  return error ? (
    <p className="form-error" role="alert">
      {error}
    </p>
  ) : null;
}

/** `/wiki/{slug}/delete`: what deleting does, and the form with its required reason. */
export function DeleteArticlePage(props: AdminFormProps) {
  const heading = `Delete “${props.title}”`;
  return (
    <HtmlPage title={heading} reader={props.reader}>
      <div className="content-page narrow">
        <h1 className="page-title">{heading}</h1>
        <ArticleLinks slug={props.slug} />
        {props.refusal ? (
          <Refusal reason={props.refusal} slug={props.slug} action="delete" />
        ) : (
          <form
            className="form admin-article-form"
            method="post"
            action={`/wiki/${encodeURIComponent(props.slug)}/delete`}
          >
            <p>
              Readers will get a page saying who deleted the article, when and why; it leaves search, and links to it
              turn red. Nothing is erased: its revisions stay, administrators still see its history, and it can be
              restored exactly as it is.
            </p>
            <FormError error={props.error} />
            {props.headId !== null ? <input type="hidden" name="expectedHeadId" value={props.headId} /> : null}
            <label htmlFor="delete-reason">
              Reason (shown on the deletion page and in the public log)
              <input
                id="delete-reason"
                name="reason"
                required
                maxLength={MAX_ADMIN_REASON}
                defaultValue={props.fields?.reason ?? ""}
                autoComplete="off"
              />
            </label>
            <button type="submit" className="button-danger">
              Delete the article
            </button>
          </form>
        )}
      </div>
    </HtmlPage>
  );
}

/** `/wiki/{slug}/move`: the new title, the reason, and what a move does. */
export function MoveArticlePage(props: AdminFormProps) {
  const heading = `Move “${props.title}”`;
  return (
    <HtmlPage title={heading} reader={props.reader}>
      <div className="content-page narrow">
        <h1 className="page-title">{heading}</h1>
        <ArticleLinks slug={props.slug} />
        {props.refusal ? (
          <Refusal reason={props.refusal} slug={props.slug} action="move" />
        ) : (
          <form
            className="form admin-article-form"
            method="post"
            action={`/wiki/${encodeURIComponent(props.slug)}/move`}
          >
            <p>
              The article, its history and its talk page move to the new title; the old title becomes a redirect to it.
              The move is recorded as a revision that changes only the title.
            </p>
            <FormError error={props.error} />
            {props.headId !== null ? <input type="hidden" name="expectedHeadId" value={props.headId} /> : null}
            <label htmlFor="move-title">
              New title
              <input
                id="move-title"
                name="title"
                required
                maxLength={MAX_TITLE_LENGTH}
                defaultValue={props.fields?.title ?? props.title}
                autoComplete="off"
              />
            </label>
            <label htmlFor="move-reason">
              Reason (shown in the public log)
              <input
                id="move-reason"
                name="reason"
                required
                maxLength={MAX_ADMIN_REASON}
                defaultValue={props.fields?.reason ?? ""}
                autoComplete="off"
              />
            </label>
            <button type="submit" className="button-primary">
              Move the article
            </button>
          </form>
        )}
      </div>
    </HtmlPage>
  );
}

/** What a restore form sent without script gets when it was refused: the message and the form again. */
export function RestoreProblemPage(props: { slug: string; error: string; reason: string; reader: Reader | null }) {
  return (
    <HtmlPage title="The article was not restored" reader={props.reader}>
      <div className="content-page narrow">
        <h1 className="page-title">The article was not restored</h1>
        <ArticleLinks slug={props.slug} />
        <RestoreForm slug={props.slug} error={props.error} reason={props.reason} />
      </div>
    </HtmlPage>
  );
}
