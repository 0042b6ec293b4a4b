"use client";

/** The result of a call to the JSON API from the browser. */
export interface ApiResult<T> {
  ok: boolean;
  status: number;
  data: T | null;
  error: { code: string; message: string; details?: unknown } | null;
  retryAfter: number | null;
}

/** Calls the JSON API (same origin, session cookie) and returns data or the API's error. */
export async function callApi<T = unknown>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return {
      ok: false,
      status: 0,
      data: null,
      error: { code: "network", message: "Could not reach the server. Check your connection; nothing was lost." },
      retryAfter: null,
    };
  }
  const payload = await response.json().catch(() => null);
  const retryAfter = Number(response.headers.get("retry-after")) || null;
  if (!response.ok) {
    return {
      ok: false,
      status: response.status,
      data: null,
      error: payload?.error ?? { code: "http", message: `The server answered ${response.status}.` },
      retryAfter,
    };
  }
  return { ok: true, status: response.status, data: payload as T, error: null, retryAfter };
}

/**
 * Signs in through next-auth's credentials endpoint. Done by hand rather than
 * with `signIn()` so that a 429 (too many failures) reaches the user with its
 * retry time instead of being lost.
 */
export async function signInWithPassword(
  username: string,
  password: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const csrf = await fetch("/api/auth/csrf", { credentials: "same-origin" })
    .then((response) => response.json())
    .catch(() => null);
  if (!csrf?.csrfToken) return { ok: false, message: "Could not reach the server. Try again." };
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, username, password, json: "true" }),
    credentials: "same-origin",
  });
  if (response.status === 429) {
    const payload = await response.json().catch(() => null);
    return { ok: false, message: payload?.error?.message ?? "Too many failed sign-ins. Try again later." };
  }
  const payload = await response.json().catch(() => null);
  const failed =
    !response.ok || !payload?.url || new URL(payload.url, window.location.origin).searchParams.has("error");
  return failed ? { ok: false, message: "Incorrect username or password." } : { ok: true };
}
