import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { checkCredentials, recordLogin } from "./sign-in";

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
      async authorize(credentials, request) {
        if (!credentials?.username || !credentials.password) return null;
        const forwarded = String(request?.headers?.["x-forwarded-for"] ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
        const client = forwarded[forwarded.length - 1] ?? "local";
        const user = await checkCredentials(credentials.username, credentials.password);
        await recordLogin(credentials.username, client, user !== null);
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
