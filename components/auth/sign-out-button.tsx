"use client";

import { useState } from "react";

/** Signs out through next-auth (POST with its CSRF token) and returns home. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    const csrf = await fetch("/api/auth/csrf").then((response) => response.json());
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-auth-return-redirect": "1" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, json: "true" }),
    });
    window.location.assign("/");
  }
  return (
    <button type="button" className="button-primary" onClick={signOut} disabled={busy}>
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
