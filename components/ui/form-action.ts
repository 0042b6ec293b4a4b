import "server-only";
import type { ReactElement } from "react";
import type { z } from "zod";
import { sessionUserId } from "@/lib/auth/session";
import type { Actor } from "@/lib/authz/policy";
import { enforceRateLimit, type LimitedAction } from "@/lib/abuse-limits";
import { getDb } from "@/lib/db/client";
import { WikiError } from "@/lib/errors";
import { NO_PARAMS, parseText, type TextSchema } from "@/lib/http/address-params";
import { htmlDocumentResponse, renderHtml } from "@/lib/http/html";
import { readBodyText } from "@/lib/http/mutation";
import { clientAddress, originProblem } from "@/lib/http/origin";
import { withPrimaryMark } from "@/lib/http/primary-mark";
import { illFormedStrings } from "@/lib/http/well-formed";
import { loadActor } from "@/lib/users/load-actor";

/** What the route shows when a form could not be done: the message, and the fields as sent (so nothing typed is lost). */
export interface FormProblem<TParams> {
  status: number;
  message: string;
  fields: Record<string, string>;
  params: TParams | null;
  actor: Actor | null;
}

/**
 * Wraps a route that takes a plain HTML form (`application/x-www-form-urlencoded`),
 * for pages whose forms work without script (the talk page's). The same
 * checks as `mutation()`, cheapest first: same-origin only (a cross-site form
 * is exactly what this refuses), the form content type, the session (the
 * actor read fresh), the rate limit, a bounded body, an explicit schema (a
 * bad field named). Done: a 303 to where the handler says. Refused: an HTML
 * page from `problemPage` with the status, the message and the fields as
 * sent, never a JSON error a browser would show raw.
 */
export function formAction<TSchema extends z.ZodType, TParamsSchema extends TextSchema = typeof NO_PARAMS>(options: {
  schema: TSchema;
  params?: TParamsSchema;
  bodyLimit: number;
  rateLimit?: LimitedAction;
  handler: (context: {
    input: z.infer<TSchema>;
    params: z.output<TParamsSchema>;
    actor: Actor | null;
  }) => Promise<{ location: string }>;
  problemPage: (problem: FormProblem<z.output<TParamsSchema>>) => Promise<ReactElement>;
}) {
  return async (request: Request, route: { params?: Promise<Record<string, string>> } = {}): Promise<Response> => {
    const https = new URL(request.url).protocol === "https:";
    let fields: Record<string, string> = {};
    let params: z.output<TParamsSchema> | null = null;
    let actor: Actor | null = null;
    try {
      const problem = originProblem(request);
      if (problem) throw new WikiError("forbidden", `Refused: ${problem}. Forms must be sent from this site.`);
      const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
      if (type !== "application/x-www-form-urlencoded")
        throw new WikiError("unsupported_media_type", "This address takes a form (application/x-www-form-urlencoded).");
      actor = await loadActor(getDb(), await sessionUserId(request.headers.get("cookie")));
      if (!actor) throw new WikiError("unauthorized", "You need to sign in to do this.");
      if (options.rateLimit) await enforceRateLimit(getDb(), options.rateLimit, actor, clientAddress(request));
      params = parseText(options.params ?? NO_PARAMS, (await route.params) ?? {}) as z.output<TParamsSchema>;
      fields = Object.fromEntries(new URLSearchParams(await readBodyText(request, options.bodyLimit)));
      const illFormed = illFormedStrings(fields);
      if (illFormed.length)
        throw new WikiError("bad_request", `${illFormed[0].path || "form"}: ${illFormed[0].message}.`);
      const parsed = options.schema.safeParse(fields);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new WikiError("bad_request", `${issue.path.join(".") || "form"}: ${issue.message}`);
      }
      const { location } = await options.handler({ input: parsed.data, params, actor });
      return withPrimaryMark(
        request,
        new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } }),
      );
    } catch (thrown) {
      if (!(thrown instanceof WikiError)) console.error(thrown);
      const error =
        thrown instanceof WikiError
          ? thrown
          : new WikiError("internal", "Something went wrong on our side. Nothing was changed.");
      const { status, message } = error;
      const page = await options.problemPage({ status, message, fields, params, actor });
      const headers: Record<string, string> = { "cache-control": "no-store" };
      const retryAfter = (error.details as { retryAfter?: number } | undefined)?.retryAfter;
      if (retryAfter) headers["retry-after"] = String(retryAfter);
      return htmlDocumentResponse(`<!DOCTYPE html>${await renderHtml(page)}`, { status, headers, https });
    }
  };
}
