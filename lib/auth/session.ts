import "server-only";
import { decode, encode } from "next-auth/jwt";

/** Cookie names next-auth uses for the session token (the __Secure- one over https). */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function cookieValue(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return null;
}

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set");
  return value;
}

/**
 * The signed-in user's id from the session cookie, or null. Only identity
 * comes from the token; rights are read from the database by the caller.
 */
export async function sessionUserId(cookieHeader: string | null): Promise<number | null> {
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(cookieHeader, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret: secret() });
      const id = Number(payload?.sub);
      if (Number.isInteger(id) && id > 0) return id;
    } catch {
      return null;
    }
  }
  return null;
}

/** A session cookie for `userId`, as next-auth would set it (tests and tools sign in with it). */
export async function sessionCookieFor(user: { id: number; name: string }): Promise<string> {
  const token = await encode({ token: { sub: String(user.id), name: user.name }, secret: secret() });
  return `next-auth.session-token=${token}`;
}
