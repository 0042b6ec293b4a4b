"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TMarkReadRequest } from "@/lib/contracts/notifications";
import { callApi } from "../ui/api-client";

/**
 * A button that marks notifications read (`POST /api/notifications/read`):
 * all of them, or one; then the page is refreshed in place (the header's
 * count with it), without a full reload.
 */
export function MarkReadButton({ request, label }: { request: TMarkReadRequest; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function mark() {
    setBusy(true);
    setError(null);
    const result = await callApi("POST", "/api/notifications/read", request);
    setBusy(false);
    if (!result.ok) return setError(result.error?.message ?? "Nothing was marked read.");
    router.refresh();
  }
  return (
    <>
      <button type="button" className="button-small" onClick={mark} disabled={busy}>
        {label}
      </button>
      {error ? (
        <span className="form-error" role="alert">
          {" "}
          {error}
        </span>
      ) : null}
    </>
  );
}
