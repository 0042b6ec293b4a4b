import "server-only";
import { effectiveGroups, type Actor } from "./authz/policy";
import type { Db, Tx } from "./db/client";
import { WikiError } from "./errors";
import { consume } from "./rate-limit";

/** Writes limited per account and per client address (logins and registrations have their own limits). */
export type LimitedAction = "edit" | "proposal" | "comment" | "talk" | "citation" | "source-fix" | "import";

export interface RateLimit {
  perAccount: number;
  perClient: number;
  windowSeconds: number;
}

/** Generous for people, tight for scripts: MediaWiki's defaults are of the same order. */
export const DEFAULT_RATE_LIMITS: Record<LimitedAction, RateLimit> = {
  edit: { perAccount: 30, perClient: 60, windowSeconds: 60 },
  proposal: { perAccount: 10, perClient: 20, windowSeconds: 60 },
  comment: { perAccount: 20, perClient: 40, windowSeconds: 60 },
  // Talk posts (topics and replies): a lively discussion is a few posts a minute per person.
  talk: { perAccount: 10, perClient: 20, windowSeconds: 60 },
  // Citations filled from a URL: each one makes the server fetch a page from the web.
  citation: { perAccount: 20, perClient: 40, windowSeconds: 60 },
  // "Fix once" (lib/sources/fix-source.ts): each one may make up to 50 edits or proposals.
  "source-fix": { perAccount: 5, perClient: 10, windowSeconds: 60 },
  // XML dump uploads (issue 21): each may write thousands of revisions, so even administrators are limited.
  import: { perAccount: 10, perClient: 20, windowSeconds: 600 },
};

/** Actions limited for administrators too (the others exempt them, as MediaWiki's `noratelimit` does). */
const LIMITED_FOR_ADMINS: ReadonlySet<LimitedAction> = new Set(["import"]);

const ACTION_WORDS: Record<LimitedAction, string> = {
  edit: "edits",
  proposal: "proposals",
  comment: "comments",
  talk: "talk page posts",
  citation: "citations filled from a URL",
  "source-fix": "source corrections",
  import: "dump imports",
};

/**
 * The limits in force, from WIKI_RATE_LIMITS: `off`, or a comma-separated
 * list of `action=perAccount/perClient/windowSeconds` overriding the defaults,
 * e.g. `edit=60/120/60,comment=5/10/60`. Pure; throws on a malformed value so
 * a typo in configuration is loud.
 */
export function parseRateLimits(value: string | undefined): Record<LimitedAction, RateLimit> | null {
  if (value?.trim() === "off") return null;
  const limits = { ...DEFAULT_RATE_LIMITS };
  for (const part of (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)) {
    const match = /^([a-z-]+)=(\d+)\/(\d+)\/(\d+)$/.exec(part);
    if (!match || !(match[1] in DEFAULT_RATE_LIMITS))
      throw new Error(
        `WIKI_RATE_LIMITS: cannot read "${part}"; expected action=perAccount/perClient/windowSeconds with action ${Object.keys(DEFAULT_RATE_LIMITS).join(", ")}, or "off".`,
      );
    const [, action, perAccount, perClient, windowSeconds] = match;
    limits[action as LimitedAction] = {
      perAccount: Number(perAccount),
      perClient: Number(perClient),
      windowSeconds: Math.max(1, Number(windowSeconds)),
    };
  }
  return limits;
}

/**
 * Counts one `action` by `actor` from `client` and refuses it with 429 and
 * Retry-After when either count is over its limit. Administrators are exempt
 * (MediaWiki's `noratelimit`) except from LIMITED_FOR_ADMINS. Counters live in the database, so every app
 * instance enforces the same limit.
 */
export async function enforceRateLimit(
  db: Db | Tx,
  action: LimitedAction,
  actor: Actor,
  client: string,
): Promise<void> {
  const limits = parseRateLimits(process.env.WIKI_RATE_LIMITS);
  if (!limits || (effectiveGroups(actor).all.has("admin") && !LIMITED_FOR_ADMINS.has(action))) return;
  const limit = limits[action];
  const [byAccount, byClient] = await Promise.all([
    consume(db as Db, `${action}-user:${actor.id}`, limit.perAccount, limit.windowSeconds),
    consume(db as Db, `${action}-client:${client}`, limit.perClient, limit.windowSeconds),
  ]);
  if (byAccount.limited || byClient.limited) {
    const retryAfter = Math.max(
      byAccount.limited ? byAccount.retryAfter : 0,
      byClient.limited ? byClient.retryAfter : 0,
    );
    const who = byAccount.limited ? "your account" : "your address";
    throw new WikiError(
      "rate_limited",
      `Too many ${ACTION_WORDS[action]} from ${who}: at most ${byAccount.limited ? limit.perAccount : limit.perClient} per ${limit.windowSeconds} seconds. Try again in ${retryAfter} seconds; nothing was saved.`,
      { retryAfter },
    );
  }
}
