"use client";

import { useState, type FormEvent } from "react";
import type { TRegisterResponse } from "@/lib/contracts/users";
import { callApi, signInWithPassword } from "../ui/api-client";

/** The registration form: creates the account, then signs in and opens the user page. */
export function RegisterForm() {
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "");
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? ""))
      return setError({ field: "confirm", message: "The two passwords differ." });
    setBusy(true);
    setError(null);
    const created = await callApi<TRegisterResponse>("POST", "/api/users", { username, password });
    if (!created.ok || !created.data) {
      setBusy(false);
      const details = created.error?.details as { field?: string } | undefined;
      return setError({ field: details?.field, message: created.error?.message ?? "Registration failed." });
    }
    const signedIn = await signInWithPassword(username, password);
    if (!signedIn.ok) {
      setBusy(false);
      return setError({ message: `Your account was created, but signing in failed: ${signedIn.message}` });
    }
    window.location.assign(`/user/${encodeURIComponent(created.data.user.name)}`);
  }

  return (
    <form className="form" onSubmit={submit}>
      {error ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="form-field">
        <label htmlFor="register-username">Username</label>
        <input
          id="register-username"
          name="username"
          autoComplete="username"
          required
          maxLength={200}
          aria-invalid={error?.field === "username"}
          aria-describedby="register-username-hint"
          autoFocus
        />
        <span id="register-username-hint" className="form-hint">
          3–40 letters or digits; single spaces, hyphens, dots or apostrophes between them. Not case-sensitive.
        </span>
      </div>
      <div className="form-field">
        <label htmlFor="register-password">Password</label>
        <input
          id="register-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={200}
          aria-invalid={error?.field === "password"}
          aria-describedby="register-password-hint"
        />
        <span id="register-password-hint" className="form-hint">
          At least 8 characters, not a common password and not containing your username.
        </span>
      </div>
      <label>
        Confirm password
        <input
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={error?.field === "confirm"}
        />
      </label>
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
