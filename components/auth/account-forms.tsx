"use client";

import { useState, type FormEvent } from "react";
import type { TAccountResponse, TChangePasswordRequest } from "@/lib/contracts/account";
import { callApi } from "../ui/api-client";

/** Changes one's password (the current one required); other sessions end, this one stays signed in. */
export function ChangePasswordForm() {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("confirm") ?? ""))
      return setMessage({ error: true, text: "The two new passwords differ." });
    setBusy(true);
    setMessage(null);
    const request: TChangePasswordRequest = { currentPassword: String(form.get("currentPassword") ?? ""), newPassword };
    const result = await callApi<TAccountResponse>("POST", "/api/account/password", request);
    setBusy(false);
    if (!result.ok) return setMessage({ error: true, text: result.error?.message ?? "The password was not changed." });
    formElement.reset();
    setMessage({ error: false, text: "Your password was changed. Every other session has been signed out." });
  }

  return (
    <form className="form" onSubmit={submit}>
      {message ? (
        <p className={message.error ? "form-error" : "form-ok"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
      <label>
        Current password
        <input name="currentPassword" type="password" autoComplete="current-password" required maxLength={1000} />
      </label>
      <label>
        New password
        <input name="newPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={200} />
      </label>
      <label>
        Confirm new password
        <input name="confirm" type="password" autoComplete="new-password" required />
      </label>
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}

/** Ends every session of this account, on every device, this one included. */
export function SignOutEverywhereButton() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function signOutEverywhere() {
    setBusy(true);
    const result = await callApi<TAccountResponse>("POST", "/api/account/sign-out-everywhere", {});
    if (!result.ok) {
      setBusy(false);
      return setError(result.error?.message ?? "Could not sign out everywhere.");
    }
    window.location.assign("/");
  }
  return (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" className="button-danger" onClick={signOutEverywhere} disabled={busy}>
        {busy ? "Signing out everywhere…" : "Sign out everywhere"}
      </button>
    </>
  );
}
