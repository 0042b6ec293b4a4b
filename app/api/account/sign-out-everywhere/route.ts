import { sessionSetCookie } from "@/lib/auth/session";
import { mutation } from "@/lib/http/mutation";
import { json } from "@/lib/http/respond";
import { ZSignOutEverywhereRequestSchema, type TAccountResponse } from "@/lib/contracts/account";
import { signOutEverywhere } from "@/lib/users/account-sessions";

// POST /api/account/sign-out-everywhere — end every session of the signed-in user, this one included.
export const POST = mutation({
  schema: ZSignOutEverywhereRequestSchema,
  async handler({ request, actor }) {
    await signOutEverywhere({ actor });
    const response = json({ ok: true } satisfies TAccountResponse);
    response.headers.append("set-cookie", sessionSetCookie(request.headers.get("cookie"), null));
    return response;
  },
});
