import { describe, expect, it, vi } from "vitest";

// Count password-hash verifications while keeping the real argon2id work.
const verifyCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../lib/auth/password")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      verifyCalls.count += 1;
      return real.verifyPassword(hash, password);
    },
  };
});

import * as usersRoute from "../../app/api/users/route";
import { checkCredentials, LOGIN_THROTTLE, loginThrottled, recordLogin } from "../../lib/auth/sign-in";
import { apiRequest, call, type RouteHandler, useRouteTestDatabase } from "./harness";

const ctx = useRouteTestDatabase();
const register = async (username: string, password: string, headers: Record<string, string> = {}) =>
  call(usersRoute.POST as RouteHandler, await apiRequest("POST", "/api/users", { body: { username, password }, headers }));

describe("registration", () => {
  it("creates an account with an argon2id hash, unique case-insensitively", async () => {
    const created = await register("Alice Example", "a long passphrase here");
    expect(created).toMatchObject({ status: 201, body: { user: { name: "Alice Example" } } });
    const stored = await ctx.db.user.findUniqueOrThrow({ where: { nameKey: "alice example" }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    for (const variant of ["alice example", "ALICE_EXAMPLE", "Ａｌｉｃｅ Example"]) {
      expect(await register(variant, "another long passphrase")).toMatchObject({ status: 409, body: { error: { message: "That username is taken." } } });
    }
  });

  it.each([
    ["ab", "a long passphrase here", /at least 3/],
    ["zero\u200bwidth", "a long passphrase here", /invisible/],
    ["pаypal", "a long passphrase here", /mix Latin/],
    ["Bob Builder", "short", /at least 8/],
    ["Bob Builder", "password123", /most common/],
    ["Bob Builder", "bob builder rules", /username/],
  ])("refuses %j / %j with a clear message", async (username, password, message) => {
    const response = await register(username, password);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    expect(await ctx.db.user.count({ where: { name: { contains: "Bob" } } })).toBe(0);
  });

  it("limits registrations per client address with 429 and Retry-After", async () => {
    process.env.WIKI_REGISTRATIONS_PER_HOUR = "2";
    try {
      const client = { "x-forwarded-for": "203.0.113.9" };
      expect((await register("Carol One", "a long passphrase here", client)).status).toBe(201);
      expect((await register("Carol Two", "a long passphrase here", client)).status).toBe(201);
      const third = await register("Carol Three", "a long passphrase here", client);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await register("Carol Four", "a long passphrase here", { "x-forwarded-for": "203.0.113.10" })).status).toBe(201);
    } finally {
      delete process.env.WIKI_REGISTRATIONS_PER_HOUR;
    }
  });
});

describe("sign-in", () => {
  it("fails identically for an unknown user and a wrong password, doing the same hash work", async () => {
    await register("Dana Known", "the right passphrase");
    verifyCalls.count = 0;
    const unknown = await checkCredentials("Nobody Here", "the right passphrase");
    const unknownVerifications = verifyCalls.count;
    verifyCalls.count = 0;
    const wrong = await checkCredentials("Dana Known", "a wrong passphrase");
    const wrongVerifications = verifyCalls.count;
    expect(unknown).toBeNull();
    expect(wrong).toBeNull();
    expect(unknownVerifications).toBe(1);
    expect(wrongVerifications).toBe(1);
    expect(await checkCredentials("dana known", "the right passphrase")).toMatchObject({ name: "Dana Known" });
  });

  it("pauses a username after 5 failures in 5 minutes, and a client after 20, with a retry time", async () => {
    expect(LOGIN_THROTTLE).toMatchObject({ perUser: 5, windowSeconds: 300 });
    for (let i = 0; i < 5; i++) {
      expect((await loginThrottled("Eve Target", "198.51.100.1")).limited).toBe(false);
      await recordLogin("Eve Target", "198.51.100.1", false);
    }
    const paused = await loginThrottled("Eve Target", "198.51.100.2");
    expect(paused.limited).toBe(true);
    expect(paused.retryAfter).toBeGreaterThan(250);
    expect(paused.retryAfter).toBeLessThanOrEqual(300);
    // Another username from the same client is not paused yet...
    expect((await loginThrottled("Someone Else", "198.51.100.1")).limited).toBe(false);
    // ...until the client itself has failed 20 times.
    for (let i = 0; i < 15; i++) await recordLogin(`Spray ${i}`, "198.51.100.1", false);
    expect((await loginThrottled("Someone Else", "198.51.100.1")).limited).toBe(true);
  });

  it("clears a username's failures after a successful sign-in", async () => {
    for (let i = 0; i < 3; i++) await recordLogin("Finn Forgetful", "192.0.2.7", false);
    await recordLogin("Finn Forgetful", "192.0.2.7", true);
    for (let i = 0; i < 4; i++) await recordLogin("Finn Forgetful", "192.0.2.7", false);
    expect((await loginThrottled("Finn Forgetful", "192.0.2.7")).limited).toBe(false);
  });
});
