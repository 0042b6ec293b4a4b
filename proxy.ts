import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, securityHeaders } from "./lib/http/security-headers.mjs";
import { addressProblem } from "./lib/http/well-formed";

/**
 * Security headers on every response, with a fresh nonce per request so that
 * Next's own inline scripts run and nothing else does: no 'unsafe-inline'
 * scripts. This is defence in depth only: authorization never lives here
 * (proxies can be bypassed; every mutation checks on the server). The article,
 * diff and history views are excluded by the matcher: they run no script and set a
 * script-free policy themselves (lib/http/html.ts).
 */
export function proxy(request: NextRequest) {
  // A malformed percent-escape would make Next answer a bare 500 before any route runs; a NUL fails any query.
  const problem = addressProblem(request.nextUrl);
  if (problem) {
    const refusal = NextResponse.json({ error: { code: "bad_request", message: problem } }, { status: 400 });
    for (const [name, value] of Object.entries(securityHeaders(contentSecurityPolicy("none"), request.nextUrl.protocol === "https:"))) refusal.headers.set(name, value);
    return refusal;
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV !== "production" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(securityHeaders(policy, request.nextUrl.protocol === "https:"))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|wiki.css|editor.css|wiki/[^/%]+$|wiki/[^/%]+/diff$|wiki/[^/%]+/history$).*)" }],
};
