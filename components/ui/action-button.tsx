"use client";

import { useState } from "react";
import { callApi } from "./api-client";

/**
 * A button that does one thing on the server at a click (patrol, rollback, accept pending changes): a POST of
 * `body` to `url`, never a link a crawler could follow. While it runs the button says `busyLabel`; done, it
 * gives way to what `done` says of the answer (a status, read out); refused, the API's message stays beside
 * it as an alert and the button can be tried again.
 */
export function ActionButton<T>(props: {
  url: string;
  body: object;
  label: string;
  busyLabel: string;
  /** the accessible name, which starts with the visible words (WCAG 2.5.3) and says what is acted on */
  ariaLabel: string;
  className?: string;
  wrapperClassName?: string;
  doneClassName: string;
  done: (data: T) => string;
}) {
  const [state, setState] = useState<{ message: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function act() {
    setBusy(true);
    const result = await callApi<T>("POST", props.url, props.body);
    setBusy(false);
    if (!result.ok || result.data === null)
      return setState({ message: result.error?.message ?? "Failed.", failed: true });
    setState({ message: props.done(result.data), failed: false });
  }

  if (state && !state.failed)
    return (
      <span role="status" className={props.doneClassName}>
        {state.message}
      </span>
    );
  return (
    <span className={props.wrapperClassName}>
      <button type="button" className={props.className} onClick={act} disabled={busy} aria-label={props.ariaLabel}>
        {busy ? props.busyLabel : props.label}
      </button>
      {state ? (
        <span role="alert" className="form-error">
          {" "}
          {state.message}
        </span>
      ) : null}
    </span>
  );
}
