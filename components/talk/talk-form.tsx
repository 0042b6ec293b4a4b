"use client";

import { useState } from "react";
import { callApi } from "@/components/ui/api-client";
import type { TTalkPosted } from "@/lib/contracts/talk";
import { TalkFormFields, type TalkFormProps } from "./talk-form-fields";

/**
 * A new-topic or reply form. Without script it is the plain HTML form of
 * TalkFormFields, answered with a redirect to the new post (or a page with
 * the error and the text kept). With script it posts to the JSON API
 * instead: errors appear beside the text, nothing typed is lost, and the
 * page loads again at the new post.
 */
export function TalkForm(props: TalkFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const slug = encodeURIComponent(props.slug);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const body = String(form.get("body") ?? "");
    setBusy(true);
    setError(null);
    const result =
      props.topicId === undefined
        ? await callApi<TTalkPosted>("POST", `/api/articles/${slug}/talk`, {
            title: String(form.get("title") ?? ""),
            body,
          })
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

  return <TalkFormFields {...props} error={error} busy={busy} onSubmit={submit} />;
}
