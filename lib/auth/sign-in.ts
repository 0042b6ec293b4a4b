import "server-only";
import { getDb } from "../db/client";
import { hashPassword, verifyPassword } from "./password";
import { beginSignInAttempt, finishSignInAttempt, throttledError } from "./sign-in-throttle";
import { nameKeyOf } from "./usernames";

/** The account a password was checked for, with the session generation its tokens must carry. */
export interface CheckedUser {
  id: number;
  name: string;
  sessionGeneration: number;
}

// A real argon2id hash of a random password: unknown users are checked against
// it so that "no such user" costs the same time as "wrong password".
let dummyHash: Promise<string> | null = null;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}

/** Checks a username and password; the user, or null. Same work whether or not the user exists. Not throttled: see `authenticate`. */
export async function checkCredentials(name: string, password: string): Promise<CheckedUser | null> {
  const user = await getDb().user.findUnique({
    where: { nameKey: nameKeyOf(name) },
    select: { id: true, name: true, passwordHash: true, sessionGeneration: true, imported: true },
  });
  // A user imported from a MediaWiki dump (lib/articles/import-dump.ts) has no password and never signs in; it
  // is checked against the dummy hash like an unknown name, so the answer and its time are the same.
  const account = user?.imported ? null : user;
  const valid = await verifyPassword(account?.passwordHash ?? (await getDummyHash()), password);
  return account && valid ? { id: account.id, name: account.name, sessionGeneration: account.sessionGeneration } : null;
}

/**
 * Every password check that answers a client (sign-in, the current password
 * of a password change): the attempt is counted against the throttle before
 * the password is verified, and a throttled one is refused with a
 * `rate_limited` WikiError without being verified at all.
 */
export async function authenticate(name: string, password: string, address: string): Promise<CheckedUser | null> {
  const attempt = await beginSignInAttempt(getDb(), name, address);
  if (!attempt.allowed) throw throttledError(attempt);
  const user = await checkCredentials(name, password);
  await finishSignInAttempt(getDb(), attempt, user !== null);
  return user;
}
