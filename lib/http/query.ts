import "server-only";
import type { z } from "zod";
import type { Actor } from "../authz/policy";
import { sessionUserId } from "../auth/session";
import { getReadDb } from "../db/replicas";
import { loadActor } from "../users/load-actor";
import { parseAddress, type AddressSchemas, type NO_PARAMS, type TextSchema } from "./address-params";
import { CACHE_CONTROL, type CachePolicy } from "./cache-control";
import { errorResponse, json } from "./respond";

interface QueryContext<TParams, TSearch> {
  request: Request;
  params: TParams;
  search: TSearch;
  /** the signed-in user read fresh from the database, when the route asked for it (`actor: true`); else null */
  actor: Actor | null;
}

/** What a query's handler answers: the JSON body, and optionally its cache policy when it depends on the input. */
export interface QueryAnswer {
  body: unknown;
  cache?: CachePolicy;
}

/**
 * Wraps every JSON GET route, the read side of `mutation()`: the path params
 * and the query string parsed with the route's schemas (ids through
 * lib/contracts/ids.ts's `zIdText`, so none reaches a query out of range), a bad
 * one refused with 400 naming it; the actor loaded only when the route wants
 * it (the session is not even decoded otherwise, which keeps /api/health
 * cheap); every error in the API's one shape (lib/http/respond.ts) and never
 * kept by a cache; the answer's cache policy from lib/http/cache-control.ts.
 */
export function query<
  TParamsSchema extends TextSchema = typeof NO_PARAMS,
  TSearchSchema extends TextSchema = typeof NO_PARAMS,
>(
  options: AddressSchemas<TParamsSchema, TSearchSchema> & {
    actor?: boolean;
    /** the answer's cache policy, unless the handler names one for its input */
    cache: CachePolicy;
    handler: (context: QueryContext<z.output<TParamsSchema>, z.output<TSearchSchema>>) => Promise<QueryAnswer>;
  },
) {
  return async (request: Request, route: { params?: Promise<Record<string, string>> } = {}): Promise<Response> => {
    try {
      const { params, search } = parseAddress(options, request, (await route.params) ?? {});
      const actor = options.actor
        ? await loadActor(getReadDb(), await sessionUserId(request.headers.get("cookie")))
        : null;
      const answer = await options.handler({ request, params, search, actor });
      return json(answer.body, 200, { "cache-control": CACHE_CONTROL[answer.cache ?? options.cache] });
    } catch (error) {
      const response = errorResponse(error);
      response.headers.set("cache-control", CACHE_CONTROL.none);
      return response;
    }
  };
}
