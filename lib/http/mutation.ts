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
        // PostgreSQL text cannot hold U+0000: refused here, naming where, rather than failing deep in a write as a 500.
        const nulPaths = pathsOfNulStrings(body);
        if (nulPaths.length) {
          throw new WikiError("bad_request", `Invalid request: ${nulPaths[0] || "body"}: text cannot contain the NUL character (U+0000).`, {
            issues: nulPaths.map((path) => ({ path, message: "text cannot contain the NUL character (U+0000)" })),
          });
        }
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

/** Dotted paths (as zod issues name them) of every string in `value` that contains U+0000; iterative, so deep nesting cannot overflow the stack. */
function pathsOfNulStrings(value: unknown): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[value, ""]];
  while (stack.length) {
    const [item, path] = stack.pop()!;
    if (typeof item === "string") {
      if (item.includes("\u0000")) found.push(path);
    } else if (item !== null && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) stack.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return found.reverse();
}
