"use client";

import { useState } from "react";
import { callApi } from "@/components/ui/api-client";

/** An administrator's "Hide" (or "Show again") on a talk post: the post is kept for the record either way. */
export function HidePostButton({ slug, postId, hidden }: { slug: string; postId: number; hidden: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function toggle() {
    setBusy(true);
    const result = await callApi("POST", `/api/articles/${encodeURIComponent(slug)}/talk/posts/${postId}/hide`, {
      hidden: !hidden,
    });
    if (!result.ok) {
      setBusy(false);
      return setError(result.error?.message ?? "Could not change the post.");
    }
    window.location.reload();
  }
  return (
    <span className="talk-hide">
      <button type="button" className="link-button" onClick={toggle} disabled={busy}>
        {hidden ? "Show again" : "Hide"}
      </button>
      {error ? (
        <span className="form-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
