import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { apiRequest, call, SITE, useRouteTestDatabase } from "../../test/http/harness";
import { makeUser } from "../../test/factories";
import { zIdText } from "../contracts/ids";
import { WikiError } from "../errors";
import { ANONYMOUS_BODY_LIMIT, DEFAULT_BODY_LIMIT, mutation } from "./mutation";
import { json } from "./respond";

/**
 * `mutation()`, the one wrapper every write goes through, tested in process on one route of its own: each
 * check refuses with its status and the one error shape, cheapest first (the handler never runs on a refusal,
 * and a refusal before the body is read closes the connection), and what passes reaches the handler parsed.
 * The route tests show the same through real routes; these name the wrapper's own rules one by one.
 */

const ctx = useRouteTestDatabase();
let user: { id: number; name: string };
let calls: Array<{ input: unknown; params: unknown; actor: string | null }> = [];

const schema = z.strictObject({ name: z.string().max(20), count: z.number().int().default(1) });
const handler = async ({
  input,
  params,
  actor,
}: {
  input: unknown;
  params: unknown;
  actor: { name: string } | null;
}) => {
  calls.push({ input, params, actor: actor?.name ?? null });
  return json({ ok: true }, 201);
};
const route = mutation({ schema, params: z.strictObject({ id: zIdText("id") }), handler });
const anonymousRoute = mutation({ schema, auth: "optional", bodyLimit: 1 << 20, handler });
const formRoute = mutation({ schema: z.strictObject({ name: z.string() }), body: "form", handler });
const limitedRoute = mutation({ schema, rateLimit: "comment", handler });
const smallRoute = mutation({ schema: z.strictObject({ name: z.string() }).passthrough(), bodyLimit: 100, handler });
const nestedRoute = mutation({ schema: z.strictObject({ nested: z.strictObject({ count: z.number() }) }), handler });
const failingRoute = mutation({
  schema,
  handler: async ({ input }) => {
    if ((input as { name: string }).name === "known")
      throw new WikiError("conflict", "name: taken.", { field: "name" });
    throw new Error("a bug");
  },
});

const params = { id: "7" };
/** The signed-in user's session cookie, for requests built by hand. */
const cookie = async () => (await apiRequest("POST", "/", { user }))!.headers.get("cookie")!;

beforeAll(async () => {
  user = await makeUser(ctx.db, { name: "mutation_user" });
});

afterEach(() => {
  calls = [];
  vi.unstubAllEnvs();
});

describe("mutation(): what passes", () => {
  it("reaches the handler with the parsed body (defaults filled), the parsed params and the actor read fresh", async () => {
    const answer = await call(route, await apiRequest("POST", "/x/7", { body: { name: "a" }, user }), params);
    expect(answer.status).toBe(201);
    expect(calls).toEqual([{ input: { name: "a", count: 1 }, params: { id: 7 }, actor: "mutation_user" }]);
  });

  it("takes an empty body as {} and a bodyless request without a content type", async () => {
    const request = await apiRequest("POST", "/x/7", { user, headers: { "content-type": null } });
    const answer = await call(
      mutation({ schema: z.strictObject({}), params: z.strictObject({ id: zIdText("id") }), handler }),
      request,
      params,
    );
    expect(answer.status).toBe(201);
    expect(calls[0].input).toEqual({});
  });

  it("lets anonymous callers in only where the route says so", async () => {
    expect((await call(anonymousRoute, await apiRequest("POST", "/x", { body: { name: "a" } }))).status).toBe(201);
    expect(calls[0].actor).toBeNull();
  });

  it("parses a form body with the same schema where the route takes forms", async () => {
    const request = new Request(`${SITE}/x`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: SITE, host: "localhost:3000" },
      body: "name=first&name=last",
    });
    request.headers.set("cookie", (await apiRequest("POST", "/x", { user })).headers.get("cookie")!);
    expect((await call(formRoute, request)).status).toBe(201);
    expect(calls[0].input).toEqual({ name: "last" });
  });
});

describe("mutation(): each refusal, its status and the one error shape; the handler never runs", () => {
  const refused = async (answer: { status: number; body: any; headers: Headers }, status: number, message: RegExp) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(Object.keys(answer.body)).toEqual(["error"]);
    expect(answer.body.error.message).toMatch(message);
    expect(calls).toEqual([]);
  };

  it("refuses a missing, null or cross-site Origin (403) before anything else, even signed in", async () => {
    for (const origin of [null, "null", "https://evil.example"]) {
      const request = await apiRequest("POST", "/x/7", { body: { name: "a" }, user, headers: { origin } });
      await refused(await call(route, request, params), 403, /^Refused: .*Mutations must come from this site\.$/);
    }
  });

  it("refuses a body not declared as JSON (415), and a body with no content type", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const request = await apiRequest("POST", "/x/7", {
        body: { name: "a" },
        user,
        headers: { "content-type": type },
      });
      await refused(await call(route, request, params), 415, /must be application\/json/);
    }
    // Bytes with no declared type (a Request given text would call it text/plain).
    const untyped = new Request(`${SITE}/x/7`, {
      method: "POST",
      // Next's request carries the length the client declared; a Request built here has none of its own.
      headers: { origin: SITE, host: "localhost:3000", cookie: await cookie(), "content-length": "12" },
      body: new TextEncoder().encode('{"name":"a"}'),
    });
    expect(untyped.headers.get("content-type")).toBeNull();
    await refused(await call(route, untyped, params), 415, /Content-Type header is missing/);
    // A JSON body sent to a form route is refused the same way.
    const jsonToForm = await apiRequest("POST", "/x", { body: { name: "a" }, user });
    await refused(await call(formRoute, jsonToForm), 415, /must be application\/x-www-form-urlencoded/);
  });

  it("refuses the signed-out (401) before reading the body, and closes the connection", async () => {
    const request = await apiRequest("POST", "/x/7", { body: { name: "a" }, headers: { "content-length": "20" } });
    const answer = await call(route, request, params);
    await refused(answer, 401, /^You need to sign in to do this\.$/);
    expect(answer.headers.get("connection")).toBe("close");
  });

  it("refuses bad path parameters (400 naming them) before the body", async () => {
    for (const id of ["0", "abc", "99999999999999999999", "-1"]) {
      const request = await apiRequest("POST", `/x/${id}`, { body: { name: "a" }, user });
      await refused(await call(route, request, { id }), 400, /\bid\b/);
    }
  });

  it("refuses a body over the limit (413), by its declared length or as it streams", async () => {
    const big = { name: "a", pad: "x".repeat(DEFAULT_BODY_LIMIT) };
    await refused(
      await call(route, await apiRequest("POST", "/x/7", { body: big, user }), params),
      413,
      /larger than 65,536 bytes/,
    );
    // No Content-Length: the stream is cut off past the limit.
    const streamed = new Request(`${SITE}/x/7`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: SITE,
        host: "localhost:3000",
        cookie: (await apiRequest("POST", "/", { user })).headers.get("cookie")!,
      },
      body: new ReadableStream({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode("x".repeat(16 * 1024)));
        },
      }),
      duplex: "half",
    } as RequestInit);
    await refused(await call(route, streamed, params), 413, /larger than/);
    // Signed out, the route's own larger limit gives way to the anonymous one.
    const anonymous = await apiRequest("POST", "/x", { body: { name: "a", pad: "x".repeat(ANONYMOUS_BODY_LIMIT) } });
    await refused(await call(anonymousRoute, anonymous), 413, /larger than 16,384 bytes/);
  });

  it("refuses malformed JSON, ill-formed text and schema errors with a 400 naming the field", async () => {
    const raw = (body: string) =>
      new Request(`${SITE}/x/7`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: SITE, host: "localhost:3000" },
        body,
      });
    const signed = async (body: string) => {
      const request = raw(body);
      request.headers.set("cookie", (await apiRequest("POST", "/", { user })).headers.get("cookie")!);
      return call(route, request, params);
    };
    await refused(await signed("{not json"), 400, /^The request body is not valid JSON\.$/);
    await refused(await signed('{"name":"a\\u0000b"}'), 400, /^Invalid request: name: /);
    await refused(await signed('{"name":"\\ud800"}'), 400, /^Invalid request: name: /);
    await refused(await signed('{"name":"a","extra":1}'), 400, /^Invalid request: body: /);
    await refused(await signed('{"name":"x".repeat}'), 400, /not valid JSON/);
    await refused(await signed(JSON.stringify({ name: "y".repeat(21) })), 400, /^Invalid request: name: /);
    await refused(await signed(JSON.stringify({ name: "a", count: 1.5 })), 400, /^Invalid request: count: /);
    await refused(await signed("[]"), 400, /^Invalid request: body: /);
  });

  it("counts the rate limit per account before the body is parsed (429), and never for administrators", async () => {
    vi.stubEnv("WIKI_RATE_LIMITS", "comment=2/100/60");
    const send = async (who: { id: number; name: string }, body: unknown = { name: "a" }) =>
      call(limitedRoute, await apiRequest("POST", "/x", { body, user: who }));
    expect((await send(user)).status).toBe(201);
    expect((await send(user, { bad: true })).status).toBe(400);
    calls = [];
    await refused(await send(user), 429, /./);
    const admin = await makeUser(ctx.db, { name: "mutation_admin", role: "admin" });
    for (let i = 0; i < 3; i++) expect((await send(admin)).status).toBe(201);
  });

  it("answers a use case's WikiError with its status and details, and anything else with a 500 in the same shape", async () => {
    const known = await call(failingRoute, await apiRequest("POST", "/x", { body: { name: "known" }, user }));
    expect(known).toMatchObject({ status: 409, body: { error: { code: "conflict", message: "name: taken." } } });
    const bug = await call(failingRoute, await apiRequest("POST", "/x", { body: { name: "other" }, user }));
    expect(bug.status).toBe(500);
    expect(Object.keys(bug.body)).toEqual(["error"]);
    expect(bug.body.error.message).not.toContain("a bug");
  });
});

describe("mutation(): the edges of each rule", () => {
  /** A signed-in POST of `body` as given (no JSON encoding), with extra headers. */
  const rawPost = async (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request(`${SITE}/x`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: SITE,
        host: "localhost:3000",
        cookie: await cookie(),
        ...headers,
      },
      body,
      duplex: "half",
    } as RequestInit);
  const exactly = (bytes: number) => `{"name":"a"${" ".repeat(bytes - 12)}}`;

  it("takes a body of exactly the limit, declared or streamed, and refuses a declared length past it unread", async () => {
    expect(exactly(100)).toHaveLength(100);
    expect((await call(smallRoute, await rawPost(exactly(100), { "content-length": "100" }))).status).toBe(201);
    const stream = (text: string) =>
      new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text));
          controller.close();
        },
      });
    expect((await call(smallRoute, await rawPost(stream(exactly(100))))).status).toBe(201);
    expect((await call(smallRoute, await rawPost(stream(exactly(101))))).status).toBe(413);
    // A declared length past the limit is refused without reading, whatever follows.
    const declared = await call(smallRoute, await rawPost(exactly(20), { "content-length": "101" }));
    expect(declared.status).toBe(413);
  });

  it("reads a content type's parameters and spacing, and quotes at most 100 characters of a wrong one", async () => {
    const spaced = await rawPost('{"name":"a"}', { "content-type": "Application/JSON ; charset=utf-8" });
    expect((await call(smallRoute, spaced)).status).toBe(201);
    const long = `text/${"x".repeat(300)}`;
    const refused = await call(smallRoute, await rawPost('{"name":"a"}', { "content-type": long }));
    expect(refused.status).toBe(415);
    expect(refused.body.error.message).toBe(
      `The Content-Type header must be application/json, not "${long.slice(0, 100)}".`,
    );
  });

  it("takes a body of only spaces as empty, and names a nested field by its dotted path, in the message and details", async () => {
    const blank = await call(smallRoute, await rawPost("   "));
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toMatch(/^Invalid request: name: /);
    const nested = await call(nestedRoute, await rawPost(JSON.stringify({ nested: { count: "one" } })));
    expect(nested.status).toBe(400);
    expect(nested.body.error.message).toMatch(/^Invalid request: nested\.count: /);
    expect(nested.body.error.details.issues).toEqual([{ path: "nested.count", message: expect.any(String) }]);
    // A lone string body holding U+0000: refused naming the body itself.
    const illFormed = await call(smallRoute, await rawPost('"\\u0000"'));
    expect(illFormed.body.error.message).toMatch(/^Invalid request: body: /);
  });

  it("logs refusals of who may write (401, 403) and no others, and closes only a connection whose body went unread", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const signedOut = await call(route, await apiRequest("POST", "/x/7", { body: { name: "a" } }), params);
      expect(signedOut.status).toBe(401);
      expect(warn).toHaveBeenLastCalledWith("[denied] POST /x/7: You need to sign in to do this.");
      const forged = await apiRequest("POST", "/x/7", {
        body: { name: "a" },
        user,
        headers: { origin: "https://evil.example" },
      });
      expect((await call(route, forged, params)).status).toBe(403);
      expect(warn).toHaveBeenCalledTimes(2);
      const invalid = await call(smallRoute, await rawPost("{not json", { "content-length": "9" }));
      expect(invalid.status).toBe(400);
      expect(warn).toHaveBeenCalledTimes(2);
      // Read to the end before it was refused: the connection can serve the next request.
      expect(invalid.headers.get("connection")).toBeNull();
      const done = await call(smallRoute, await rawPost('{"name":"a"}', { "content-length": "12" }));
      expect(done.status).toBe(201);
      expect(done.headers.get("connection")).toBeNull();
      // Refused with no body to skip: nothing to close for.
      const bodyless = await apiRequest("POST", "/x/7", { headers: { "content-type": null } });
      const refusedBodyless = await call(route, bodyless, params);
      expect(refusedBodyless.status).toBe(401);
      expect(refusedBodyless.headers.get("connection")).toBeNull();
    } finally {
      warn.mockRestore();
    }
  });
});
