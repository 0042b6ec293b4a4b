import { formatTimestamp } from "@/lib/document/format";
import { WATCH_EXPIRIES, type WatchExpiry } from "@/lib/contracts/notifications";

const EXPIRY_WORDS: Record<WatchExpiry, string> = {
  permanent: "Permanently",
  "1week": "1 week",
  "1month": "1 month",
  "3months": "3 months",
};

/** Whether the reader watches the article, as the star shows it. */
export interface WatchStarState {
  watched: boolean;
  /** ISO end of a temporary watch, or null */
  expiresAt: string | null;
}

/**
 * The article's watch star: a toggle button (aria-pressed) in a plain form,
 * because article pages run no script (their CSP allows none); the form posts
 * to `POST /api/articles/{slug}/watch`, which answers 303 back here. Its name
 * stays "Watch" whatever the state, as a toggle button's should; the pressed
 * state says whether the article is watched. Not watched yet, a menu beside
 * it chooses for how long.
 */
export function WatchStar({ slug, state }: { slug: string; state: WatchStarState }) {
  const action = `/api/articles/${encodeURIComponent(slug)}/watch`;
  return (
    <form className="watch-star" method="post" action={action}>
      <input type="hidden" name="watch" value={state.watched ? "0" : "1"} />
      <button
        type="submit"
        className="watch-star-button"
        aria-pressed={state.watched}
        title={state.watched ? "Remove this article from your watchlist" : "Add this article to your watchlist"}
      >
        <svg
          className="watch-star-icon"
          viewBox="0 0 24 24"
          width="16"
          height="16"
          aria-hidden="true"
          focusable="false"
        >
          <path
            d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"
            fill={state.watched ? "currentColor" : "none"}
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinejoin="round"
          />
        </svg>
        Watch
      </button>
      {state.watched ? (
        <span className="watch-star-note">
          {state.expiresAt ? `until ${formatTimestamp(new Date(state.expiresAt))}` : "watching"}
        </span>
      ) : (
        <select name="expiry" aria-label="Watch for how long" defaultValue="permanent">
          {WATCH_EXPIRIES.map((expiry) => (
            <option key={expiry} value={expiry}>
              {EXPIRY_WORDS[expiry]}
            </option>
          ))}
        </select>
      )}
    </form>
  );
}
