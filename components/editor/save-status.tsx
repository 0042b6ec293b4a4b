"use client";

import { anchorOfTitle } from "@/lib/document/format";
import type { SaveStatus } from "./save-bar";
import type { SaveOutcome } from "./save-edit";

/**
 * Where to go after a save that succeeded, or null when the editor stays. A
 * published edit lands on the article with `?saved=1`, which has the page say
 * so (app/wiki/[slug]/route.ts).
 */
export function destinationOf(outcome: SaveOutcome, slug: string, anchorTitle: string | null): string | null {
  const article = `/wiki/${encodeURIComponent(slug)}`;
  if (outcome.kind === "saved") {
    const saved = `${article}?saved=1`;
    return anchorTitle ? `${saved}#${encodeURIComponent(anchorOfTitle(anchorTitle))}` : saved;
  }
  if (outcome.kind === "proposed") return outcome.url ?? `${article}/proposals`;
  return null;
}

/** The message under the save buttons for an outcome; every failure says the text is still there. */
export function statusOf(outcome: SaveOutcome): SaveStatus {
  switch (outcome.kind) {
    case "saved":
      return { kind: "success", message: "Published. Opening the article…" };
    case "proposed":
      return {
        kind: "success",
        message: `Your change was submitted for review${outcome.proposalId ? ` as proposal #${outcome.proposalId}` : ""}. Opening it…`,
      };
    case "unchanged":
      return {
        kind: "info",
        message: "Nothing changed: the article already reads exactly like this, so no new revision was made.",
      };
    case "invalid":
      return {
        kind: "error",
        message: `${outcome.message}${outcome.path && !outcome.message.includes(outcome.path) ? ` (at ${outcome.path})` : ""} Your text is still here.`,
      };
    case "signed-out":
      return {
        kind: "error",
        message: (
          <>
            Your session expired —{" "}
            <a
              href={`/login?returnTo=${encodeURIComponent(window.location.pathname + window.location.search)}`}
              target="_blank"
              rel="noopener"
            >
              sign in in another tab
            </a>{" "}
            and save again. Your text is kept here.
          </>
        ),
      };
    case "conflict":
      return outcome.details
        ? { kind: "error", message: "Edit conflict: both versions are shown above. Nothing you typed was lost." }
        : { kind: "error", message: `${outcome.message} Your text is still here.` };
    case "forbidden":
      return { kind: "error", message: `${outcome.message} Your text is still here.` };
    case "failed":
      return { kind: "error", message: `${outcome.message} Your text is still here; try again.` };
  }
}
