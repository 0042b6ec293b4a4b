"use client";

import { SOURCE_STATUS_NAMES, SOURCE_STATUSES } from "@/lib/sources/domains";
import { callApi } from "../ui/api-client";
import { ReasonAndSave } from "../ui/reason-and-save";
import { useApiForm } from "../ui/use-api-form";

/** The administrators' form of the source reliability list: a domain, its rating (or "not listed") and a public reason. */
export function SourceReliabilityForm({ domain = "" }: { domain?: string }) {
  const { error, busy, submit } = useApiForm(
    (form) =>
      callApi<{ domain: string }>("PUT", "/api/sources/reliability", {
        domain: String(form.get("domain") ?? ""),
        status: String(form.get("status") ?? ""),
        reason: String(form.get("reason") ?? ""),
      }),
    // The page confirms the change from its address, above the log that now starts with it.
    (saved) => window.location.assign(`/sources/reliability?saved=${encodeURIComponent(saved.domain)}`),
  );

  return (
    <form className="source-form" onSubmit={submit} aria-label="Rate a source">
      <label>
        Domain <input name="domain" required maxLength={300} defaultValue={domain} placeholder="example.com" />
      </label>
      <label>
        Rating{" "}
        <select name="status" defaultValue="deprecated">
          {SOURCE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status === "unlisted" ? "take off the list" : SOURCE_STATUS_NAMES[status]}
            </option>
          ))}
        </select>
      </label>
      <ReasonAndSave busy={busy} error={error} />
    </form>
  );
}
