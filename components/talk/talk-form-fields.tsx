import type { FormEvent } from "react";
import { MAX_POST_CHARS, MAX_TOPIC_TITLE_CHARS } from "@/lib/contracts/talk";

/** Where a talk form posts without script (a plain form, answered with a redirect to the new post). */
export const talkFormAction = (slug: string) => `/wiki/${encodeURIComponent(slug)}/talk/post`;

/** What a talk form is: a new topic (no topicId) or a reply to one post of a topic. */
export interface TalkFormProps {
  slug: string;
  topicId?: number;
  parentId?: number;
  /** an id prefix unique on the page, for the labels */
  idPrefix: string;
  submitLabel: string;
  initial?: { title?: string; body?: string };
}

/**
 * The talk form's HTML: a plain form posted to /wiki/{slug}/talk/post, with
 * uncontrolled fields, so it works as it is without script (and on the
 * script-free error page); TalkForm adds the script.
 */
export function TalkFormFields(
  props: TalkFormProps & {
    error?: string | null;
    busy?: boolean;
    onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  },
) {
  const isTopic = props.topicId === undefined;
  const errorId = `${props.idPrefix}-error`;
  return (
    <form
      className="form talk-form"
      method="post"
      action={talkFormAction(props.slug)}
      onSubmit={props.onSubmit}
      aria-describedby={props.error ? errorId : undefined}
    >
      {props.error ? (
        <p className="form-error" id={errorId} role="alert">
          {props.error}
        </p>
      ) : null}
      {props.topicId !== undefined ? <input type="hidden" name="topicId" value={props.topicId} /> : null}
      {props.parentId !== undefined ? <input type="hidden" name="parentId" value={props.parentId} /> : null}
      {isTopic ? (
        <label htmlFor={`${props.idPrefix}-title`}>
          Subject
          <input
            id={`${props.idPrefix}-title`}
            name="title"
            defaultValue={props.initial?.title ?? ""}
            maxLength={MAX_TOPIC_TITLE_CHARS}
            required
            autoComplete="off"
          />
        </label>
      ) : null}
      <label htmlFor={`${props.idPrefix}-body`}>
        {isTopic ? "Message" : "Your reply"}
        <textarea
          id={`${props.idPrefix}-body`}
          name="body"
          defaultValue={props.initial?.body ?? ""}
          rows={isTopic ? 6 : 4}
          maxLength={MAX_POST_CHARS}
          required
        />
        <span className="form-hint">
          Plain text: a blank line starts a paragraph; @name mentions a user, [[Title]] links an article. Your post is
          signed with your username and the time.
        </span>
      </label>
      <button type="submit" className="button-primary" disabled={props.busy}>
        {props.busy ? "Posting…" : props.submitLabel}
      </button>
    </form>
  );
}
