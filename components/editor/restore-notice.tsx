"use client";

import type { StoredDraft } from "./use-draft";

/** A stored draft found on load: restored at once (same base revision) or offered (older base). */
export interface RestoreOffer {
  /** "carried": section editors' drafts brought into the whole-article editor */
  kind: "restored" | "offer" | "carried";
  savedAt: string;
  draft: StoredDraft;
  /** carried: the titles of the sections whose drafts came in */
  sections?: string[];
  /** carried: section drafts left for their own editor (another revision, or changed here too) */
  kept?: Array<{ title: string; href: string }>;
}

const quoted = (titles: string[]) => titles.map((title) => `“${title}”`).join(", ");

function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "earlier";
  const sameDay = date.toDateString() === new Date().toDateString();
  const time = date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  return sameDay
    ? `today at ${time}`
    : `${date.toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" })} at ${time}`;
}

/** The notice about unsaved changes kept in this browser, with Restore / Discard. */
export function RestoreNotice({
  offer,
  onRestore,
  onDiscard,
  onDismiss,
}: {
  offer: RestoreOffer;
  onRestore: () => void;
  onDiscard: () => void;
  onDismiss: () => void;
}) {
  return (
    <div className={`notice editor-notice restore-${offer.kind}`} role="status">
      {offer.kind === "carried" ? (
        <p>
          <b>
            Your unsaved changes to the section{(offer.sections?.length ?? 0) > 1 ? "s" : ""}{" "}
            {quoted(offer.sections ?? [])} are here, in the whole article.
          </b>{" "}
          They are kept in this browser until you publish or discard them.
        </p>
      ) : offer.kind === "restored" ? (
        <p>
          <b>Your unsaved changes from {when(offer.savedAt)} were restored.</b> They are kept in this browser until you
          publish or discard them.
        </p>
      ) : (
        <p>
          <b>You have unsaved changes from {when(offer.savedAt)}</b>, made on an older revision of this page. Restore
          them to continue; publishing will merge them with what changed since
          {offer.draft.baseRevisionId ? ` revision ${offer.draft.baseRevisionId}` : ""}.
        </p>
      )}
      {offer.kind === "carried" && offer.kept?.length ? (
        <p>
          Kept apart, because the whole article changed there too or they were made on another revision: your changes to{" "}
          {offer.kept.map((kept, index) => (
            <span key={kept.href}>
              {index > 0 ? ", " : ""}
              <a href={kept.href}>“{kept.title}”</a>
            </span>
          ))}
          .
        </p>
      ) : null}
      <div className="notice-actions">
        {offer.kind === "offer" ? (
          <button type="button" className="editor-button small primary" onClick={onRestore}>
            Restore my changes
          </button>
        ) : null}
        <button type="button" className="editor-button small" onClick={onDiscard}>
          Discard
        </button>
        {offer.kind !== "offer" ? (
          <button type="button" className="editor-button small quiet" onClick={onDismiss}>
            Keep editing
          </button>
        ) : null}
      </div>
    </div>
  );
}
