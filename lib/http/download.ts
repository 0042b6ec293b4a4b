import "server-only";
import type { z } from "zod";
import type { Actor } from "../authz/policy";
import { sessionUserId } from "../auth/session";
import { getReadDb } from "../db/replicas";
import { loadActor } from "../users/load-actor";
import { parseAddress, type AddressSchemas, type NO_PARAMS, type TextSchema } from "./address-params";
import { CACHE_CONTROL, type CachePolicy } from "./cache-control";
import { siteOrigin } from "./feed";
import { errorResponse } from "./respond";
import { securityHeaders } from "./security-headers.mjs";

// A file is never a page: nothing in it may load, run or be framed, whatever a browser makes of it.
const DOWNLOAD_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

interface DownloadContext<TParams, TSearch> {
  request: Request;
  params: TParams;
  search: TSearch;
  /** the signed-in user, when the route asked for it (`actor: true`) */
  actor: Actor | null;
  /** the site's configured origin (DESIGN.md invariant 8), for absolute URLs inside the file */
  origin: string;
}

/** What a download answers: a text or a stream, its type, the file name offered, and its cache policy. */
export interface DownloadAnswer {
  body: string | ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
  cache: CachePolicy;
}

/**
 * Wraps every route that answers a file rather than JSON or a page (an
 * article exported as wikitext or MediaWiki XML, issue 21): the address
 * parsed with the route's schemas (a bad parameter a 400 naming it, in the
 * API's error shape), the actor only when asked, and the file served with the
 * security headers with the strictest policy (CSP `default-src 'none'; sandbox`, `nosniff`) as an
 * attachment, so a browser never renders what an article's text contains. A
 * stream is passed through as it is made (an export is written revision by
 * revision); an error before the first byte is the API's error shape.
 */
export function download<
  TParamsSchema extends TextSchema = typeof NO_PARAMS,
  TSearchSchema extends TextSchema = typeof NO_PARAMS,
>(
  options: AddressSchemas<TParamsSchema, TSearchSchema> & {
    actor?: boolean;
    handler: (context: DownloadContext<z.output<TParamsSchema>, z.output<TSearchSchema>>) => Promise<DownloadAnswer>;
  },
) {
  return async (request: Request, route: { params?: Promise<Record<string, string>> } = {}): Promise<Response> => {
    try {
      const { params, search } = parseAddress(options, request, (await route.params) ?? {});
      const actor = options.actor
        ? await loadActor(getReadDb(), await sessionUserId(request.headers.get("cookie")))
        : null;
      const origin = siteOrigin(request);
      const answer = await options.handler({ request, params, search, actor, origin });
      const ascii = answer.filename.replace(/[^\w.-]+/g, "_").slice(0, 150) || "export";
      return new Response(answer.body, {
        status: 200,
        headers: {
          ...securityHeaders(DOWNLOAD_POLICY, new URL(origin).protocol === "https:"),
          "content-type": answer.contentType,
          "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(answer.filename)}`,
          "cache-control": CACHE_CONTROL[answer.cache],
        },
      });
    } catch (error) {
      const response = errorResponse(error);
      response.headers.set("cache-control", CACHE_CONTROL.none);
      return response;
    }
  };
}
