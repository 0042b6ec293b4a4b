import "server-only";
import { getDb } from "../db/client";
import { consume, peek, reset } from "../rate-limit";
import { hashPassword, verifyPassword } from "./password";
import { nameKeyOf } from "./usernames";

/** Failed sign-ins allowed per username and per client address in the window (configurable). */
export const LOGIN_THROTTLE = {
  perUser: Number(process.env.WIKI_LOGIN_FAILURES_PER_USER ?? 5),
  perClient: Number(process.env.WIKI_LOGIN_FAILURES_PER_CLIENT ?? 20),
  windowSeconds: Number(process.env.WIKI_LOGIN_WINDOW_SECONDS ?? 300),
};

const throttleKeys = (name: string, client: string) => [`login-user:${nameKeyOf(name)}`, `login-client:${client}`] as const;

/** Whether sign-in for this username or from this client is paused, and for how long. */
export async function loginThrottled(name: string, client: string): Promise<{ limited: boolean; retryAfter: number }> {
  const [userKey, clientKey] = throttleKeys(name, client);
  const [byUser, byClient] = await Promise.all([
    peek(getDb(), userKey, LOGIN_THROTTLE.perUser, LOGIN_THROTTLE.windowSeconds),
    peek(getDb(), clientKey, LOGIN_THROTTLE.perClient, LOGIN_THROTTLE.windowSeconds),
  ]);
  return { limited: byUser.limited || byClient.limited, retryAfter: Math.max(byUser.retryAfter, byClient.retryAfter) };
}

/** Records the outcome of a sign-in attempt: failures count, a success clears the username's count. */
export async function recordLogin(name: string, client: string, success: boolean): Promise<void> {
  const [userKey, clientKey] = throttleKeys(name, client);
  if (success) return reset(getDb(), userKey);
  await consume(getDb(), userKey, LOGIN_THROTTLE.perUser, LOGIN_THROTTLE.windowSeconds);
  await consume(getDb(), clientKey, LOGIN_THROTTLE.perClient, LOGIN_THROTTLE.windowSeconds);
}

// A real argon2id hash of a random password: unknown users are checked against
// it so that "no such user" costs the same time as "wrong password".
let dummyHash: Promise<string> | null = null;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}

/** Checks a username and password; the user's id and name, or null. Same work whether or not the user exists. */
export async function checkCredentials(name: string, password: string): Promise<{ id: number; name: string } | null> {
  const user = await getDb().user.findUnique({ where: { nameKey: nameKeyOf(name) }, select: { id: true, name: true, passwordHash: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  return user && valid ? { id: user.id, name: user.name } : null;
}

