import "server-only";
import type { z } from "zod";
import type { Actor } from "../authz/policy";
import { sessionUserId } from "../auth/session";
import { getReadDb } from "../db/replicas";
import { loadActor } from "../users/load-actor";
import { parseAddress, type AddressSchemas, type NO_PARAMS, type TextSchema } from "./address-params";
import { atomXml, type AtomFeed } from "./atom";
import { CACHE_CONTROL, type CachePolicy } from "./cache-control";
import { errorResponse } from "./respond";
import { contentSecurityPolicy, securityHeaders } from "./security-headers.mjs";
import { configuredOrigins } from "./site-origin.mjs";

type RouteHandler = (request: Request, route?: { params?: Promise<Record<string, string>> }) => Promise<Response>;

interface FeedContext<TParams, TSearch> {
  request: Request;
  params: TParams;
  search: TSearch;
  /** the signed-in user, when the feed asked for it (`actor: true`); a token-authenticated feed reads its own */
  actor: Actor | null;
  /** the site's origin for absolute URLs: the configured one (DESIGN.md invariant 8), never the request's Host */
  origin: string;
  /** the host of `origin`, for the entries' tag URIs */
  host: string;
}

/**
 * The site's origin for absolute URLs in feeds: the first configured origin (lib/http/site-origin.mjs).
 * With none configured the server answers only loopback hosts on its own port (scripts/serve.mjs
 * refuses every other Host with 421), so the request's origin is then one of those.
 */
export function siteOrigin(request: Request): string {
  return configuredOrigins()[0] ?? new URL(request.url).origin;
}

/**
 * Wraps every Atom feed route, the feed side of `query()`: the address parsed with the route's schemas
 * (a bad parameter a 400 naming it, in the API's error shape), the actor only when asked, the feed
 * serialized by lib/http/atom.ts (the one serializer), `application/atom+xml` with the script-free
 * security headers and the feed's cache policy. `otherwise`: a page that shares the feed's address,
 * served unless the query says `format=atom` (`/wiki/{slug}/history?format=atom`), so one URL routes
 * cleanly to the page or the feed. A private feed (a watchlist with a token) passes `cache: "private"`
 * and checks its token in the handler.
 */
export function feed<
  TParamsSchema extends TextSchema = typeof NO_PARAMS,
  TSearchSchema extends TextSchema = typeof NO_PARAMS,
>(
  options: AddressSchemas<TParamsSchema, TSearchSchema> & {
    actor?: boolean;
    cache: CachePolicy;
    otherwise?: RouteHandler;
    handler: (context: FeedContext<z.output<TParamsSchema>, z.output<TSearchSchema>>) => Promise<AtomFeed>;
  },
): RouteHandler {
  return async (request, route = {}) => {
    if (options.otherwise && new URL(request.url).searchParams.get("format") !== "atom")
      return options.otherwise(request, route);
    try {
      const { params, search } = parseAddress(options, request, (await route.params) ?? {});
      const actor = options.actor
        ? await loadActor(getReadDb(), await sessionUserId(request.headers.get("cookie")))
        : null;
      const origin = siteOrigin(request);
      const built = await options.handler({ request, params, search, actor, origin, host: new URL(origin).host });
      return new Response(atomXml(built), {
        status: 200,
        headers: {
          ...securityHeaders(contentSecurityPolicy("none"), new URL(origin).protocol === "https:"),
          "content-type": "application/atom+xml; charset=utf-8",
          "cache-control": CACHE_CONTROL[options.cache],
        },
      });
    } catch (error) {
      const response = errorResponse(error);
      response.headers.set("cache-control", CACHE_CONTROL.none);
      return response;
    }
  };
}
