"use client";

import { useState, type FormEvent } from "react";
import { MAX_REQUIRED_APPROVALS } from "@/lib/contracts/review";
import { callApi } from "../ui/api-client";

/** One protection level's row of the admin form: the number of approvals it requires, a reason, save. */
export function RequirementForm({ level, name, approvals }: { level: string; name: string; approvals: number }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await callApi("PUT", "/api/review-requirements", {
      level,
      approvals: Number(form.get("approvals")),
      reason: String(form.get("reason") ?? ""),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error?.message ?? "The change failed.");
    window.location.reload();
  }

  return (
    <form className="requirement-form" onSubmit={submit} aria-label={`Approvals required: ${name}`}>
      <label>
        Approvals{" "}
        <input name="approvals" type="number" min={1} max={MAX_REQUIRED_APPROVALS} defaultValue={approvals} required />
      </label>
      <label>
        Reason <input name="reason" required maxLength={500} placeholder="Shown in the public log below" />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : "Save"}
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
