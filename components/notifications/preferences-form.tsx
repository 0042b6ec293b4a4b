"use client";

import { useState, type FormEvent } from "react";
import type { TNotificationPreferences } from "@/lib/contracts/notifications";
import type { NotificationType } from "@/lib/notifications/types";
import { callApi } from "../ui/api-client";

interface TypeChoice {
  type: NotificationType;
  label: string;
  web: boolean;
  email: boolean;
}

/**
 * Per-type choices (web and email on or off) and the email address, saved
 * together with `PUT /api/notifications/preferences`. Email boxes are offered
 * only when the wiki sends email (SMTP configured).
 */
export function NotificationPreferencesForm(props: { types: TypeChoice[]; email: string; emailAvailable: boolean }) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const request: TNotificationPreferences = {
      types: props.types.map((choice) => ({
        type: choice.type,
        web: form.get(`web-${choice.type}`) === "on",
        email: props.emailAvailable ? form.get(`email-${choice.type}`) === "on" : choice.email,
      })),
      email: props.emailAvailable ? String(form.get("email") ?? "") : props.email,
    };
    setBusy(true);
    setMessage(null);
    const result = await callApi("PUT", "/api/notifications/preferences", request);
    setBusy(false);
    setMessage(
      result.ok
        ? { error: false, text: "Your preferences were saved." }
        : { error: true, text: result.error?.message ?? "Your preferences were not saved." },
    );
  }
  return (
    <form className="form" onSubmit={submit}>
      {message ? (
        <p className={message.error ? "form-error" : "form-ok"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
      <table className="preferences-table">
        <caption className="visually-hidden">Notifications by type</caption>
        <thead>
          <tr>
            <th scope="col">Notify me when</th>
            <th scope="col">Web</th>
            {props.emailAvailable ? <th scope="col">Email</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.types.map((choice) => (
            <tr key={choice.type}>
              <th scope="row" id={`type-${choice.type}`}>
                {choice.label}
              </th>
              <td>
                <input
                  type="checkbox"
                  name={`web-${choice.type}`}
                  defaultChecked={choice.web}
                  aria-label={`${choice.label}: on the web`}
                />
              </td>
              {props.emailAvailable ? (
                <td>
                  <input
                    type="checkbox"
                    name={`email-${choice.type}`}
                    defaultChecked={choice.email}
                    aria-label={`${choice.label}: by email`}
                  />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {props.emailAvailable ? (
        <label>
          Email address for notifications (empty: no email)
          <input name="email" type="email" defaultValue={props.email} maxLength={254} autoComplete="email" />
        </label>
      ) : (
        <p>This wiki does not send email; notifications are shown here only.</p>
      )}
      <p className="form-hint">An email is sent only for types that are also on for the web.</p>
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? "Saving…" : "Save preferences"}
      </button>
    </form>
  );
}

/** Shows the private feed token and makes a new one (`POST /api/notifications/feed-token`); the old one stops working. */
export function FeedTokenControl({ token }: { token: string | null }) {
  const [current, setCurrent] = useState(token);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function rotate() {
    setBusy(true);
    setError(null);
    const result = await callApi<{ feedToken: string }>("POST", "/api/notifications/feed-token", {});
    setBusy(false);
    if (!result.ok || !result.data) return setError(result.error?.message ?? "No new token was made.");
    setCurrent(result.data.feedToken);
  }
  return (
    <div className="form">
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p role="status">
        {current ? (
          <>
            Your token: <code className="feed-token">{current}</code>. Your watchlist feed (Atom), private to whoever
            has its address: <a href={`/watchlist/feed?token=${encodeURIComponent(current)}`}>watchlist feed</a>
          </>
        ) : (
          "You have no feed token yet."
        )}
      </p>
      <button type="button" className="button-small" onClick={rotate} disabled={busy}>
        {current ? "Make a new token (the old one stops working)" : "Make a token"}
      </button>
    </div>
  );
}
