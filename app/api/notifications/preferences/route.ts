import { ZNotificationPreferencesSchema } from "@/lib/contracts/notifications";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { setNotificationPreferences } from "@/lib/notifications/set-preferences";

// PUT /api/notifications/preferences — web and email on or off per notification type, and the email address. Signed-in users.
export const PUT = mutation({
  schema: ZNotificationPreferencesSchema,
  bodyLimit: 8192,
  async handler({ input, actor }) {
    return json(await setNotificationPreferences({ actor, request: input }));
  },
});
