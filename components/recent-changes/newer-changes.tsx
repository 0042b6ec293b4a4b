"use client";

import { useEffect, useState } from "react";

const POLL_MS = 30_000;

/**
 * "Live enough" recent changes: every 30 seconds while the tab is visible, asks the cheap count
 * endpoint how many changes matching the page's filters came after the newest row shown, and offers
 * "N new changes — show" (a link to the first page with the same filters). No list is fetched until
 * the reader asks; a hidden tab polls nothing.
 */
export function NewerChanges({ since, query }: { since: number; query: string }) {
  const [count, setCount] = useState<{ count: number; capped: boolean } | null>(null);

  useEffect(() => {
    let stopped = false;
    async function poll() {
      if (document.visibilityState !== "visible") return;
      const params = new URLSearchParams(query);
      params.set("since", String(since));
      const response = await fetch(`/api/recent-changes/newer?${params}`, { credentials: "same-origin" }).catch(
        () => null,
      );
      const body = response?.ok ? await response.json().catch(() => null) : null;
      if (!stopped && body && typeof body.count === "number") setCount(body);
    }
    const timer = setInterval(poll, POLL_MS);
    const onVisible = () => void poll();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [since, query]);

  if (!count || count.count === 0) return <p className="newer-changes" aria-live="polite" />;
  return (
    <p className="newer-changes notice" aria-live="polite">
      {count.capped ? "More than 100" : count.count} new change{count.count === 1 ? "" : "s"} —{" "}
      <a href={`/recent-changes${query ? `?${query}` : ""}`}>show</a>
    </p>
  );
}
