import { z } from "zod";
import { NOTIFICATION_TYPES } from "../notifications/types";
import { ZId } from "./ids";

/*
 * The JSON API of the watchlist and notifications (app/api/articles/[slug]/watch,
 * app/api/notifications): what the routes parse and the browser's code sends.
 * Pure zod and types, so client code can import it.
 */

/** How long a watch lasts, as the star's menu offers it (MediaWiki's temporary watchlist). */
export const WATCH_EXPIRIES = ["permanent", "1week", "1month", "3months"] as const;
export type WatchExpiry = (typeof WATCH_EXPIRIES)[number];
export const ZWatchExpiry = z.enum(WATCH_EXPIRIES, { error: `must be one of ${WATCH_EXPIRIES.join(", ")}` });

/** The body of `PUT /api/articles/{slug}/watch`. */
export const ZWatchRequestSchema = z.strictObject({ expiry: ZWatchExpiry.default("permanent") });
export type TWatchRequest = z.input<typeof ZWatchRequestSchema>;

/** The body of `DELETE /api/articles/{slug}/watch` (none needed). */
export const ZUnwatchRequestSchema = z.strictObject({});

/** The form the article page's star posts without script (`POST /api/articles/{slug}/watch`). */
export const ZWatchFormSchema = z.strictObject({
  watch: z.enum(["1", "0"], { error: "must be 1 (watch) or 0 (unwatch)" }),
  expiry: ZWatchExpiry.default("permanent"),
});

/** What watching answers: whether the article is watched now, and until when (ISO, or null: for good). */
export interface TWatchResponse {
  watched: boolean;
  expiresAt: string | null;
}

/** The body of `POST /api/notifications/read`: some notifications by id, or all of them. */
export const ZMarkReadRequestSchema = z.union([
  z.strictObject({ ids: z.array(ZId).min(1, "ids: name at least one").max(100, "ids: at most 100 at a time") }),
  z.strictObject({ all: z.literal(true, { error: "all: must be true" }) }),
]);
export type TMarkReadRequest = z.input<typeof ZMarkReadRequestSchema>;

/** The body of `PUT /api/notifications/preferences`: each type's choices, and the address emails go to. */
export const ZNotificationPreferencesSchema = z.strictObject({
  types: z
    .array(z.strictObject({ type: z.enum(NOTIFICATION_TYPES), web: z.boolean(), email: z.boolean() }))
    .max(NOTIFICATION_TYPES.length),
  email: z.union([z.literal(""), z.email("email: not an email address").max(254, "email: at most 254 characters")]),
});
export type TNotificationPreferences = z.input<typeof ZNotificationPreferencesSchema>;

/** The body of `POST /api/notifications/feed-token` (none needed: it makes a new token). */
export const ZRotateFeedTokenSchema = z.strictObject({});
