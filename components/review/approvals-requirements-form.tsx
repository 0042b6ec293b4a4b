"use client";

import { MAX_REQUIRED_APPROVALS } from "@/lib/contracts/review";
import { callApi } from "../ui/api-client";
import { ReasonAndSave } from "../ui/reason-and-save";
import { useApiForm } from "../ui/use-api-form";

/** One protection level's row of the admin form: the number of approvals it requires, a reason, save. */
export function RequirementForm({ level, name, approvals }: { level: string; name: string; approvals: number }) {
  const { error, busy, submit } = useApiForm(
    (form) =>
      callApi("PUT", "/api/review-requirements", {
        level,
        approvals: Number(form.get("approvals")),
        reason: String(form.get("reason") ?? ""),
      }),
    () => window.location.reload(),
  );

  return (
    <form className="requirement-form" onSubmit={submit} aria-label={`Approvals required: ${name}`}>
      <label>
        Approvals{" "}
        <input name="approvals" type="number" min={1} max={MAX_REQUIRED_APPROVALS} defaultValue={approvals} required />
      </label>
      <ReasonAndSave busy={busy} error={error} />
    </form>
  );
}
