"use client";

import { useState } from "react";
import type { TWatchResponse } from "@/lib/contracts/notifications";
import { callApi } from "../ui/api-client";

/** One watched article as "manage watchlist" lists it. */
export interface WatchedItem {
  slug: string;
  title: string;
  /** the watch's end, already worded ("until 10:00, 10 December 2026"), or null when permanent */
  until: string | null;
}

/**
 * The list of watched articles with an unwatch button each: the button asks
 * the API (`DELETE /api/articles/{slug}/watch`) and takes the row away
 * without reloading the page; a failure is said next to it.
 */
export function WatchlistManager({ items }: { items: WatchedItem[] }) {
  const [shown, setShown] = useState(items);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  async function unwatch(item: WatchedItem) {
    setBusy(item.slug);
    setError(null);
    const result = await callApi<TWatchResponse>("DELETE", `/api/articles/${encodeURIComponent(item.slug)}/watch`, {});
    setBusy(null);
    if (!result.ok) return setError(result.error?.message ?? "The article was not removed.");
    setShown((rows) => rows.filter((row) => row.slug !== item.slug));
    setStatus(`Removed “${item.title}” from your watchlist.`);
  }
  if (!shown.length) return <p>You watch no articles. Use the star on an article to watch it.</p>;
  return (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <ul className="watched-list">
        {shown.map((item) => (
          <li key={item.slug}>
            <a href={`/wiki/${encodeURIComponent(item.slug)}`}>{item.title}</a>
            {item.until ? <span className="watched-until"> ({item.until})</span> : null}{" "}
            <button
              type="button"
              className="button-small"
              onClick={() => unwatch(item)}
              disabled={busy === item.slug}
              aria-label={`Unwatch ${item.title}`}
            >
              {busy === item.slug ? "Removing…" : "Unwatch"}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
