import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { signInRefusals } from "@/lib/auth/sign-in-throttle";
import { WikiError } from "@/lib/errors";
import { originProblem } from "@/lib/http/origin";
import { errorResponse } from "@/lib/http/respond";

const handler = NextAuth(authOptions);

// GET /api/auth/* — next-auth: session, CSRF token, providers. Public.
export { handler as GET };

// POST /api/auth/* — next-auth: sign in, sign out. Same-origin only. The body is
// next-auth's alone to read: the sign-in throttle runs inside the credentials
// provider on the username it checks (lib/auth/sign-in-throttle.ts), and a
// throttled attempt is answered here with 429 and Retry-After instead of
// next-auth's error redirect.
export async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const problem = originProblem(request);
  if (problem) return errorResponse(new WikiError("forbidden", `Refused: ${problem}.`));
  const refusals: { refusal?: WikiError } = {};
  const response = await signInRefusals.run(refusals, () => handler(request, context));
  return refusals.refusal ? errorResponse(refusals.refusal) : response;
}
