import { z } from "zod";
import { sessionSetCookie } from "@/lib/auth/session";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { signOutEverywhere } from "@/lib/users/account-sessions";

const ZSignOutEverywhereRequestSchema = z.strictObject({});

// POST /api/account/sign-out-everywhere — end every session of the signed-in user, this one included.
export const POST = mutation({
  schema: ZSignOutEverywhereRequestSchema,
  async handler({ request, actor }) {
    await signOutEverywhere({ actor });
    const response = json({ ok: true });
    response.headers.append("set-cookie", sessionSetCookie(request.headers.get("cookie"), null));
    return response;
  },
});
