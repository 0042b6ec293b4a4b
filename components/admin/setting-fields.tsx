/** The expiry and reason fields of an article setting's form (protection, pending changes), named as the API's body. */
export function ExpiryAndReasonFields(props: {
  expiresLabel: string;
  expiryHint: string;
  reasonLabel: string;
  reasonPlaceholder: string;
}) {
  return (
    <>
      <label>
        {props.expiresLabel}
        <input name="expires" type="datetime-local" />
        <span className="form-hint">{props.expiryHint}</span>
      </label>
      <label>
        {props.reasonLabel}
        <input name="reason" required maxLength={500} placeholder={props.reasonPlaceholder} />
      </label>
    </>
  );
}
