import "server-only";
import { randomUUID } from "node:crypto";
import { decode, encode, type JWT } from "next-auth/jwt";

/** Cookie names next-auth uses for the session token (the __Secure- one over https). */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * How long a session lives from its sign-in. next-auth renews a token's expiry
 * on use; the sign-in time it carries does not move, so a copied token dies at
 * the latest this long after the sign-in, however often it is renewed.
 */
export const SESSION_LIFETIME_SECONDS = 30 * 24 * 60 * 60;

/**
 * What a session token says about its session. The database decides whether
 * it still holds: the user's session generation must equal `generation`
 * (sign out everywhere and password changes move it on) and `sessionId` must
 * not be revoked (sign-out); lib/users/load-actor.ts checks both in the same
 * statement that reads the user.
 */
export interface SessionIdentity {
  userId: number;
  generation: number;
  sessionId: string;
}

function cookieValue(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set");
  return value;
}

/** The claims of a new session for `user`: a fresh session id, signed in now. */
export function newSessionClaims(user: { id: number; name: string; sessionGeneration: number }): JWT {
  return {
    sub: String(user.id),
    name: user.name,
    gen: user.sessionGeneration,
    sid: randomUUID(),
    authAt: Math.floor(Date.now() / 1000),
  };
}

/** The session a token's claims describe, or null when they are incomplete (a token from before sessions were revocable) or past their lifetime. */
export function identityOfClaims(payload: JWT | null): SessionIdentity | null {
  const userId = Number(payload?.sub);
  const { gen, sid, authAt } = (payload ?? {}) as { gen?: unknown; sid?: unknown; authAt?: unknown };
  if (
    !Number.isInteger(userId) ||
    userId <= 0 ||
    !Number.isInteger(gen) ||
    typeof sid !== "string" ||
    typeof authAt !== "number"
  )
    return null;
  if (authAt + SESSION_LIFETIME_SECONDS <= Date.now() / 1000) return null;
  return { userId, generation: gen as number, sessionId: sid };
}

/** When a session signed in at `authAt` (seconds) stops being accepted. */
export const sessionExpiry = (authAt: number) => new Date((authAt + SESSION_LIFETIME_SECONDS) * 1000);

/**
 * The session the request's cookie claims, or null. Only identity comes from
 * the token; whether it still holds and what the user may do are read from the
 * database by the caller (loadActor).
 */
export async function sessionUserId(cookieHeader: string | null): Promise<SessionIdentity | null> {
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(cookieHeader, name);
    if (!token) continue;
    try {
      return identityOfClaims(await decode({ token, secret: secret() }));
    } catch {
      return null;
    }
  }
  return null;
}

/** A session token as next-auth would issue it. */
export function encodeSession(claims: JWT): Promise<string> {
  return encode({ token: claims, secret: secret(), maxAge: SESSION_LIFETIME_SECONDS });
}

/** A session cookie for `user`, as next-auth would set it (tests and tools sign in with it). */
export async function sessionCookieFor(user: {
  id: number;
  name: string;
  sessionGeneration?: number;
}): Promise<string> {
  return `next-auth.session-token=${await encodeSession(newSessionClaims({ ...user, sessionGeneration: user.sessionGeneration ?? 0 }))}`;
}

/**
 * The Set-Cookie value that replaces the request's session cookie with
 * `token` (or removes it when null), under the name next-auth uses for the
 * request (the __Secure- one when the request carried it).
 */
export function sessionSetCookie(cookieHeader: string | null, token: string | null): string {
  const name = SESSION_COOKIES.find((candidate) => cookieValue(cookieHeader, candidate) !== null) ?? SESSION_COOKIES[1];
  const secure = name.startsWith("__Secure-") ? "; Secure" : "";
  return token === null
    ? `${name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`
    : `${name}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_LIFETIME_SECONDS}${secure}`;
}
