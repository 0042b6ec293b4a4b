"use client";

import { ExpiryAndReasonFields } from "./setting-fields";
import { useArticleSettingForm } from "./use-setting-form";

const LEVELS = [
  ["none", "No protection: any signed-in user may edit"],
  ["semi", "Semi-protection: autoconfirmed accounts (4 days, 10 edits)"],
  ["extended", "Extended-confirmed protection: 30 days and 500 edits"],
  ["full", "Full protection: administrators only"],
] as const;

/** The admin form that sets an article's protection level, expiry and reason. */
export function ProtectionForm({ slug, level }: { slug: string; level: string }) {
  const { error, busy, submit } = useArticleSettingForm(slug, "protection", (form, expiresAt) => ({
    level: String(form.get("level")),
    expiresAt,
    reason: String(form.get("reason") ?? ""),
  }));

  return (
    <form className="form" onSubmit={submit}>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <fieldset>
        <legend>Protection level</legend>
        {LEVELS.map(([value, label]) => (
          <label key={value} className="radio">
            <input type="radio" name="level" value={value} defaultChecked={value === level} /> {label}
          </label>
        ))}
      </fieldset>
      <ExpiryAndReasonFields
        expiresLabel="Expires"
        expiryHint="Leave empty for no expiry. Expired protection stops applying by itself."
        reasonLabel="Reason"
        reasonPlaceholder="Shown in the public protection log"
      />
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? "Saving…" : "Confirm"}
      </button>
    </form>
  );
}
