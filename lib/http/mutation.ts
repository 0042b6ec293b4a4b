import "server-only";
import type { z } from "zod";
import type { Actor } from "../authz/policy";
import { sessionUserId } from "../auth/session";
import { getDb } from "../db/client";
import { WikiError } from "../errors";
import { loadActor } from "../users/load-actor";
import { enforceRateLimit, type LimitedAction } from "../abuse-limits";
import { NO_PARAMS, parseText, type TextSchema } from "./address-params";
import { admitted } from "./admission";
import { clientAddress, originProblem } from "./origin";
import { withPrimaryMark } from "./primary-mark";
import { errorResponse } from "./respond";
import { illFormedStrings } from "./well-formed";

/** Largest JSON body a mutation accepts unless it says otherwise. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * Largest body accepted from a caller without a session, whatever the route's
 * own limit: the only anonymous mutations (registration) send a few fields, and
 * a stranger must not be able to make the server read megabytes.
 */
export const ANONYMOUS_BODY_LIMIT = 16 * 1024;

interface MutationContext<TInput, TParams> {
  request: Request;
  input: TInput;
  params: TParams;
  /** the signed-in user read fresh from the database; never null unless the route allows anonymous callers */
  actor: Actor | null;
  /** `body: "xml"` only: the body as a byte stream, unread, that fails with 413 once it passes the route's limit */
  stream: AsyncIterable<Uint8Array>;
}

/**
 * Wraps every mutating route handler so that the checks cannot be forgotten,
 * cheapest first, so that a refused request costs the server almost nothing
 * (DESIGN.md invariant 9): same-origin only; a JSON content type; the actor
 * read from the database and, unless the route allows anonymous callers, 401
 * before a byte of the body is read; the rate limit counted before the body is
 * parsed; then the body read as a stream under a hard cap (small for anonymous
 * callers), parsed with an explicit schema (unknown fields refused), and errors
 * turned into the API's error shape; a success carries the primary mark that
 * keeps the writer's next reads on what they wrote (lib/http/primary-mark.ts).
 * Authorization itself is the use-case's first step.
 */
export function mutation<TSchema extends z.ZodType, TParamsSchema extends TextSchema = typeof NO_PARAMS>(options: {
  schema: TSchema;
  /** the path's parameters (lib/contracts), refused with 400 naming the bad one before the body is read */
  params?: TParamsSchema;
  bodyLimit?: number;
  /** "required" (the default): only signed-in users, refused with 401 before the body is read; "optional": anyone, with a body of at most ANONYMOUS_BODY_LIMIT when signed out */
  auth?: "required" | "optional";
  /** counts the request against this per-account and per-client limit (lib/abuse-limits.ts) */
  rateLimit?: LimitedAction;
  /**
   * "form": the body is an HTML form (application/x-www-form-urlencoded) sent
   * by a button on a script-free page (the article's watch star), its fields
   * parsed as strings with the same schema rules. Only for small, idempotent
   * changes of the caller's own data; the origin and session checks are the
   * same, and they are what stops a cross-site form (its Origin is refused).
   */
  /**
   * "xml": the body is a document too large to hold (a MediaWiki XML dump), declared `application/xml` or
   * `text/xml` (neither can be sent cross-site without a preflight). It is not read here: the handler gets it as
   * `stream`, capped at `bodyLimit` as it is read, and `schema` parses the query string instead.
   */
  body?: "json" | "form" | "xml";
  handler: (context: MutationContext<z.infer<TSchema>, z.output<TParamsSchema>>) => Promise<Response>;
}) {
  return async (request: Request, route: { params?: Promise<Record<string, string>> } = {}): Promise<Response> => {
    let bodyRead = false;
    try {
      const problem = originProblem(request);
      if (problem) throw new WikiError("forbidden", `Refused: ${problem}. Mutations must come from this site.`);
      assertContentType(request, options.body ?? "json");
      // Past the checks that cost nothing, every write waits its turn in one bounded line (lib/http/admission.ts).
      return await admitted("writes", async () => {
        const actor = await loadActor(getDb(), await sessionUserId(request.headers.get("cookie")));
        if (!actor && options.auth !== "optional")
          throw new WikiError("unauthorized", "You need to sign in to do this.");
        if (actor && options.rateLimit)
          await enforceRateLimit(getDb(), options.rateLimit, actor, clientAddress(request));
        const params = parseText(options.params ?? NO_PARAMS, (await route.params) ?? {}) as z.output<TParamsSchema>;
        const limit = actor
          ? (options.bodyLimit ?? DEFAULT_BODY_LIMIT)
          : Math.min(options.bodyLimit ?? DEFAULT_BODY_LIMIT, ANONYMOUS_BODY_LIMIT);
        if (options.body === "xml") {
          const input = parseBody(
            options.schema,
            JSON.stringify(Object.fromEntries(new URL(request.url).searchParams)),
          );
          bodyRead = true;
          const response = await options.handler({
            request,
            input,
            params,
            actor,
            stream: boundedBody(request, limit),
          });
          return await withPrimaryMark(request, response);
        }
        const text = await readBodyText(request, limit);
        bodyRead = true;
        const input = parseBody(options.schema, options.body === "form" ? formAsJson(text) : text);
        return await withPrimaryMark(
          request,
          await options.handler({ request, input, params, actor, stream: emptyStream() }),
        );
      });
    } catch (error) {
      if (error instanceof WikiError && (error.status === 401 || error.status === 403)) {
        console.warn(`[denied] ${request.method} ${new URL(request.url).pathname}: ${error.message}`);
      }
      const response = errorResponse(error);
      // Refused before its body was read (or part way): close the connection rather than let
      // the server read and discard the rest of what may be megabytes.
      if (!bodyRead && hasBody(request)) response.headers.set("connection", "close");
      return response;
    }
  };
}

/** Whether the request says it carries a body. */
function hasBody(request: Request): boolean {
  return Number(request.headers.get("content-length") ?? "0") > 0 || request.headers.has("transfer-encoding");
}

/**
 * Refuses a body that is not declared as JSON. A form or `text/plain` body is
 * what a cross-site page (or a DNS-rebinding one) can send without a CORS
 * preflight, so a JSON API that read it would accept requests it never
 * allowed. A bodyless request without a content type is fine.
 */
function assertContentType(request: Request, kind: "json" | "form" | "xml"): void {
  const type = request.headers.get("content-type");
  const expected =
    kind === "form" ? "application/x-www-form-urlencoded" : kind === "xml" ? "application/xml" : "application/json";
  if (type === null) {
    if (hasBody(request)) {
      throw new WikiError(
        "unsupported_media_type",
        `The Content-Type header is missing: send the body as ${expected}.`,
      );
    }
    return;
  }
  const given = type.split(";")[0].trim().toLowerCase();
  if (given !== expected && !(kind === "xml" && given === "text/xml")) {
    throw new WikiError(
      "unsupported_media_type",
      `The Content-Type header must be ${expected}, not "${type.slice(0, 100)}".`,
    );
  }
}

/**
 * The body as text, read chunk by chunk and abandoned as soon as it passes
 * `limit` bytes: a declared Content-Length over the limit is refused before
 * reading, and a missing or lying one cannot make the server buffer more.
 */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const tooLarge = () =>
    new WikiError("payload_too_large", `The request body is larger than ${limit.toLocaleString("en")} bytes.`);
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, received).toString("utf8");
}

/**
 * The body as a stream of chunks that fails with 413 as soon as it passes `limit` bytes (a declared
 * Content-Length over it before anything is read), for handlers that parse as they read.
 */
async function* boundedBody(request: Request, limit: number): AsyncGenerator<Uint8Array> {
  const tooLarge = () =>
    new WikiError("payload_too_large", `The request body is larger than ${limit.toLocaleString("en")} bytes.`, {
      limit: "maxBytes",
    });
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw tooLarge();
  if (!request.body) return;
  const reader = request.body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      received += value.byteLength;
      if (received > limit) throw tooLarge();
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

async function* emptyStream(): AsyncGenerator<Uint8Array> {}

/** A form body as the JSON object of its fields (the last of a repeated field wins), for the same parsing as a JSON body. */
function formAsJson(text: string): string {
  return JSON.stringify(Object.fromEntries(new URLSearchParams(text)));
}

/** The body parsed as JSON and checked against `schema`, or a 400 naming the field. */
function parseBody<TSchema extends z.ZodType>(schema: TSchema, text: string): z.infer<TSchema> {
  let body: unknown = {};
  if (text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new WikiError("bad_request", "The request body is not valid JSON.");
    }
    // PostgreSQL text cannot hold U+0000 and a lone surrogate is not text: refused here, naming where, rather than failing deep in a write as a 500.
    const illFormed = illFormedStrings(body);
    if (illFormed.length)
      throw new WikiError("bad_request", `Invalid request: ${illFormed[0].path || "body"}: ${illFormed[0].message}.`, {
        issues: illFormed,
      });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.length ? issue.path.join(".") : "body";
    throw new WikiError("bad_request", `Invalid request: ${path}: ${issue.message}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return parsed.data;
}
