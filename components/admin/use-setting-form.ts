"use client";

import { useState, type FormEvent } from "react";
import { callApi } from "../ui/api-client";

/**
 * The submit logic of an article's setting forms (protection, pending
 * changes): the form's body as the API takes it (`expiresAt` from the
 * `expires` field as an ISO time, or null), sent with `PUT` to the article's
 * `setting` resource; on success the article opens, else the API's message is shown.
 */
export function useArticleSettingForm(
  slug: string,
  setting: "protection" | "pending-changes",
  toBody: (form: FormData, expiresAt: string | null) => unknown,
) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expires = String(form.get("expires") ?? "");
    setBusy(true);
    const url = `/api/articles/${encodeURIComponent(slug)}/${setting}`;
    const result = await callApi("PUT", url, toBody(form, expires ? new Date(expires).toISOString() : null));
    setBusy(false);
    if (!result.ok) return setError(result.error?.message ?? "The change failed.");
    window.location.assign(`/wiki/${encodeURIComponent(slug)}`);
  }

  return { error, busy, submit };
}
