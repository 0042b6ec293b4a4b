import "server-only";
import type { JWT } from "next-auth/jwt";
import type { Actor } from "../authz/policy";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-rules";
import { newSessionClaims } from "../auth/session";
import { authenticate } from "../auth/sign-in";
import { getDb, type Db } from "../db/client";
import { WikiError } from "../errors";

// Blocked users too: ending one's sessions and changing one's password are how an account is taken back.
function requireSignedIn(actor: Actor | null, what: string): Actor {
  if (!actor) throw new WikiError("unauthorized", `You need to sign in to ${what}.`);
  return actor;
}

/**
 * Ends every session of the signed-in user, this one included: the session
 * generation moves on, and every token issued under the old one is refused by
 * the next request that reads the user (lib/users/load-actor.ts).
 */
export async function signOutEverywhere(options: { actor: Actor | null; db?: Db }): Promise<void> {
  const actor = requireSignedIn(options.actor, "sign out");
  const db = options.db ?? getDb();
  await db.user.update({ where: { id: actor.id }, data: { sessionGeneration: { increment: 1 } } });
}

/**
 * Changes the signed-in user's password. The current password is required and
 * checked through the sign-in throttle (a stolen session cannot guess it
 * faster than a sign-in could); the new one must pass the registration rules.
 * Every other session ends; the answer is a fresh session for this browser.
 */
export async function changePassword(options: {
  actor: Actor | null;
  currentPassword: string;
  newPassword: string;
  clientAddress: string;
  db?: Db;
}): Promise<{ session: JWT }> {
  const actor = requireSignedIn(options.actor, "change your password");
  const db = options.db ?? getDb();
  const problem = passwordProblem(options.newPassword, actor.name);
  if (problem) throw new WikiError("bad_request", `newPassword: ${problem}`, { field: "newPassword" });
  const checked = await authenticate(actor.name, options.currentPassword, options.clientAddress);
  if (!checked || checked.id !== actor.id)
    throw new WikiError("bad_request", "currentPassword: the current password is not correct.", {
      field: "currentPassword",
    });
  const passwordHash = await hashPassword(options.newPassword);
  const user = await db.user.update({
    where: { id: actor.id },
    data: { passwordHash, sessionGeneration: { increment: 1 } },
    select: { id: true, name: true, sessionGeneration: true },
  });
  return { session: newSessionClaims(user) };
}
