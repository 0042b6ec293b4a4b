import { WikiError } from "../errors";
import { contentSecurityPolicy, securityHeaders } from "./security-headers.mjs";

/** The security headers of a JSON answer (the API skips proxy.ts, which sets them on pages). */
const API_HEADERS = securityHeaders(contentSecurityPolicy("none"), false);

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...API_HEADERS, "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/**
 * The one place an error becomes an HTTP response: `{ error: { code, message } }`
 * with the code's status. Unexpected errors are logged and answered as 500
 * without internals.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof WikiError) {
    const retryAfter = (error.details as { retryAfter?: number } | undefined)?.retryAfter;
    return json(
      {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details !== undefined ? { details: error.details } : {}),
        },
      },
      error.status,
      retryAfter ? { "retry-after": String(retryAfter) } : {},
    );
  }
  console.error(error);
  return json({ error: { code: "internal", message: "Something went wrong on our side. Nothing was changed." } }, 500);
}
