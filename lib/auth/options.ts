import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { WikiError } from "../errors";
import { clientAddress } from "../http/client-address";
import { sameSiteRedirect } from "../http/return-path";
import { loadActor } from "../users/load-actor";
import { identityOfClaims, newSessionClaims, SESSION_LIFETIME_SECONDS, sessionExpiry } from "./session";
import { authenticate } from "./sign-in";
import { signInRefusals } from "./sign-in-throttle";

/**
 * next-auth configuration: username and password, JWT sessions. The token
 * carries the user id and name, the session generation it was issued under, a
 * session id and the sign-in time (lib/auth/session.ts); groups and blocks are
 * read from the database for every decision, so a stale token grants nothing,
 * and a token whose session ended is refused by the same read.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_LIFETIME_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Username and password",
      credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
      // The throttle counts the exact username checked here, whatever the body's encoding or the path.
      async authorize(credentials, request) {
        const { username, password } = (credentials ?? {}) as { username?: unknown; password?: unknown };
        if (typeof username !== "string" || typeof password !== "string" || !username || !password) return null;
        try {
          const user = await authenticate(username, password, clientAddress({ headers: request?.headers ?? {} }));
          return user ? { id: String(user.id), name: user.name, sessionGeneration: user.sessionGeneration } : null;
        } catch (error) {
          const refusals = signInRefusals.getStore();
          if (error instanceof WikiError && refusals) refusals.refusal = error;
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user)
        return newSessionClaims({
          id: Number(user.id),
          name: user.name ?? "",
          sessionGeneration: (user as { sessionGeneration?: number }).sessionGeneration ?? 0,
        });
      // Renewal keeps the sign-in time: past its lifetime, or once the session was signed out (here or everywhere),
      // the token is not renewed and next-auth's own /api/auth/session answers {} and clears the cookie, as the app does.
      const identity = identityOfClaims(token);
      if (!identity || !(await loadActor(getDb(), identity))) throw new Error("The session has ended; sign in again.");
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
    // Every return path (callbackUrl parameter or cookie) stays on this site; garbage goes home.
    redirect({ url, baseUrl }) {
      return sameSiteRedirect(url, baseUrl);
    },
  },
  events: {
    // Sign-out ends this session on the server too: its id is refused until the token would have expired anyway.
    async signOut({ token }) {
      const session = identityOfClaims(token);
      if (!session) return;
      const db = getDb();
      await db.$transaction([
        db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
        db.revokedSession.upsert({
          where: { id: session.sessionId },
          create: { id: session.sessionId, expiresAt: sessionExpiry(Number(token.authAt)) },
          update: {},
        }),
      ]);
    },
  },
};
