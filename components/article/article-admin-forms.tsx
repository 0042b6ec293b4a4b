import { HtmlPage, type Reader } from "@/components/ui/html-page";
import { MAX_ADMIN_REASON } from "@/lib/contracts/articles";
import { MAX_TITLE_LENGTH } from "@/lib/articles/titles";
import type { ArticleAdminAction } from "@/lib/authz/article-admin";
import { RestoreForm } from "./article-deleted";

/**
 * The administrators' pages of an article's deletion and move (`/wiki/{slug}/delete`, `/wiki/{slug}/move`):
 * plain forms posted without script (`POST /wiki/{slug}/delete` | `move`, components/ui/form-action.ts), each
 * naming the head revision seen (`expectedHeadId`), so a change made meanwhile is refused rather than deleted
 * or moved unseen. A refusal comes back as the same page with the message and the fields as typed.
 */

/** The administrators' actions that have a page of their own (restore is a form on the deletion page). */
export type ArticleAdminPageAction = Exclude<ArticleAdminAction, "restore">;

export interface AdminFormProps {
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

function Refusal({ reason, slug, action }: { reason: string; slug: string; action: ArticleAdminPageAction }) {
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

/** A required one-line field with its label around it, filled with what was typed when the form came back. */
function TextField(props: {
  id: string;
  name: string;
  maxLength: number;
  defaultValue: string;
  children: React.ReactNode;
}) {
  return (
    <label htmlFor={props.id}>
      {props.children}
      <input
        id={props.id}
        name={props.name}
        required
        maxLength={props.maxLength}
        defaultValue={props.defaultValue}
        autoComplete="off"
      />
    </label>
  );
}

/**
 * The page of one administrator's action on an article: the heading, links back, and either why the viewer may
 * not (with a sign-in link) or the form posting to `/wiki/{slug}/{action}` with the head seen, the explanation,
 * any error, the action's own fields and its button.
 */
function AdminActionPage(
  props: AdminFormProps & {
    action: ArticleAdminPageAction;
    heading: string;
    explanation: string;
    submit: { label: string; className: string };
    children: React.ReactNode;
  },
) {
  return (
    <HtmlPage title={props.heading} reader={props.reader}>
      <div className="content-page narrow">
        <h1 className="page-title">{props.heading}</h1>
        <ArticleLinks slug={props.slug} />
        {props.refusal ? (
          <Refusal reason={props.refusal} slug={props.slug} action={props.action} />
        ) : (
          <form
            className="form admin-article-form"
            method="post"
            action={`/wiki/${encodeURIComponent(props.slug)}/${props.action}`}
          >
            <p>{props.explanation}</p>
            <FormError error={props.error} />
            {props.headId !== null ? <input type="hidden" name="expectedHeadId" value={props.headId} /> : null}
            {props.children}
            <button type="submit" className={props.submit.className}>
              {props.submit.label}
            </button>
          </form>
        )}
      </div>
    </HtmlPage>
  );
}

/** `/wiki/{slug}/delete`: what deleting does, and the form with its required reason. */
export function DeleteArticlePage(props: AdminFormProps) {
  return (
    <AdminActionPage
      {...props}
      action="delete"
      heading={`Delete “${props.title}”`}
      explanation="Readers will get a page saying who deleted the article, when and why; it leaves search, and links to it turn red. Nothing is erased: its revisions stay, administrators still see its history, and it can be restored exactly as it is."
      submit={{ label: "Delete the article", className: "button-danger" }}
    >
      <TextField
        id="delete-reason"
        name="reason"
        maxLength={MAX_ADMIN_REASON}
        defaultValue={props.fields?.reason ?? ""}
      >
        Reason (shown on the deletion page and in the public log)
      </TextField>
    </AdminActionPage>
  );
}

/** `/wiki/{slug}/move`: the new title, the reason, and what a move does. */
export function MoveArticlePage(props: AdminFormProps) {
  return (
    <AdminActionPage
      {...props}
      action="move"
      heading={`Move “${props.title}”`}
      explanation="The article, its history and its talk page move to the new title; the old title becomes a redirect to it. The move is recorded as a revision that changes only the title."
      submit={{ label: "Move the article", className: "button-primary" }}
    >
      <TextField
        id="move-title"
        name="title"
        maxLength={MAX_TITLE_LENGTH}
        defaultValue={props.fields?.title ?? props.title}
      >
        New title
      </TextField>
      <TextField id="move-reason" name="reason" maxLength={MAX_ADMIN_REASON} defaultValue={props.fields?.reason ?? ""}>
        Reason (shown in the public log)
      </TextField>
    </AdminActionPage>
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
