import { encodeSession, sessionSetCookie } from "@/lib/auth/session";
import { mutation } from "@/lib/http/mutation";
import { clientAddress } from "@/lib/http/origin";
import { json } from "@/lib/http/respond";
import { ZChangePasswordRequestSchema, type TAccountResponse } from "@/lib/contracts/account";
import { changePassword } from "@/lib/users/account-sessions";

// POST /api/account/password — change one's own password (the current one required). Ends the
// other sessions; this browser gets a fresh session cookie. Signed-in users.
export const POST = mutation({
  schema: ZChangePasswordRequestSchema,
  async handler({ input, request, actor }) {
    const { session } = await changePassword({
      actor,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
      clientAddress: clientAddress(request),
    });
    const response = json({ ok: true } satisfies TAccountResponse);
    response.headers.append(
      "set-cookie",
      sessionSetCookie(request.headers.get("cookie"), await encodeSession(session)),
    );
    return response;
  },
});
