import "server-only";
import type { z } from "zod";
import type { Actor } from "../authz/policy";
import { sessionUserId } from "../auth/session";
import { getDb } from "../db/client";
import { WikiError } from "../errors";
import { loadActor } from "../users/load-actor";
import { enforceRateLimit, type LimitedAction } from "../abuse-limits";
import { clientAddress, originProblem } from "./origin";
import { errorResponse } from "./respond";
import { illFormedStrings } from "./well-formed";

/** Largest JSON body a mutation accepts unless it says otherwise. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

interface MutationContext<TInput, TParams> {
  request: Request;
  input: TInput;
  params: TParams;
  /** the signed-in user read fresh from the database, or null */
  actor: Actor | null;
}

/**
 * Wraps every mutating route handler so that the checks cannot be forgotten:
 * same-origin only, a bounded body parsed with an explicit schema (unknown
 * fields refused), the actor read from the database, and errors turned into
 * the API's error shape. Authorization itself is the use-case's first step.
 */
export function mutation<TSchema extends z.ZodType, TParams = Record<string, string>>(options: {
  schema: TSchema;
  bodyLimit?: number;
  /** counts the request against this per-account and per-client limit (lib/abuse-limits.ts) */
  rateLimit?: LimitedAction;
  handler: (context: MutationContext<z.infer<TSchema>, TParams>) => Promise<Response>;
}) {
  return async (request: Request, route: { params: Promise<TParams> }): Promise<Response> => {
    try {
      const problem = originProblem(request);
      if (problem) throw new WikiError("forbidden", `Refused: ${problem}. Mutations must come from this site.`);
      const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
      const declared = Number(request.headers.get("content-length") ?? "0");
      if (declared > limit) throw new WikiError("payload_too_large", `The request body is larger than ${limit} bytes.`);
      const text = await request.text();
      if (Buffer.byteLength(text) > limit) throw new WikiError("payload_too_large", `The request body is larger than ${limit} bytes.`);
      let body: unknown = {};
      if (text.trim()) {
        try {
          body = JSON.parse(text);
        } catch {
          throw new WikiError("bad_request", "The request body is not valid JSON.");
        }
        const illFormed = illFormedStrings(body);
        if (illFormed.length) throw new WikiError("bad_request", `Invalid request: ${illFormed[0].path || "body"}: ${illFormed[0].message}.`, { issues: illFormed });
      }
      const parsed = options.schema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue.path.length ? issue.path.join(".") : "body";
        throw new WikiError("bad_request", `Invalid request: ${path}: ${issue.message}`, { issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
      }
      const actor = await loadActor(getDb(), await sessionUserId(request.headers.get("cookie")));
      if (actor && options.rateLimit) await enforceRateLimit(getDb(), options.rateLimit, actor, clientAddress(request));
      return await options.handler({ request, input: parsed.data, params: await route.params, actor });
    } catch (error) {
      if (error instanceof WikiError && (error.status === 401 || error.status === 403)) {
        console.warn(`[denied] ${request.method} ${new URL(request.url).pathname}: ${error.message}`);
      }
      return errorResponse(error);
    }
  };
}
