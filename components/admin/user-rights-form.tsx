"use client";

import { useState, type FormEvent } from "react";
import { GRANTABLE_GROUPS } from "@/lib/authz/groups";
import { callApi } from "../ui/api-client";

/** An admin's controls for one user: grant or remove a group, block or unblock; every change needs a reason. */
export function UserRightsForm({ name, granted, blocked }: { name: string; granted: string[]; blocked: boolean }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/users/${encodeURIComponent(name)}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const action = String(form.get("action"));
    const reason = String(form.get("reason") ?? "");
    const group = String(form.get("group") ?? "");
    const expires = String(form.get("expires") ?? "");
    setBusy(true);
    const result =
      action === "grant"
        ? await callApi("POST", `${base}/groups`, { group, reason })
        : action === "revoke"
          ? await callApi("DELETE", `${base}/groups/${encodeURIComponent(group)}`, { reason })
          : action === "block"
            ? await callApi("PUT", `${base}/block`, {
                reason,
                expiresAt: expires ? new Date(expires).toISOString() : null,
              })
            : await callApi("DELETE", `${base}/block`, { reason });
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.error?.message ?? "The change failed." });
    setMessage({ ok: true, text: "Saved." });
    window.location.reload();
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-label={`Change rights of ${name}`}>
      <select name="action" aria-label="Action" defaultValue="grant">
        <option value="grant">Grant group</option>
        <option value="revoke">Remove group</option>
        <option value="block">{blocked ? "Change block" : "Block"}</option>
        {blocked ? <option value="unblock">Unblock</option> : null}
      </select>
      <select
        name="group"
        aria-label="Group"
        defaultValue={GRANTABLE_GROUPS.find((group) => !granted.includes(group)) ?? GRANTABLE_GROUPS[0]}
      >
        {GRANTABLE_GROUPS.map((group) => (
          <option key={group} value={group}>
            {group}
          </option>
        ))}
      </select>
      <input
        name="expires"
        type="datetime-local"
        aria-label="Block expires (empty: indefinite)"
        title="Block expiry (empty: indefinite)"
      />
      <input name="reason" required maxLength={500} placeholder="Reason (public)" aria-label="Reason" />
      <button type="submit" disabled={busy}>
        Apply
      </button>
      {message ? (
        <span role="status" className={message.ok ? "form-ok" : "form-error"}>
          {message.text}
        </span>
      ) : null}
    </form>
  );
}
