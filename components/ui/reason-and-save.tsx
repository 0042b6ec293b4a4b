/**
 * The end of every logged admin form: the public reason, Save, and the API's
 * message when the change was refused (announced, as role="alert").
 */
export function ReasonAndSave({ busy, error }: { busy: boolean; error: string | null }) {
  return (
    <>
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
    </>
  );
}
