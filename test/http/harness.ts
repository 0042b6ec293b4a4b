import { beforeAll } from "vitest";
import { sessionCookieFor } from "../../lib/auth/session";
import { closeDb } from "../../lib/db/client";
import { SOCKET_ADDRESS_ENV } from "../../lib/http/client-address";
import { useTestDatabase } from "../db";

/** Calls a route handler the way Next does: a Request and a params promise. */
export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export const SITE = "http://localhost:3000";

/** A same-origin JSON request, optionally signed in as `user`, with header overrides. */
export async function apiRequest(
  method: string,
  path: string,
  options: { body?: unknown; user?: { id: number; name: string } | null; headers?: Record<string, string | null> } = {},
): Promise<Request> {
  const headers: Record<string, string> = { "content-type": "application/json", origin: SITE, host: "localhost:3000" };
  if (options.user) headers.cookie = await sessionCookieFor(options.user);
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  return new Request(`${SITE}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

/** Runs `handler` on a request with route params. */
export async function call(
  handler: RouteHandler,
  request: Request,
  params: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/**
 * A migrated database of this file's own, made the one route handlers use
 * (they read DATABASE_URL through the process's shared client), with a
 * session secret so tests can sign users in. Requests play scripts/serve.mjs's
 * part too: their `x-wiki-client-address` header is taken as the socket's address.
 */
export function useRouteTestDatabase(): ReturnType<typeof useTestDatabase> {
  const context = useTestDatabase();
  beforeAll(async () => {
    process.env.DATABASE_URL = context.url;
    process.env.NEXTAUTH_SECRET = "test-secret-for-route-handlers";
    process.env[SOCKET_ADDRESS_ENV] = "1";
    await closeDb();
  });
  return context;
}
