/**
 * The end of every form that calls the API: its button (disabled and relabelled while the call runs) and the
 * API's message when the change was refused (announced, as role="alert").
 */
export function SubmitAndError(props: { busy: boolean; error: string | null; label: string; busyLabel: string }) {
  return (
    <>
      <button type="submit" disabled={props.busy}>
        {props.busy ? props.busyLabel : props.label}
      </button>
      {props.error ? (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </>
  );
}

/**
 * The end of every logged admin form: the public reason, Save, and the API's
 * message when the change was refused.
 */
export function ReasonAndSave({ busy, error }: { busy: boolean; error: string | null }) {
  return (
    <>
      <label>
        Reason <input name="reason" required maxLength={500} placeholder="Shown in the public log below" />
      </label>
      <SubmitAndError busy={busy} error={error} label="Save" busyLabel="Saving…" />
    </>
  );
}
