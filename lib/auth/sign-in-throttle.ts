import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { WikiError } from "../errors";
import { nameKeyOf } from "./usernames";

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

/**
 * The sign-in throttling policy (README, "Reliability and security"), after
 * MediaWiki's $wgPasswordAttemptThrottle and OWASP's advice against lockouts:
 *
 * - per username and address: 5 attempts in 5 minutes;
 * - per address, whatever the usernames: 20 attempts in 5 minutes;
 * - per account, across all addresses: 10 attempts an hour freely, then one
 *   attempt at a time with a delay that doubles from 1 s up to 60 s. This caps
 *   a distributed guesser at about 70 guesses an hour without ever locking the
 *   owner out: the owner waits at most a minute, and an address that signed in
 *   to the account successfully in the last 30 days skips this delay.
 *
 * An attempt is counted before its password is checked, in one statement, and
 * a successful one is given back, so the counts are failures plus attempts in
 * flight: simultaneous guesses cannot all slip under a limit.
 */
export function signInPolicy() {
  return {
    perPair: setting("WIKI_LOGIN_ATTEMPTS_PER_PAIR", 5),
    perAddress: setting("WIKI_LOGIN_ATTEMPTS_PER_ADDRESS", 20),
    windowSeconds: setting("WIKI_LOGIN_WINDOW_SECONDS", 300),
    accountFree: setting("WIKI_LOGIN_ACCOUNT_FREE_ATTEMPTS", 10),
    accountWindowSeconds: setting("WIKI_LOGIN_ACCOUNT_WINDOW_SECONDS", 3600),
    accountMaxDelaySeconds: setting("WIKI_LOGIN_ACCOUNT_MAX_DELAY_SECONDS", 60),
    knownAddressDays: 30,
  };
}

const keysFor = (name: string, address: string) => {
  const account = nameKeyOf(name);
  return {
    pair: `pair:${account}\n${address}`,
    address: `address:${address}`,
    account: `account:${account}`,
    known: `known:${account}\n${address}`,
  };
};

export type SignInAttempt =
  | { allowed: true; keys: ReturnType<typeof keysFor> }
  | { allowed: false; retryAfter: number; reason: "pair" | "address" | "account" };

/**
 * One fixed-window counter of the statement below: counts the attempt while
 * the row is under `limit`, and only when `onlyIf` holds (an earlier counter
 * let it through). Its `granted` says whether this attempt was counted.
 */
const fixedWindowCounter = (key: string, limit: number, windowSeconds: number, token: string, onlyIf: Prisma.Sql) => {
  const expired = Prisma.sql`t."windowStart" <= now() - ${windowSeconds}::int * interval '1 second'`;
  return Prisma.sql`
      INSERT INTO "SignInThrottle" AS t ("key", "attempts", "windowStart", "grantedTo") SELECT ${key}, 1, now(), ${token} WHERE ${onlyIf}
      ON CONFLICT ("key") DO UPDATE SET
        "attempts" = CASE WHEN ${expired} THEN 1 WHEN t."attempts" < ${limit}::int THEN t."attempts" + 1 ELSE t."attempts" END,
        "grantedTo" = CASE WHEN ${expired} OR t."attempts" < ${limit}::int THEN ${token} END,
        "windowStart" = CASE WHEN ${expired} THEN now() ELSE t."windowStart" END
      RETURNING COALESCE("grantedTo" = ${token}, false) AS granted,
        CEIL(EXTRACT(EPOCH FROM ("windowStart" + ${windowSeconds}::int * interval '1 second' - now())))::int AS wait`;
};

/**
 * Counts a sign-in attempt for `name` from `address` and decides whether its
 * password may be checked, in one statement: each counter's row is locked by
 * its upsert, so of N simultaneous attempts at most the limit are let through.
 * The rows are taken in order (pair, address, account) and a later one is
 * touched only when the earlier ones let the attempt through, so an attempt
 * refused for its own address never adds to the account's delay. `grantedTo`
 * carries a fresh token: it equals this attempt's token exactly when this
 * attempt was the one the row counted.
 */
export async function beginSignInAttempt(db: Db, name: string, address: string): Promise<SignInAttempt> {
  const policy = signInPolicy();
  const keys = keysFor(name, address);
  const token = randomUUID();
  const accountExpired = Prisma.sql`t."windowStart" <= now() - ${policy.accountWindowSeconds}::int * interval '1 second'`;
  // Within the free attempts, or the delay since the last attempt has passed.
  const accountOpen = Prisma.sql`(t."attempts" < ${policy.accountFree}::int OR t."nextAttemptAt" IS NULL OR t."nextAttemptAt" <= now())`;
  // Seconds before the next attempt: none within the free ones, then 1, 2, 4… up to the maximum.
  const delayAfterThisAttempt = Prisma.sql`CASE WHEN t."attempts" + 1 < ${policy.accountFree}::int THEN 0
    ELSE LEAST(${policy.accountMaxDelaySeconds}::int, power(2, LEAST(t."attempts" + 1 - ${policy.accountFree}::int, 30))) END`;
  const [row] = await db.$queryRaw<
    Array<{
      pairGranted: boolean;
      pairWait: number;
      addressGranted: boolean | null;
      addressWait: number | null;
      known: boolean;
      accountGranted: boolean | null;
      accountWait: number | null;
    }>
  >`
    WITH pair AS (${fixedWindowCounter(keys.pair, policy.perPair, policy.windowSeconds, token, Prisma.sql`true`)}
    ), address AS (${fixedWindowCounter(keys.address, policy.perAddress, policy.windowSeconds, token, Prisma.sql`(SELECT granted FROM pair)`)}
    ), known AS (
      SELECT EXISTS (SELECT 1 FROM "SignInThrottle" WHERE "key" = ${keys.known} AND "windowStart" > now() - ${policy.knownAddressDays}::int * interval '1 day') AS yes
    ), account AS (
      INSERT INTO "SignInThrottle" AS t ("key", "attempts", "windowStart", "nextAttemptAt", "grantedTo")
      SELECT ${keys.account}, 1, now(), now(), ${token} WHERE (SELECT granted FROM address) AND NOT (SELECT yes FROM known)
      ON CONFLICT ("key") DO UPDATE SET
        "attempts" = CASE WHEN ${accountExpired} THEN 1 WHEN ${accountOpen} THEN t."attempts" + 1 ELSE t."attempts" END,
        "nextAttemptAt" = CASE WHEN ${accountExpired} THEN now() WHEN ${accountOpen} THEN now() + ${delayAfterThisAttempt} * interval '1 second' ELSE t."nextAttemptAt" END,
        "grantedTo" = CASE WHEN ${accountExpired} OR ${accountOpen} THEN ${token} END,
        "windowStart" = CASE WHEN ${accountExpired} THEN now() ELSE t."windowStart" END
      RETURNING COALESCE("grantedTo" = ${token}, false) AS granted,
        GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("nextAttemptAt" - now()))))::int AS wait
    )
    SELECT (SELECT granted FROM pair) AS "pairGranted", (SELECT wait FROM pair) AS "pairWait",
      (SELECT granted FROM address) AS "addressGranted", (SELECT wait FROM address) AS "addressWait",
      (SELECT yes FROM known) AS "known",
      (SELECT granted FROM account) AS "accountGranted", (SELECT wait FROM account) AS "accountWait"`;
  if (!row.pairGranted) return { allowed: false, retryAfter: Math.max(1, row.pairWait), reason: "pair" };
  if (!row.addressGranted) {
    await giveBack(db, [keys.pair]);
    return { allowed: false, retryAfter: Math.max(1, row.addressWait ?? 1), reason: "address" };
  }
  if (!row.known && !row.accountGranted) {
    await giveBack(db, [keys.pair, keys.address]);
    return { allowed: false, retryAfter: Math.max(1, row.accountWait ?? 1), reason: "account" };
  }
  // Now and then, forget counters that no window still covers (an attacker's made-up usernames).
  if (Math.random() < 0.01)
    await db.$executeRaw`DELETE FROM "SignInThrottle" WHERE "windowStart" < now() - interval '31 days'`;
  return { allowed: true, keys };
}

/** Gives back the attempts counted for keys whose attempt was not evaluated after all (or succeeded). */
async function giveBack(db: Db, keys: string[]): Promise<void> {
  await db.$executeRaw`UPDATE "SignInThrottle" SET "attempts" = GREATEST("attempts" - 1, 0) WHERE "key" = ANY(${keys}::text[])`;
}

/**
 * After a checked password: a success forgets the pair's attempts, gives the
 * address and account their attempt back and remembers the address as one the
 * owner uses; a failure stays counted.
 */
export async function finishSignInAttempt(
  db: Db,
  attempt: Extract<SignInAttempt, { allowed: true }>,
  success: boolean,
): Promise<void> {
  if (!success) return;
  const { keys } = attempt;
  await db.$transaction([
    db.$executeRaw`DELETE FROM "SignInThrottle" WHERE "key" = ${keys.pair}`,
    db.$executeRaw`UPDATE "SignInThrottle" SET "attempts" = GREATEST("attempts" - 1, 0) WHERE "key" IN (${keys.address}, ${keys.account})`,
    db.$executeRaw`INSERT INTO "SignInThrottle" ("key", "attempts", "windowStart") VALUES (${keys.known}, 0, now())
      ON CONFLICT ("key") DO UPDATE SET "windowStart" = now()`,
  ]);
}

/** The refusal a throttled attempt answers with (429 and Retry-After). */
export function throttledError(refusal: Extract<SignInAttempt, { allowed: false }>): WikiError {
  const message =
    refusal.reason === "account"
      ? `This account has had many failed sign-ins recently, so attempts are spaced out. Try again in ${refusal.retryAfter} seconds.`
      : `Too many failed sign-ins. Try again in ${refusal.retryAfter} seconds.`;
  return new WikiError("rate_limited", message, { retryAfter: refusal.retryAfter });
}

/**
 * Carries a throttled sign-in's refusal from the credentials provider's
 * `authorize` (deep inside next-auth, which would turn any error into a
 * redirect) out to the route, which answers it with 429 and Retry-After.
 */
export const signInRefusals = new AsyncLocalStorage<{ refusal?: WikiError }>();
