import { NextResponse, type NextRequest } from "next/server";
import { CALLBACK_URL_COOKIES, nextAuthCanRead } from "./lib/http/return-path";
import { contentSecurityPolicy, securityHeaders } from "./lib/http/security-headers.mjs";
import { addressProblem } from "./lib/http/well-formed";

/**
 * Security headers on every response, with a fresh nonce per request so that
 * Next's own inline scripts run and nothing else does: no 'unsafe-inline'
 * scripts. This is defence in depth only: authorization never lives here
 * (proxies can be bypassed; every mutation checks on the server). The article,
 * diff and history views are excluded by the matcher: they run no script and set a
 * script-free policy themselves (lib/http/html.ts), and so is the JSON API
 * (lib/http/respond.ts), whose bodies Next would otherwise read in full first.
 */
export function proxy(request: NextRequest) {
  // A malformed percent-escape would make Next answer a bare 500 before any route runs; a NUL fails any query.
  const problem = addressProblem(request.nextUrl);
  if (problem) {
    const refusal = NextResponse.json({ error: { code: "bad_request", message: problem } }, { status: 400 });
    for (const [name, value] of Object.entries(
      securityHeaders(contentSecurityPolicy("none"), request.nextUrl.protocol === "https:"),
    ))
      refusal.headers.set(name, value);
    return refusal;
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV !== "production" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  // A callbackUrl parameter or cookie that next-auth cannot read would be its 500: dropped before it sees it.
  let rewrite: URL | null = null;
  const dropped: string[] = [];
  if (request.nextUrl.pathname.startsWith("/api/auth/")) {
    const parameter = request.nextUrl.searchParams.get("callbackUrl");
    if (parameter !== null && !nextAuthCanRead(parameter)) {
      rewrite = request.nextUrl.clone();
      rewrite.searchParams.delete("callbackUrl");
    }
    for (const name of CALLBACK_URL_COOKIES) {
      const value = request.cookies.get(name)?.value;
      if (value !== undefined && !nextAuthCanRead(value)) {
        request.cookies.delete(name);
        dropped.push(name);
      }
    }
    if (dropped.length) requestHeaders.set("cookie", request.cookies.toString());
  }
  const response = rewrite
    ? NextResponse.rewrite(rewrite, { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  for (const name of dropped)
    response.cookies.set(name, "", { maxAge: 0, path: "/", secure: name.startsWith("__Secure-") });
  for (const [name, value] of Object.entries(securityHeaders(policy, request.nextUrl.protocol === "https:")))
    response.headers.set(name, value);
  return response;
}

export const config = {
  // The JSON API (next-auth's routes aside) skips the proxy too: with a proxy in the way, Next reads a
  // request's whole body before the route runs, so a mutation could not refuse an oversized or
  // anonymous body before receiving it (lib/http/mutation.ts). Its responses carry the same headers
  // (lib/http/respond.ts), and scripts/serve.mjs refuses a malformed %-escape in front of Next.
  matcher: [
    {
      source:
        "/((?!_next/static|_next/image|favicon.ico|wiki.css|editor.css|theme.css|api/(?!auth/)|wiki/[^/%]+$|wiki/[^/%]+/diff$|wiki/[^/%]+/history$).*)",
    },
  ],
};
