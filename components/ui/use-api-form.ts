"use client";

import { useState, type FormEvent } from "react";
import type { ApiResult } from "./api-client";

/**
 * The submit logic every JSON form shares: read the form, send it with
 * `send` (one API call), show the API's message on failure, and hand the
 * answer to `onDone` on success. One place for busy state and errors, so a
 * form states only what it sends and where it goes next.
 */
export function useApiForm<T>(send: (form: FormData) => Promise<ApiResult<T>>, onDone: (data: T) => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await send(form);
    setBusy(false);
    if (!result.ok) return setError(result.error?.message ?? "The change failed.");
    onDone(result.data as T);
  }

  return { error, busy, submit };
}
