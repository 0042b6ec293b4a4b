"use client";

import { useState } from "react";
import { callApi } from "@/components/ui/api-client";
import { MAX_POST_CHARS, MAX_TOPIC_TITLE_CHARS, type TTalkPosted } from "@/lib/contracts/talk";

/** Where a talk form posts without script (a plain form, answered with a redirect to the new post). */
export const talkFormAction = (slug: string) => `/wiki/${encodeURIComponent(slug)}/talk/post`;

/**
 * A new-topic or reply form. Without script it is a plain HTML form posted
 * to /wiki/{slug}/talk/post, which answers with a redirect to the new post
 * (or a page with the error and the text kept). With script it posts to the
 * JSON API instead: errors appear beside the text, nothing typed is lost,
 * and the page reloads at the new post.
 */
export function TalkForm(props: {
  slug: string;
  /** a reply: the topic and the post replied to; a new topic: neither */
  topicId?: number;
  parentId?: number;
  /** an id prefix unique on the page, for the labels */
  idPrefix: string;
  submitLabel: string;
  initial?: { title?: string; body?: string };
  error?: string | null;
}) {
  const [title, setTitle] = useState(props.initial?.title ?? "");
  const [body, setBody] = useState(props.initial?.body ?? "");
  const [error, setError] = useState<string | null>(props.error ?? null);
  const [busy, setBusy] = useState(false);
  const isTopic = props.topicId === undefined;
  const slug = encodeURIComponent(props.slug);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = isTopic
      ? await callApi<TTalkPosted>("POST", `/api/articles/${slug}/talk`, { title, body })
      : await callApi<TTalkPosted>("POST", `/api/articles/${slug}/talk/topics/${props.topicId}/replies`, {
          parentId: props.parentId ?? null,
          body,
        });
    if (!result.ok || !result.data) {
      setBusy(false);
      const wait = result.retryAfter ? ` (try again in ${result.retryAfter} s)` : "";
      return setError(`${result.error?.message ?? "Could not post."}${wait}`);
    }
    // A new query string makes it a real load (a hash alone would not), landing on the new post.
    const { post } = result.data;
    window.location.assign(`/wiki/${slug}/talk?posted=${post.id}#post-${post.id}`);
  }

  const errorId = `${props.idPrefix}-error`;
  return (
    <form
      className="form talk-form"
      method="post"
      action={talkFormAction(props.slug)}
      onSubmit={submit}
      aria-describedby={error ? errorId : undefined}
    >
      {error ? (
        <p className="form-error" id={errorId} role="alert">
          {error}
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
            value={title}
            onChange={(event) => setTitle(event.target.value)}
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
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={isTopic ? 6 : 4}
          maxLength={MAX_POST_CHARS}
          required
        />
        <span className="form-hint">
          Plain text: a blank line starts a paragraph; @name mentions a user, [[Title]] links an article. Your post is
          signed with your username and the time.
        </span>
      </label>
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? "Posting…" : props.submitLabel}
      </button>
    </form>
  );
}
