"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { GRANTABLE_GROUPS } from "@/lib/authz/groups";
import { callApi } from "../ui/api-client";

type RightsFormAction = "grant" | "revoke" | "block" | "unblock";

/**
 * An admin's controls for one user: grant or remove a group, block or
 * unblock; every change needs a reason. Only the fields the chosen action
 * uses are shown (a group to grant or remove, an expiry to block), and the
 * outcome is said in words before the page refreshes around it.
 */
export function UserRightsForm({ name, granted, blocked }: { name: string; granted: string[]; blocked: boolean }) {
  const router = useRouter();
  const [action, setAction] = useState<RightsFormAction>("grant");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/users/${encodeURIComponent(name)}`;
  // Offer only what can be done: groups not held to grant, held ones to remove.
  const groups =
    action === "grant"
      ? GRANTABLE_GROUPS.filter((group) => !granted.includes(group))
      : GRANTABLE_GROUPS.filter((group) => granted.includes(group));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const reason = String(form.get("reason") ?? "");
    const group = String(form.get("group") ?? "");
    const expires = String(form.get("expires") ?? "");
    setBusy(true);
    setMessage(null);
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
    const done = {
      grant: `${name} is now in the ${group} group.`,
      revoke: `${name} is no longer in the ${group} group.`,
      block: expires
        ? `${name} is blocked until ${new Date(expires).toLocaleString()}.`
        : `${name} is blocked indefinitely.`,
      unblock: `${name} is no longer blocked.`,
    }[action];
    setMessage({ ok: true, text: `${done} The change is in the rights log.` });
    formElement.reset();
    setAction("grant");
    router.refresh();
  }

  return (
    <form className="inline-form rights-form" onSubmit={submit} aria-label={`Change rights of ${name}`}>
      <select
        name="action"
        aria-label="Action"
        value={action}
        onChange={(event) => setAction(event.target.value as RightsFormAction)}
      >
        <option value="grant">Grant group</option>
        {granted.length ? <option value="revoke">Remove group</option> : null}
        <option value="block">{blocked ? "Change block" : "Block"}</option>
        {blocked ? <option value="unblock">Unblock</option> : null}
      </select>
      {action === "grant" || action === "revoke" ? (
        groups.length ? (
          <select key={action} name="group" aria-label="Group" defaultValue={groups[0]}>
            {groups.map((group) => (
              <option key={group} value={group}>
                {group}
              </option>
            ))}
          </select>
        ) : (
          <span className="form-hint">{action === "grant" ? "Holds every group." : "Holds no group."}</span>
        )
      ) : null}
      {action === "block" ? (
        <input
          name="expires"
          type="datetime-local"
          aria-label="Block expires (empty: indefinite)"
          title="Block expiry (empty: indefinite)"
        />
      ) : null}
      <input name="reason" required maxLength={500} placeholder="Reason (public)" aria-label="Reason" />
      <button type="submit" disabled={busy || ((action === "grant" || action === "revoke") && !groups.length)}>
        Apply
      </button>
      <span role="status" className={message?.ok ? "form-ok" : "form-error"}>
        {message?.text}
      </span>
    </form>
  );
}
