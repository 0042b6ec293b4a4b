import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSession, newSessionClaims } from "../../../lib/auth/session";
import { registerUser } from "../../../lib/users/register-user";
import { useTestDatabase } from "../../db";
import { httpRequest, startAppServer, type AppServer } from "../../server";

/*
 * Sign-in and sessions attacked from outside, through HTTP against real
 * servers: the throttle cannot be walked around by the body's encoding, a
 * duplicated field, an extra path segment or concurrency; a stranger's
 * failures do not keep the owner out; X-Forwarded-For is believed only from
 * trusted proxies; a copied session token dies with its session; return paths
 * stay on the site; garbage in next-auth's callback parameter or cookie is no 500.
 */

const ctx = useTestDatabase();
/** No trusted proxy: every request's address is the test's socket, whatever its headers say. */
let direct: AppServer;
/** Behind a trusted proxy at 127.0.0.1: the X-Forwarded-For entry it appended is the client. */
let proxied: AppServer;
const PASSWORD = "the owner's own passphrase";

beforeAll(async () => {
  const common = { WIKI_RATE_LIMITS: "off", WIKI_REGISTRATIONS_PER_HOUR: "2" };
  [direct, proxied] = await Promise.all([
    // A high per-address limit, so that the tests' many failures from one socket do not throttle each other.
    startAppServer({ databaseUrl: ctx.url, env: { ...common, WIKI_LOGIN_ATTEMPTS_PER_ADDRESS: "1000" } }),
    startAppServer({
      databaseUrl: ctx.url,
      env: { ...common, WIKI_TRUSTED_PROXIES: "127.0.0.1", WIKI_LOGIN_ACCOUNT_MAX_DELAY_SECONDS: "2" },
    }),
  ]);
}, 120_000);
afterAll(async () => Promise.all([direct?.stop(), proxied?.stop()]));

const account = (name: string) => registerUser({ db: ctx.db, name, password: PASSWORD });

/** next-auth's double-submit CSRF token and the cookie that goes with it. */
async function csrf(server: AppServer): Promise<{ token: string; cookie: string }> {
  const response = await httpRequest(server, "GET", "/api/auth/csrf");
  return {
    token: response.body.csrfToken,
    cookie: response.headers
      .getSetCookie()
      .map((value) => value.split(";")[0])
      .join("; "),
  };
}

type Encoding = "form" | "json" | "duplicated";

interface Attempt {
  status: number;
  retryAfter: number | null;
  /** the session cookie set ("next-auth.session-token=…"), if any */
  session: string | null;
  /** where next-auth sends the browser (json: "true") */
  url: string | null;
  text: string;
}

/** One sign-in attempt as a client would send it; `decoy` is the first of two `username` fields. */
async function signIn(
  server: AppServer,
  username: string,
  password: string,
  options: {
    encoding?: Encoding;
    path?: string;
    client?: string;
    extra?: Record<string, string>;
    headers?: Record<string, string>;
    token?: { token: string; cookie: string };
  } = {},
): Promise<Attempt> {
  const { token, cookie } = options.token ?? (await csrf(server));
  const fields = { csrfToken: token, json: "true", ...options.extra };
  let rawBody: string;
  let contentType = "application/x-www-form-urlencoded";
  if (options.encoding === "json") {
    rawBody = JSON.stringify({ ...fields, username, password });
    contentType = "application/json";
  } else if (options.encoding === "duplicated") {
    // The old throttle read the first field; next-auth reads the last.
    rawBody = `${new URLSearchParams({ ...fields, username: "someone unrelated" })}&${new URLSearchParams({ username, password })}`;
  } else rawBody = new URLSearchParams({ ...fields, username, password }).toString();
  const response = await httpRequest(server, "POST", options.path ?? "/api/auth/callback/credentials", {
    rawBody,
    headers: {
      "content-type": contentType,
      cookie,
      ...(options.client ? { "x-forwarded-for": options.client } : {}),
      ...options.headers,
    },
  });
  const session =
    response.headers
      .getSetCookie()
      .find((value) => /^next-auth\.session-token=[^;]+/.test(value))
      ?.split(";")[0] ?? null;
  const retry = response.headers.get("retry-after");
  return {
    status: response.status,
    retryAfter: retry === null ? null : Number(retry),
    session,
    url: response.body?.url ?? null,
    text: response.text,
  };
}

const wrong = (attempt: Attempt) => attempt.status !== 429 && attempt.session === null;

describe("sign-in throttling cannot be walked around", () => {
  it.each<[string, { encoding?: Encoding; path?: string }]>([
    ["a JSON body", { encoding: "json" }],
    ["a duplicated username field", { encoding: "duplicated" }],
    ["an extra path segment", { path: "/api/auth/callback/credentials/extra" }],
  ])("counts guesses sent with %s, and refuses the sixth without checking it", async (what, options) => {
    const name = `Victim ${what.split(" ").pop()}`;
    await account(name);
    for (let i = 0; i < 5; i++)
      expect(wrong(await signIn(direct, name, `guess ${i}`, options)), `${what}: guess ${i}`).toBe(true);
    const sixth = await signIn(direct, name, PASSWORD, options);
    expect(sixth.status, sixth.text).toBe(429);
    expect(sixth.session).toBeNull();
    expect(sixth.retryAfter).toBeGreaterThan(200);
    expect(JSON.parse(sixth.text).error.message).toMatch(/^Too many failed sign-ins. Try again in \d+ seconds\.$/);
  });

  it("evaluates at most 5 of 40 simultaneous guesses; the correct password among them is refused too", async () => {
    await account("Victim Concurrent");
    const token = await csrf(direct);
    const guesses = Array.from({ length: 40 }, (_, i) =>
      signIn(direct, "Victim Concurrent", i === 39 ? PASSWORD : `guess ${i}`, { token }),
    );
    const answers = await Promise.all(guesses);
    const evaluated = answers.filter((answer) => answer.status !== 429);
    expect(evaluated.length).toBeLessThanOrEqual(5);
    for (const answer of answers.filter((a) => a.status === 429)) expect(answer.retryAfter).toBeGreaterThan(0);
    // The correct password now, and whatever was decided above, leaves the account paused for this address.
    const after = await signIn(direct, "Victim Concurrent", PASSWORD, { token });
    expect(after.status).toBe(429);
    expect(after.session).toBeNull();
  });

  it("lets the owner in while a stranger floods failures from many addresses", async () => {
    await account("Owner Olga");
    // The owner signed in from home before.
    expect((await signIn(proxied, "Owner Olga", PASSWORD, { client: "192.0.2.50" })).session).not.toBeNull();
    const token = await csrf(proxied);
    const flood = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        signIn(proxied, "Owner Olga", `stranger guess ${i}`, { client: `198.51.100.${1 + (i % 12)}`, token }),
      ),
    );
    // The account's ceiling: 10 attempts freely, then one at a time with a growing delay.
    const evaluated = flood.filter((answer) => answer.status !== 429).length;
    expect(evaluated).toBeGreaterThanOrEqual(10);
    expect(evaluated).toBeLessThanOrEqual(14);
    const spaced = flood.find((answer) => answer.status === 429 && /spaced out/.test(answer.text));
    expect(spaced?.retryAfter).toBeGreaterThan(0);
    expect(spaced?.retryAfter).toBeLessThanOrEqual(2);
    // From the address the owner used before: straight in.
    const home = await signIn(proxied, "Owner Olga", PASSWORD, { client: "192.0.2.50" });
    expect(home.status, home.text).not.toBe(429);
    expect(home.session).not.toBeNull();
    // From an address new to the account: in, after at most the short delay.
    let travelling = await signIn(proxied, "owner olga", PASSWORD, { client: "192.0.2.99" });
    if (travelling.status === 429) {
      expect(travelling.retryAfter).toBeLessThanOrEqual(2);
      await new Promise((resolve) => setTimeout(resolve, travelling.retryAfter! * 1000 + 100));
      travelling = await signIn(proxied, "owner olga", PASSWORD, { client: "192.0.2.99" });
    }
    expect(travelling.session, travelling.text).not.toBeNull();
  });
});

describe("client addresses", () => {
  const register = (server: AppServer, username: string, headers: Record<string, string>) =>
    httpRequest(server, "POST", "/api/users", { body: { username, password: "a long passphrase here" }, headers });

  it("ignores X-Forwarded-For and a client-sent x-wiki-client-address without a trusted proxy", async () => {
    expect((await register(direct, "Rotator One", { "x-forwarded-for": "203.0.113.1" })).status).toBe(201);
    expect((await register(direct, "Rotator Two", { "x-forwarded-for": "203.0.113.2" })).status).toBe(201);
    const spoofs: Array<Record<string, string>> = [
      { "x-forwarded-for": "203.0.113.3" },
      { "x-wiki-client-address": "203.0.113.4" },
      { "x-forwarded-for": "203.0.113.5", "x-wiki-client-address": "203.0.113.5" },
    ];
    for (const headers of spoofs) {
      const refused = await register(direct, "Rotator Three", headers);
      expect(refused.status, JSON.stringify(headers)).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("takes the address a trusted proxy appended, and only that one", async () => {
    expect((await register(proxied, "Proxied One", { "x-forwarded-for": "203.0.113.10" })).status).toBe(201);
    // The client's own claim on the left is not read: the proxy's entry is the address.
    expect((await register(proxied, "Proxied Two", { "x-forwarded-for": "10.9.9.9, 203.0.113.10" })).status).toBe(201);
    expect((await register(proxied, "Proxied Three", { "x-forwarded-for": "10.9.9.8, 203.0.113.10" })).status).toBe(
      429,
    );
    expect((await register(proxied, "Proxied Four", { "x-forwarded-for": "203.0.113.11" })).status).toBe(201);
  });
});

describe("a copied session token dies with its session", () => {
  /** Signed in by the app's own pages and by next-auth's session endpoint alike: the two must never disagree. */
  const signedInAs = async (server: AppServer, cookie: string) => {
    const page = await httpRequest(server, "GET", "/account", { headers: { cookie } });
    expect(page.status).toBe(200);
    const session = await httpRequest(server, "GET", "/api/auth/session", { headers: { cookie } });
    expect(session.status).toBe(200);
    const byPage = /You are signed in as/.test(page.text);
    expect(Boolean(session.body?.user), `next-auth says ${session.text}, the account page says ${byPage}`).toBe(byPage);
    return byPage;
  };

  it("after sign-out", async () => {
    await account("Copied Carla");
    const session = (await signIn(direct, "Copied Carla", PASSWORD)).session!;
    const elsewhere = (await signIn(direct, "Copied Carla", PASSWORD)).session!;
    expect(await signedInAs(direct, session)).toBe(true);
    const { token, cookie } = await csrf(direct);
    const out = await httpRequest(direct, "POST", "/api/auth/signout", {
      rawBody: new URLSearchParams({ csrfToken: token, json: "true" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${session}` },
    });
    expect(out.status).toBe(200);
    expect(await signedInAs(direct, session)).toBe(false);
    // Only that session: the same account signed in elsewhere stays signed in.
    expect(await signedInAs(direct, elsewhere)).toBe(true);
  });

  it("after signing out everywhere", async () => {
    await account("Everywhere Emil");
    const phone = (await signIn(direct, "Everywhere Emil", PASSWORD)).session!;
    const laptop = (await signIn(direct, "Everywhere Emil", PASSWORD)).session!;
    const response = await httpRequest(direct, "POST", "/api/account/sign-out-everywhere", {
      body: {},
      headers: { cookie: laptop },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.headers.getSetCookie().some((value) => /^next-auth\.session-token=;.*Max-Age=0/.test(value))).toBe(
      true,
    );
    expect(await signedInAs(direct, phone)).toBe(false);
    expect(await signedInAs(direct, laptop)).toBe(false);
    expect((await signIn(direct, "Everywhere Emil", PASSWORD)).session).not.toBeNull();
  });

  it("after a password change, which needs the current password and a good new one", async () => {
    await account("Changing Chen");
    const stolen = (await signIn(direct, "Changing Chen", PASSWORD)).session!;
    const mine = (await signIn(direct, "Changing Chen", PASSWORD)).session!;
    const change = (body: unknown) =>
      httpRequest(direct, "POST", "/api/account/password", { body, headers: { cookie: mine } });
    const wrongCurrent = await change({ currentPassword: "not it", newPassword: "a brand new passphrase" });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.error.message).toMatch(/^currentPassword/);
    const weak = await change({ currentPassword: PASSWORD, newPassword: "password123" });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toMatch(/^newPassword: .*common/);
    const changed = await change({ currentPassword: PASSWORD, newPassword: "a brand new passphrase" });
    expect(changed.status, changed.text).toBe(200);
    const reissued = changed.headers
      .getSetCookie()
      .find((value) => value.startsWith("next-auth.session-token="))!
      .split(";")[0];
    expect(await signedInAs(direct, stolen)).toBe(false);
    expect(await signedInAs(direct, mine)).toBe(false);
    expect(await signedInAs(direct, reissued)).toBe(true);
    expect((await signIn(direct, "Changing Chen", PASSWORD)).session).toBeNull();
    expect((await signIn(direct, "Changing Chen", "a brand new passphrase")).session).not.toBeNull();
  });

  it("past its lifetime however often it was renewed, and when it predates revocable sessions", async () => {
    const user = await account("Ancient Anna");
    const claims = newSessionClaims({ ...user, sessionGeneration: 0 });
    const old = `next-auth.session-token=${await encodeSession({ ...claims, authAt: Math.floor(Date.now() / 1000) - 31 * 24 * 3600 })}`;
    const legacy = `next-auth.session-token=${await encodeSession({ sub: String(user.id), name: user.name })}`;
    const fresh = `next-auth.session-token=${await encodeSession(claims)}`;
    expect(await signedInAs(direct, fresh)).toBe(true);
    expect(await signedInAs(direct, old)).toBe(false);
    expect(await signedInAs(direct, legacy)).toBe(false);
  });
});

describe("return paths stay on the site", () => {
  const formReturnTo = (html: string) => /returnTo\\?":\\?"(.*?)\\?"/.exec(html)?.[1];
  const ATTACKS = [
    "/%09/evil.example",
    "/%0d/evil.example",
    "/%0a/evil.example",
    "//evil.example",
    "/%5Cevil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
  ];

  it.each(ATTACKS)("the login form's returnTo=%s goes home", async (attack) => {
    const page = await httpRequest(
      direct,
      "GET",
      `/login?returnTo=${attack.startsWith("/%") ? attack : encodeURIComponent(attack)}`,
    );
    expect(page.status).toBe(200);
    // The form's prop, in the page's serialized React payload (as escaped there: a tab would read \\t).
    const returnTo = formReturnTo(page.text);
    expect(returnTo).toBe("/");
  });

  it("keeps a same-site returnTo", async () => {
    const page = await httpRequest(direct, "GET", `/login?returnTo=${encodeURIComponent("/wiki/Some_page?x=1")}`);
    expect(formReturnTo(page.text)).toBe("/wiki/Some_page?x=1");
  });

  it.each(ATTACKS.map((attack, index) => [decodeURIComponent(attack), index] as const))(
    "next-auth's callbackUrl %j goes home",
    async (attack, index) => {
      const name = `Return ${index}`;
      await account(name);
      const attempt = await signIn(direct, name, PASSWORD, { extra: { callbackUrl: attack } });
      expect(attempt.session).not.toBeNull();
      expect(new URL(attempt.url!).origin).toBe(direct.url);
      // As a cookie too.
      const { token, cookie } = await csrf(direct);
      const viaCookie = await signIn(direct, name, PASSWORD, {
        token: { token, cookie: `${cookie}; next-auth.callback-url=${encodeURIComponent(attack)}` },
      });
      expect(new URL(viaCookie.url!).origin).toBe(direct.url);
    },
  );

  it("answers garbage in the callbackUrl parameter or cookie without a 500", async () => {
    const GARBAGE = ["http://[", "%", "%E0%A4%A", "\u0000", "https://exa mple.com", "::::", "http://"];
    for (const [index, garbage] of GARBAGE.entries()) {
      for (const path of ["/api/auth/signin", "/api/auth/session", "/api/auth/providers"]) {
        const viaParam = await httpRequest(direct, "GET", `${path}?callbackUrl=${encodeURIComponent(garbage)}`);
        expect(viaParam.status, `${path} ?callbackUrl=${garbage}: ${viaParam.text.slice(0, 200)}`).toBeLessThan(500);
        const viaCookie = await httpRequest(direct, "GET", path, {
          headers: { cookie: `next-auth.callback-url=${encodeURIComponent(garbage)}` },
        });
        expect(viaCookie.status, `${path} cookie ${garbage}: ${viaCookie.text.slice(0, 200)}`).toBeLessThan(500);
        const rawCookie = await httpRequest(direct, "GET", path, {
          headers: { cookie: `next-auth.callback-url=${garbage.replace(/[\u0000\s;]/g, "")}` },
        });
        expect(rawCookie.status, `${path} raw cookie ${garbage}`).toBeLessThan(500);
      }
      const { token, cookie } = await csrf(direct);
      const signInPost = await signIn(direct, `nobody ${index}`, "whatever", {
        extra: { callbackUrl: garbage },
        token: { token, cookie: `${cookie}; next-auth.callback-url=${encodeURIComponent(garbage)}` },
      });
      expect(signInPost.status, `sign-in with callbackUrl ${garbage}: ${signInPost.text.slice(0, 200)}`).toBeLessThan(
        500,
      );
    }
  });
});
