/** Machine-readable error codes of the JSON API. */
export type ErrorCode =
  | "bad_request"
  | "invalid_document"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "internal"
  | "overloaded"
  | "unavailable";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_document: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  overloaded: 503,
  unavailable: 503,
};

/**
 * The one error type services throw for expected failures. Route handlers
 * turn it into `{ error: { code, message, details } }` in exactly one place
 * (lib/http/respond.ts).
 */
export class WikiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "WikiError";
    this.status = STATUS[code];
  }
}
