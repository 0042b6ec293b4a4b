import { describe, expect, it, vi } from "vitest";

// Count password-hash verifications while keeping the real argon2id work.
const verifyCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../../lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../../lib/auth/password")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      verifyCalls.count += 1;
      return real.verifyPassword(hash, password);
    },
  };
});

import * as usersRoute from "../../../app/api/users/route";
import { authenticate, checkCredentials } from "../../../lib/auth/sign-in";
import { signInPolicy } from "../../../lib/auth/sign-in-throttle";
import { apiRequest, call, type RouteHandler, useRouteTestDatabase } from "../harness";

const ctx = useRouteTestDatabase();
const register = async (username: string, password: string, headers: Record<string, string> = {}) =>
  call(
    usersRoute.POST as RouteHandler,
    await apiRequest("POST", "/api/users", { body: { username, password }, headers }),
  );

describe("registration", () => {
  it("creates an account with an argon2id hash, unique case-insensitively", async () => {
    const created = await register("Alice Example", "a long passphrase here");
    expect(created).toMatchObject({ status: 201, body: { user: { name: "Alice Example" } } });
    const stored = await ctx.db.user.findUniqueOrThrow({
      where: { nameKey: "alice example" },
      omit: { passwordHash: false },
    });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    for (const variant of ["alice example", "ALICE_EXAMPLE", "Ａｌｉｃｅ Example"]) {
      expect(await register(variant, "another long passphrase")).toMatchObject({
        status: 409,
        body: { error: { message: "That username is taken." } },
      });
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
      const client = { "x-wiki-client-address": "203.0.113.9" };
      expect((await register("Carol One", "a long passphrase here", client)).status).toBe(201);
      expect((await register("Carol Two", "a long passphrase here", client)).status).toBe(201);
      const third = await register("Carol Three", "a long passphrase here", client);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(
        (await register("Carol Four", "a long passphrase here", { "x-wiki-client-address": "203.0.113.10" })).status,
      ).toBe(201);
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

  /** The outcome of a throttled password check: the user's name, null (wrong), or the refusal's retry time. */
  const attempt = (name: string, password: string, address: string) =>
    authenticate(name, password, address).then(
      (user) => user?.name ?? null,
      (error) => ({ retryAfter: error.details.retryAfter as number, message: error.message as string }),
    );

  it("pauses a username+address pair after 5 failures in 5 minutes without checking the password, then the address after 20", async () => {
    expect(signInPolicy()).toMatchObject({ perPair: 5, perAddress: 20, windowSeconds: 300 });
    await register("Eve Target", "the right passphrase");
    for (let i = 0; i < 5; i++) expect(await attempt("Eve Target", `wrong ${i}`, "198.51.100.1")).toBeNull();
    verifyCalls.count = 0;
    const paused = await attempt("Eve Target", "the right passphrase", "198.51.100.1");
    expect(paused).toMatchObject({
      message: expect.stringMatching(/Too many failed sign-ins. Try again in \d+ seconds/),
    });
    expect((paused as { retryAfter: number }).retryAfter).toBeGreaterThan(250);
    expect((paused as { retryAfter: number }).retryAfter).toBeLessThanOrEqual(300);
    expect(verifyCalls.count).toBe(0);
    // The owner, from another address, is not paused by a stranger's failures...
    expect(await attempt("eve target", "the right passphrase", "198.51.100.2")).toBe("Eve Target");
    // ...and the first address may still try other names until it has failed 20 times in all.
    for (let i = 0; i < 15; i++) expect(await attempt(`Spray ${i}`, "guess", "198.51.100.1")).toBeNull();
    expect(await attempt("Someone Else", "guess", "198.51.100.1")).toMatchObject({ retryAfter: expect.any(Number) });
  });

  it("clears a pair's failures after a successful sign-in", async () => {
    await register("Finn Forgetful", "the right passphrase");
    for (let i = 0; i < 3; i++) expect(await attempt("Finn Forgetful", "wrong", "192.0.2.7")).toBeNull();
    expect(await attempt("Finn Forgetful", "the right passphrase", "192.0.2.7")).toBe("Finn Forgetful");
    for (let i = 0; i < 5; i++) expect(await attempt("Finn Forgetful", "wrong", "192.0.2.7")).toBeNull();
    expect(await attempt("Finn Forgetful", "wrong", "192.0.2.7")).toMatchObject({ retryAfter: expect.any(Number) });
  });
});
