import { HtmlPage, type Reader } from "@/components/ui/html-page";
import { idFromText } from "@/lib/contracts/ids";
import { talkPath } from "@/lib/contracts/talk";
import { TalkFormFields } from "./talk-form-fields";

/**
 * The page a talk form sent without script gets when it could not be
 * posted: what went wrong, and the form again with the text as typed (so
 * nothing is lost), or a sign-in link when that is what is missing.
 */
export function TalkFormProblem(props: {
  slug: string;
  status: number;
  message: string;
  fields: Record<string, string>;
  reader: Reader | null;
}) {
  const { slug, fields } = props;
  const topicId = idFromText(fields.topicId) ?? undefined;
  const parentId = idFromText(fields.parentId) ?? undefined;
  const canRetry = slug !== "" && props.reader !== null && !props.reader.block && props.status !== 404;
  return (
    <HtmlPage title="Your post was not saved" reader={props.reader}>
      <div className="content-page talk-page">
        <h1 className="page-title">Your post was not saved</h1>
        <p className="form-error" role="alert">
          {props.message}
        </p>
        {props.status === 401 ? (
          <p>
            <a href={`/login?returnTo=${encodeURIComponent(slug ? talkPath(slug) : "/")}`}>Sign in</a>, then post again.
          </p>
        ) : null}
        {canRetry ? (
          <TalkFormFields
            slug={slug}
            topicId={topicId}
            parentId={parentId}
            idPrefix="retry"
            submitLabel={topicId === undefined ? "Start topic" : "Reply"}
            initial={{ title: fields.title, body: fields.body }}
          />
        ) : fields.body ? (
          <label className="form">
            Your text, to copy
            <textarea readOnly defaultValue={fields.body} rows={6} />
          </label>
        ) : null}
        {slug ? (
          <p>
            <a href={talkPath(slug)}>Back to the talk page</a>
          </p>
        ) : null}
      </div>
    </HtmlPage>
  );
}
