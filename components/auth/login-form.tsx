"use client";

import { useState, type FormEvent } from "react";
import { signInWithPassword } from "../ui/api-client";

/** The sign-in form. Failure messages are the same whether or not the user exists. */
export function LoginForm({ returnTo }: { returnTo: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signInWithPassword(String(form.get("username") ?? ""), String(form.get("password") ?? ""));
    setBusy(false);
    if (!result.ok) return setError(result.message);
    window.location.assign(returnTo);
  }

  return (
    <form className="form" onSubmit={submit} aria-describedby={error ? "login-error" : undefined}>
      {error ? (
        <p id="login-error" className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <label>
        Username
        <input name="username" autoComplete="username" required maxLength={200} autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required maxLength={1000} />
      </label>
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
