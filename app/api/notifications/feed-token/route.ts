import { ZRotateFeedTokenSchema } from "@/lib/contracts/notifications";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { rotateFeedToken } from "@/lib/notifications/rotate-feed-token";

// POST /api/notifications/feed-token — a new private token for one's watchlist feed (the old one stops working). Signed-in users.
export const POST = mutation({
  schema: ZRotateFeedTokenSchema,
  bodyLimit: 1024,
  async handler({ actor }) {
    return json(await rotateFeedToken({ actor }));
  },
});
