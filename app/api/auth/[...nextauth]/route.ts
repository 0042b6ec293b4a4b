import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { loginThrottled } from "@/lib/auth/sign-in";
import { WikiError } from "@/lib/errors";
import { clientAddress, originProblem } from "@/lib/http/origin";
import { errorResponse } from "@/lib/http/respond";

const handler = NextAuth(authOptions);

// GET /api/auth/* — next-auth: session, CSRF token, providers. Public.
export { handler as GET };

// POST /api/auth/* — next-auth: sign in, sign out. Same-origin only; sign-in
// attempts are refused with 429 while the username or the client address has
// too many recent failures (counted in the credentials provider).
export async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const problem = originProblem(request);
  if (problem) return errorResponse(new WikiError("forbidden", `Refused: ${problem}.`));
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = new URLSearchParams(await request.clone().text());
    const throttle = await loginThrottled(form.get("username") ?? "", clientAddress(request));
    if (throttle.limited) {
      return errorResponse(new WikiError("rate_limited", `Too many failed sign-ins. Try again in ${throttle.retryAfter} seconds.`, { retryAfter: throttle.retryAfter }));
    }
  }
  return handler(request, context);
}
