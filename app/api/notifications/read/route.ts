import { ZMarkReadRequestSchema } from "@/lib/contracts/notifications";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { markNotificationsRead } from "@/lib/notifications/mark-read";

// POST /api/notifications/read — mark one's own notifications read: { ids: [...] } or { all: true }. Signed-in users;
// an id that is not one of theirs is 404.
export const POST = mutation({
  schema: ZMarkReadRequestSchema,
  bodyLimit: 4096,
  async handler({ input, actor }) {
    return json(await markNotificationsRead({ actor, request: input }));
  },
});
