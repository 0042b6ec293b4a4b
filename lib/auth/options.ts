import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { hashPassword, verifyPassword } from "./password";
import { nameKeyOf } from "./usernames";

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

/**
 * next-auth configuration: username and password, JWT sessions. The token
 * carries only the user id and name; groups and blocks are read from the
 * database for every decision, so a stale token grants nothing.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Username and password",
      credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        if (!credentials?.username || !credentials.password) return null;
        const user = await checkCredentials(credentials.username, credentials.password);
        return user ? { id: String(user.id), name: user.name } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
