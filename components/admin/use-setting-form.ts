"use client";

import { callApi } from "../ui/api-client";
import { useApiForm } from "../ui/use-api-form";

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
  return useApiForm(
    (form) => {
      const expires = String(form.get("expires") ?? "");
      const url = `/api/articles/${encodeURIComponent(slug)}/${setting}`;
      return callApi("PUT", url, toBody(form, expires ? new Date(expires).toISOString() : null));
    },
    () => window.location.assign(`/wiki/${encodeURIComponent(slug)}`),
  );
}
