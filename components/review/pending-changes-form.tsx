"use client";

import type { TSetPendingChangesRequest } from "@/lib/contracts/articles";
import { ExpiryAndReasonFields } from "../admin/setting-fields";
import { useArticleSettingForm } from "../admin/use-setting-form";

/**
 * The admin form beside the protection form: pending changes on (with an
 * optional expiry) or off, and the reason for the public log.
 */
export function PendingChangesForm({ slug, enabled }: { slug: string; enabled: boolean }) {
  const { error, busy, submit } = useArticleSettingForm(
    slug,
    "pending-changes",
    (form, expiresAt): TSetPendingChangesRequest => ({
      enabled: form.get("pending") === "on",
      expiresAt,
      reason: String(form.get("reason") ?? ""),
    }),
  );

  return (
    <form className="form pending-changes-form" onSubmit={submit} aria-labelledby="pending-changes-heading">
      <h2 id="pending-changes-heading">Pending changes</h2>
      <p className="form-hint">
        Under pending changes, everyone allowed to edit still saves, but readers see the last accepted revision until a
        reviewer accepts the newer ones. Edits by reviewers are accepted at once when nothing is pending.
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <fieldset>
        <legend>Setting</legend>
        <label className="radio">
          <input type="radio" name="pending" value="on" defaultChecked={enabled} /> On: readers see accepted revisions
        </label>
        <label className="radio">
          <input type="radio" name="pending" value="off" defaultChecked={!enabled} /> Off: readers see the latest
          revision
        </label>
      </fieldset>
      <ExpiryAndReasonFields
        expiresLabel="Pending changes expire"
        expiryHint="Leave empty for no expiry. When it expires, readers see the latest revision."
        reasonLabel="Reason for pending changes"
        reasonPlaceholder="Shown in the public log"
      />
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? "Saving…" : "Set pending changes"}
      </button>
    </form>
  );
}
