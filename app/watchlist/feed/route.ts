import { z } from "zod";
import { feed } from "@/lib/http/feed";
import { readWatchlistFeed } from "@/lib/watchlist/watchlist-feed";

const ZWatchlistFeedQuery = z.object({
  token: z
    .string({ error: "the feed's private token is required (see Notification preferences)" })
    .regex(/^[A-Za-z0-9_-]{20,100}$/, "not a feed token"),
});

// GET /watchlist/feed?token= — one user's watchlist as an Atom feed. Private: the token (shown and rotated on
// /notifications/preferences) is the only credential a feed reader has; never cached by shared caches.
export const GET = feed({
  search: ZWatchlistFeedQuery,
  cache: "private",
  async handler({ search, origin, host }) {
    return readWatchlistFeed({ token: search.token, site: { origin, host } });
  },
});
